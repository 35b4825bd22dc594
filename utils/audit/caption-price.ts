/**
 * Prices stated in an ad's caption, in any common format: `$12.99`, `12,99 €`, `¥1,000`,
 * `12.99 USD`, `1.234,56 €`, `1 234,56 zł`, `١٢٫٩٩ ر.س` (Arabic-Indic digits and the Arabic
 * decimal sign), full-width `￥１，０００`. A number counts as a price only next to a currency
 * sign or code: "40% off" and "size 9" are not prices. Pure; never throws.
 */
import { currencyExponent } from '../money';
import { CURRENCY_MARKS, ISO_CODES } from './currency-marks';

export interface CaptionPrice {
  /** The price as written, digits made ASCII. */
  text: string;
  /** A plain decimal: `1234.56`, `1000`. */
  amount: string;
  /** The ISO codes its sign or code may mean (`$` → USD, CAD, …). */
  codes: string[];
}

/** Direction marks sit between sign and number in right-to-left text; they carry no meaning here. */
const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const NUMBER = /\d+(?:[.,'’\u00A0\u202F\u2009 ]\d+)*/g;
const SEPARATOR = /([.,'’\u00A0\u202F\u2009 ])/;
const LETTER = /\p{L}/u;
const MAX_CAPTION = 5000;
const MAX_PRICES = 20;

/** Arabic-Indic, Persian and full-width digits to ASCII; the Arabic decimal and group signs to `.` and `,`. */
export function normaliseDigits(text: string): string {
  let out = '';
  for (const ch of text.replace(BIDI_MARKS, '')) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x660 && c <= 0x669) out += String(c - 0x660);
    else if (c >= 0x6f0 && c <= 0x6f9) out += String(c - 0x6f0);
    else if (c >= 0xff10 && c <= 0xff19) out += String(c - 0xff10);
    else if (ch === '٫' || ch === '．') out += '.';
    else if (ch === '٬' || ch === '，') out += ',';
    else out += ch;
  }
  return out;
}

interface Mark {
  codes: string[];
  text: string;
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && LETTER.test(ch);

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** The sign or code written before the number at `start` (one space allowed between). */
function markBefore(text: string, start: number): Mark | null {
  const spaced = /\s/.test(text[start - 1] ?? '');
  const end = spaced ? start - 1 : start;
  const found = isoBefore(text, end) ?? signBefore(text, end);
  // "12€ 15€": a sign touching the previous number is that number's, not this one's.
  if (!found || (spaced && isDigit(text[end - found.length - 1]))) return null;
  return { codes: found.codes, text: text.slice(end - found.length, start) };
}

function isoBefore(text: string, end: number): { codes: string[]; length: number } | null {
  const code = text.slice(Math.max(0, end - 3), end).toUpperCase();
  return /^[A-Z]{3}$/.test(code) && ISO_CODES.has(code) && !isLetter(text[end - 4]) ? { codes: [code], length: 3 } : null;
}

function signBefore(text: string, end: number): { codes: string[]; length: number } | null {
  for (const { mark, codes } of CURRENCY_MARKS) {
    if (!text.slice(0, end).endsWith(mark)) continue;
    if (isLetter(mark[0]) && isLetter(text[end - mark.length - 1])) continue;
    return { codes: [...codes], length: mark.length };
  }
  return null;
}

/** The sign or code written after the number ending at `end` (one space allowed between). */
function markAfter(text: string, end: number): Mark | null {
  const spaced = /\s/.test(text[end] ?? '');
  const start = spaced ? end + 1 : end;
  const found = isoAfter(text, start) ?? signAfter(text, start);
  // "size 9 $59": a sign touching the next number is that number's.
  if (!found || (spaced && isDigit(text[start + found.length]))) return null;
  return { codes: found.codes, text: text.slice(end, start + found.length) };
}

function isoAfter(text: string, start: number): { codes: string[]; length: number } | null {
  const code = text.slice(start, start + 3).toUpperCase();
  return /^[A-Z]{3}$/.test(code) && ISO_CODES.has(code) && !isLetter(text[start + 3]) ? { codes: [code], length: 3 } : null;
}

function signAfter(text: string, start: number): { codes: string[]; length: number } | null {
  for (const { mark, codes } of CURRENCY_MARKS) {
    if (!text.startsWith(mark, start)) continue;
    if (isLetter(mark.at(-1)) && isLetter(text[start + mark.length])) continue;
    return { codes: [...codes], length: mark.length };
  }
  return null;
}

/**
 * A written number to a plain decimal, or null when its separators make no sense. With both
 * `.` and `,` the last one is the decimal sign; a lone one followed by exactly three digits
 * groups thousands (`¥1,000`, `€1.000`) unless the currency has three decimals (`3.500 د.ك`).
 */
export function readAmount(token: string, threeDecimals = false): string | null {
  const parts = token.split(SEPARATOR);
  const groups = parts.filter((_, i) => i % 2 === 0);
  const seps = parts.filter((_, i) => i % 2 === 1);
  if (seps.length === 0) return token;
  const marks = [...new Set(seps.filter((s) => s === '.' || s === ','))];
  const last = seps.length - 1;
  let decimalAt = -1;
  if (marks.length === 2) decimalAt = last;
  else if (marks.length === 1 && seps[last] === marks[0] && seps.filter((s) => s === marks[0]).length === 1) {
    const after = groups[last + 1]!;
    const groupsThousands = after.length === 3 && !threeDecimals && groups[last] !== '0' && seps.length === 1;
    if (!groupsThousands) decimalAt = last;
  }
  const whole = decimalAt >= 0 ? groups.slice(0, decimalAt + 1) : groups;
  const fraction = decimalAt >= 0 ? groups[decimalAt + 1]! : '';
  const groupSeps = decimalAt >= 0 ? seps.slice(0, decimalAt) : seps;
  if (new Set(groupSeps).size > 1 || (decimalAt >= 0 && !['.', ','].includes(seps[decimalAt]!))) return null;
  if (whole.length > 1 && (whole[0]!.length > 3 || whole.slice(1).some((g) => g.length !== 3))) return null;
  if (fraction.length > 6 || whole.join('').length > 12) return null;
  return fraction ? `${whole.join('')}.${fraction}` : whole.join('');
}

function interpret(token: string, codes: string[]): { amount: string; token: string } | null {
  const threeDecimals = codes.every((code) => currencyExponent(code) === 3);
  const amount = readAmount(token, threeDecimals);
  if (amount !== null) return { amount, token };
  // "buy 2 12.99 $": that space separates two numbers; the price is what follows it.
  const tail = token.split(/\s/).at(-1) ?? '';
  const tailAmount = tail !== token ? readAmount(tail, threeDecimals) : null;
  return tailAmount !== null ? { amount: tailAmount, token: tail } : null;
}

/** Every price the caption states, in order. */
export function parseCaptionPrices(caption: string): CaptionPrice[] {
  const text = normaliseDigits(caption.slice(0, MAX_CAPTION));
  const prices: CaptionPrice[] = [];
  for (const match of text.matchAll(NUMBER)) {
    if (prices.length >= MAX_PRICES) break;
    const start = match.index;
    const end = start + match[0].length;
    const before = markBefore(text, start);
    const after = markAfter(text, end);
    if (!before && !after) continue;
    // "$12.99 USD": the code narrows the sign; when they disagree the spelt-out code wins.
    const both = before && after ? before.codes.filter((c) => after.codes.includes(c)) : [];
    const codes = both.length > 0 ? both : after && after.codes.length === 1 ? after.codes : (before ?? after)!.codes;
    const read = interpret(match[0], codes);
    if (read === null) continue;
    const lead = read.token === match[0] ? (before?.text ?? '') : '';
    prices.push({ text: `${lead}${read.token}${after?.text ?? ''}`.trim(), amount: read.amount, codes });
  }
  return prices;
}
