/**
 * Order and payment numbers: short, readable over the phone, unambiguous (no 0/O, 1/I/L), dated in Jakarta time.
 * They are also the gateway's order_id, which allows letters, digits and "-" (max 50 characters).
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function datePart(at: Date): string {
  const jakarta = new Date(at.getTime() + 7 * 3600_000);
  return jakarta.toISOString().slice(2, 10).replaceAll("-", "");
}

function randomPart(bytes: Uint8Array, length: number): string {
  if (bytes.length < length) throw new RangeError(`need ${length} random bytes`);
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length];
  return out;
}

/** e.g. "LPK-261201-7KQ2MZ9A". */
export function orderNumber(at: Date, random: Uint8Array): string {
  return `LPK-${datePart(at)}-${randomPart(random, 8)}`;
}

/** e.g. "PAY-261201-X3T8M2Q9VA". */
export function paymentNumber(at: Date, random: Uint8Array): string {
  return `PAY-${datePart(at)}-${randomPart(random, 10)}`;
}

/** The shape of what orderNumber() makes: anything else cannot name an order. */
export const ORDER_NUMBER_PATTERN = /^LPK-\d{6}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;
/** The shape of what paymentNumber() makes. */
export const PAYMENT_NUMBER_PATTERN = /^PAY-\d{6}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/;

/** The cart line key: one line per product variant. */
export function itemKeyOf(productId: string, variantId: string | null | undefined): string {
  return variantId ? `${productId}:${variantId}` : productId;
}

/** e.g. "WD-261201-7KQ2MZ9A": a seller's withdrawal, also the notes of its payout at the provider. */
export function withdrawalNumber(at: Date, random: Uint8Array): string {
  return `WD-${datePart(at)}-${randomPart(random, 8)}`;
}
