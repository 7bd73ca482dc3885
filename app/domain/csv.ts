/**
 * The one way the portal writes CSV. A cell that starts with =, +, -, @, a tab or a carriage return is read
 * as a formula by Excel, LibreOffice and Google Sheets (CSV injection), so it gets a leading apostrophe, as
 * OWASP advises: the spreadsheet shows the text and hides the apostrophe. A plain number such as -5 is left
 * alone; text such as -2+3 is not.
 */
import Papa from "papaparse";

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)*$/;

export type CsvValue = string | number | null | undefined;

export function neutraliseCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Reading back a file the portal wrote: the apostrophe added by neutraliseCsvCell is not part of the value. */
export function restoreCsvCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** Header and rows as CSV with CRLF line ends (what spreadsheets expect) and a final line end. */
export function toCsv(fields: readonly string[], rows: readonly (readonly CsvValue[])[], options: { delimiter?: "," | ";" | "\t" } = {}): string {
  return (
    Papa.unparse(
      { fields: fields.map(neutraliseCsvCell), data: rows.map((row) => row.map(neutraliseCsvCell)) },
      { delimiter: options.delimiter ?? ",", newline: "\r\n", quotes: false },
    ) + "\r\n"
  );
}
