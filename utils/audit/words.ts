/** Words to text with a catalogue lookup passed in: `t` in pages, `browser.i18n.getMessage` in the background (exports). */
import type { Words } from './types';

export type Lookup = (key: string, substitutions?: string[]) => string;

export function wordsToText(words: Words, lookup: Lookup): string {
  const args = words.args.map((arg) => (typeof arg === 'string' ? arg : lookup(arg.key) || arg.key));
  return lookup(words.key, args) || [words.key, ...args].join(' ');
}
