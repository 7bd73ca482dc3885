import { parseRupiahInput } from "~/domain/catalog/product";
import { formatNumber } from "~/i18n/format";

/** "125000" → "125.000" when the seller leaves the field; text that is not a price stays for the error to point at. */
export function formattedRupiah(value: string): string | null {
  const n = parseRupiahInput(value);
  return n === null ? null : formatNumber(n);
}
