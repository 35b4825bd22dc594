/**
 * Text from the page, made safe to keep and fair to compare. It stays text: nothing here
 * decodes HTML or markup, so `<img onerror=…>` in a caption is kept as those characters and
 * rendered as text later (DESIGN.md § Security boundary).
 */

/** Zero-width characters, soft hyphen and bidi controls: invisible, so a label may hide behind them. */
export const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
/** C0/C1 controls except tab and newline. */
const CONTROL = /(?![\t\n])\p{Cc}/gu;
/** Separators a renderer may put around a label ("Sponsored ·"). */
const EDGE_PUNCTUATION = /^[\s·•|:–—-]+|[\s·•|:–—-]+$/g;

/** Cuts `text` to at most `max` UTF-16 units without splitting a character, minus controls and lone surrogates. */
export function clampText(text: string, max: number): string {
  let out = text.replace(CONTROL, '');
  if (out.length > max) {
    out = out.slice(0, max);
    const last = out.charCodeAt(out.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  }
  return out.toWellFormed();
}

/** A short single-line field (author, CTA): invisible characters removed, whitespace collapsed. */
export function oneLine(text: string, max: number): string {
  return clampText(text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim(), max);
}

/** Comparable form of a label: NFC, invisible characters removed, whitespace collapsed, trimmed, case-folded. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '').toLowerCase();
}
