/**
 * The shape every landing check shares (STYLE.md § One feature, one file, one shape): a
 * check is a pure function of what ScrollCart knows about one ad, and answers with a verdict,
 * a reason in words and the evidence it looked at. Words are catalogue keys with their
 * substitutions, so each page shows them in the reader's language (components/i18n.ts).
 */
import type { ProductRow, SightingRow } from '../model';
import type { ProductUrlResult } from '../shopify/product-url';
import type { UnwrappedLink } from '../tiktok/links';

export type Verdict = 'pass' | 'warn' | 'fail';

/** A substitution: plain text (a URL, a price, a name) or another catalogue key, translated too. */
export type WordArg = string | { key: `dash_${string}` | `lookup_${string}` };

/** A catalogue key (components/public/_locales) and its substitutions. */
export interface Words {
  key: `dash_${string}`;
  args: WordArg[];
}

/** One fact a check looked at: a labelled value (a URL, a price, a parameter). */
export interface EvidenceItem {
  label: `dash_ev_${string}`;
  value: string;
}

export interface CheckOutcome {
  verdict: Verdict;
  reason: Words;
  evidence: EvidenceItem[];
}

/** Everything a check may read about one ad; built once by `auditInput`, never fetched by a check. */
export interface CheckInput {
  sighting: Pick<SightingRow, 'itemId' | 'caption' | 'landingUrlRaw' | 'landingUrl' | 'productKey'>;
  /** The resolved product row, or null when the store was never looked up. */
  product: ProductRow | null;
  /** The raw landing URL unwrapped (tracking parameters and macros set aside), or null when it is no usable URL. */
  link: UnwrappedLink | null;
  /** Every URL from the raw landing URL to the page, one per TikTok redirect wrapper peeled. */
  chain: string[];
  /** What the landing page is, by its URL's shape. */
  target: ProductUrlResult | null;
}

export interface AuditCheck {
  /** Stable: it names the check's CSV columns (docs/export-format.md). */
  id: string;
  /** The check's name, a catalogue key. */
  title: `dash_check_${string}`;
  run(input: CheckInput): CheckOutcome;
}

export interface CheckResult extends CheckOutcome {
  id: string;
}

/** Small helpers so checks read as sentences. */
export const words = (key: Words['key'], ...args: WordArg[]): Words => ({ key, args });
export const evidence = (label: EvidenceItem['label'], value: string): EvidenceItem => ({ label, value });
export const outcome = (verdict: Verdict, reason: Words, items: EvidenceItem[] = []): CheckOutcome => ({ verdict, reason, evidence: items });
