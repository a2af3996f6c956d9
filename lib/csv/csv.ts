/**
 * CSV writing for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark (without it
 * Excel reads UTF-8 as the local code page and the Chinese turns to mojibake), and a guard against
 * formula injection.
 *
 * Formula guard: a TEXT cell whose first character is = + - @ TAB or CR would be evaluated by Excel,
 * LibreOffice or Sheets as a formula (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3`), so it gets a leading
 * apostrophe, which spreadsheets display as "text" and do not evaluate. Numbers are NOT guarded: a
 * number value is written as a number (`-18`), and a text cell that is entirely a plain decimal number
 * (`-18`, `+3.5`) is left alone too — a spreadsheet reads it as that number and nothing can execute,
 * while guarding it would turn real data (a 本年增/减 of −18) into text that no longer sums.
 */

export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | null | undefined;

/** Neutralises a text cell that a spreadsheet would run as a formula (see the module comment). */
export function guardFormula(text: string): string {
  if (!FORMULA_START.test(text)) return text;
  if (PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** One cell: null/undefined → empty, numbers as numbers, text guarded then quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = guardFormula(value);
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated (RFC 4180). */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/**
 * Parses CSV text (RFC 4180, with or without BOM) into rows of strings. For tests and for checking
 * exports; not a general-purpose reader.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && src[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
