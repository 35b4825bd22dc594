/**
 * Finds a localised ad label ("Sponsored", "ممول", "Gesponsert" …, signals.ts) among a card's
 * text, the last-resort marker when no `data-e2e` ad hook is present (research §5). A label
 * matches whole, on normalised text, either as one element's text or as a short run of
 * neighbouring nodes (a label split across spans). Text written by users (caption, names,
 * sound title) and the "Paid partnership" tag are never read (NOT_A_LABEL): an organic
 * caption saying "Sponsored" is not an ad.
 */
import { AD_LABELS, NOT_A_LABEL } from './signals';
import { INVISIBLE, normalizeLabel, oneLine } from './text';

const LABELS: ReadonlySet<string> = new Set(Object.values(AD_LABELS).flat().map(normalizeLabel));
/** Longer text is no label; texts are cut to this before being combined, so work stays linear. */
const MAX_LABEL_CHARS = 64;
/** Neighbouring nodes a split label may span. */
const MAX_PARTS = 4;
/** Bounds on the walk, whatever the page nests. */
const MAX_ELEMENTS = 3000;
const MAX_DEPTH = 48;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Is `text`, normalised, one of the known ad labels? */
export function isAdLabelText(text: string): boolean {
  return text.length <= MAX_LABEL_CHARS * 4 && LABELS.has(normalizeLabel(text));
}

interface Walk {
  budget: number;
  found: string | null;
}

/** A run of neighbouring texts, joined as rendered ('' between spans) or spaced. */
function checkRuns(parts: (string | null)[], walk: Walk): void {
  for (let i = 0; i < parts.length && walk.found === null; i += 1) {
    let tight = '';
    let spaced = '';
    for (let j = i; j < parts.length && j < i + MAX_PARTS; j += 1) {
      const part = parts[j];
      if (part === null || part === undefined) break; // an excluded subtree interrupts a run
      tight += part;
      spaced = j === i ? part : `${spaced} ${part}`;
      if (tight.trim().length > MAX_LABEL_CHARS) break;
      if (isAdLabelText(tight) || isAdLabelText(spaced)) {
        walk.found = tight;
        return;
      }
    }
  }
}

/** The readable text of `node` (null when it is excluded), checking it and its child runs on the way up. */
function textOf(node: Node, walk: Walk, depth: number): string | null {
  if (node.nodeType === TEXT_NODE) return (node.nodeValue ?? '').slice(0, MAX_LABEL_CHARS * 2);
  if (node.nodeType !== ELEMENT_NODE) return '';
  const el = node as Element;
  if (walk.found !== null || walk.budget <= 0 || depth > MAX_DEPTH) return '';
  walk.budget -= 1;
  if (el.matches(NOT_A_LABEL)) return null;
  const aria = el.getAttribute('aria-label');
  if (aria && isAdLabelText(aria)) {
    walk.found = aria;
    return '';
  }
  const parts: (string | null)[] = [];
  for (const child of el.childNodes) {
    parts.push(textOf(child, walk, depth + 1));
    if (walk.found !== null) return '';
  }
  checkRuns(parts, walk);
  const whole = parts.map((p) => p ?? '').join('');
  if (walk.found === null && parts.length > MAX_PARTS && isAdLabelText(whole)) walk.found = whole;
  return whole.slice(0, MAX_LABEL_CHARS * 2);
}

/** Labels as the cheap screen compares them: case-folded, without any white space. */
const SQUEEZED = [...LABELS].map((label) => label.replace(/\s+/g, ''));

/**
 * A cheap, sound screen before the walk: any label the walk can find is a run of the card's
 * text, so it is a substring of the whole text once case, white space and invisible
 * characters are dropped. Most organic cards fail it and skip the walk.
 */
function mayHoldLabel(card: Element): boolean {
  const aria = [...card.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label')).join('');
  const text = `${card.textContent ?? ''}${aria}`.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, '').toLowerCase();
  return SQUEEZED.some((label) => text.includes(label));
}

/** The ad label text found among the card's own (non-user) text, or null. */
export function findAdLabelText(card: Element): string | null {
  if (!mayHoldLabel(card)) return null;
  const walk: Walk = { budget: MAX_ELEMENTS, found: null };
  textOf(card, walk, 0);
  return walk.found === null ? null : oneLine(walk.found, MAX_LABEL_CHARS);
}
