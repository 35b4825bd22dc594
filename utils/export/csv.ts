/**
 * CSV as RFC 4180 writes it (fields with a comma, quote or line break quoted, quotes doubled,
 * CRLF between records), made safe to open in a spreadsheet: a field starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is a formula to Excel, LibreOffice and Sheets, so it
 * gets a leading apostrophe (OWASP "CSV Injection"). Captions and URLs come from strangers.
 */

/**
 * Formula starters (and their full-width forms, which some spreadsheets also evaluate), also
 * behind leading blanks or invisible characters, which some importers strip before reading.
 */
const FORMULA_START = /^[\t\r]|^[\s\u200B-\u200D\u2060\uFEFF]*[=+\-@＝＋－＠]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Neutralises a formula by prefixing an apostrophe; every other text is kept as is. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  // Numbers we write are counts and times, never negative: only text can be a formula.
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: header and rows. Starts with a byte-order mark so spreadsheets read it as UTF-8 (Arabic, emoji). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Reads a file `toCsv` wrote back into rows (for tests, and for people checking an export). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i]!;
    if (quoted && ch === '"' && body[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"' && (quoted || field === '')) {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
