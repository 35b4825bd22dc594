/** The link back from a saved item or a click to the TikTok ad it came from. */
import type { SightingRow } from '../model';

const CAPTION_SNIPPET = 120;

/** `https://www.tiktok.com/@{author}/video/{itemId}`; null without an author handle (the URL needs one). */
export function tiktokVideoUrl(author: string, itemId: string): string | null {
  if (!author || !/^\d{1,25}$/.test(itemId)) return null;
  return `https://www.tiktok.com/@${encodeURIComponent(author)}/video/${itemId}`;
}

/** The caption's first words on one line, cut at a character (never mid surrogate pair) with an ellipsis. */
export function captionSnippet(caption: string, max = CAPTION_SNIPPET): string {
  const line = caption.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

export function adRefOf(sighting: Pick<SightingRow, 'itemId' | 'author' | 'caption'>) {
  return {
    itemId: sighting.itemId as string,
    author: sighting.author,
    caption: captionSnippet(sighting.caption),
    videoUrl: tiktokVideoUrl(sighting.author, sighting.itemId),
  };
}
