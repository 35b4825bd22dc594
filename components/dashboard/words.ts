/** Dashboard wording built from catalogue keys: verdicts, reasons, pages, dates. */
import { browser } from 'wxt/browser';
import type { Verdict, Words } from '@/utils/audit/types';
import { wordsToText } from '@/utils/audit/words';
import { t, type MessageKey } from '../i18n';

const lookup = (key: string, args?: string[]) => t(key as MessageKey, args);

export const say = (words: Words): string => wordsToText(words, lookup);
export const label = (key: string): string => t(key as MessageKey);

export const VERDICT_SIGN: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✗' };
export const verdictText = (verdict: Verdict): string => t(`dash_verdict_${verdict}`);

/** The feed an ad appeared in, from the TikTok path it was seen on. */
export function pageName(path: string): string {
  if (path === '/' || path.startsWith('/foryou')) return t('dash_feed_foryou');
  if (path.startsWith('/following')) return t('dash_feed_following');
  if (path.startsWith('/explore')) return t('dash_feed_explore');
  if (path.startsWith('/search')) return t('dash_feed_search');
  if (path.startsWith('/@')) return t('dash_feed_profile');
  return path;
}

// Made on first use, in the browser's UI language (asked once).
let dateTime: Intl.DateTimeFormat | undefined;
let numbers: Intl.NumberFormat | undefined;
export const when = (time: number): string => (dateTime ??= new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { dateStyle: 'medium', timeStyle: 'short' })).format(time);
export const number = (n: number): string => (numbers ??= new Intl.NumberFormat(browser.i18n.getUILanguage())).format(n);
