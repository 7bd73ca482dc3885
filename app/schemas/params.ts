import { z } from "zod";
import { parseRupiahInput } from "~/domain/catalog/product";
import { ORDER_NUMBER_PATTERN } from "~/domain/orders/numbers";

// Path and query parameters come from anyone. PostgreSQL refuses a NUL byte in text and numbers beyond its
// column types, and Prisma refuses a malformed UUID: each of those was a 500. So every parameter is read
// through one of these schemas, and what they refuse never reaches a query.

/** Largest value of a PostgreSQL `integer` (prices, stock, counts are int4 columns). */
export const INT4_MAX = 2_147_483_647;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** NUL and the other C0 controls except tab, line feed and carriage return: never part of text anyone typed. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** A UTF-16 half with no partner: not valid UTF-8 once sent to the database. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isCleanText(s: string) {
  return !CONTROL.test(s) && !LONE_SURROGATE.test(s);
}

/** Free text from a URL (a search, a filter): at most `max` characters, no control characters. */
export const urlText = (max: number) => z.string().max(max).refine(isCleanText, "validation.invalid");

/** A slug in a path (`/produk/:slug`, `/toko/:slug`): slugs are made by the app from letters, digits and dashes. */
export const slugParam = z.string().min(1).max(200).regex(/^[\p{L}\p{N}_-]+$/u);

export const uuidParam = z.string().regex(UUID_PATTERN);

/** An order number in a path or a query (`/pesanan/LPK-261201-7KQ2MZ9A`): only what the app makes. */
export const orderNumberParam = z.string().regex(ORDER_NUMBER_PATTERN);

/** Text typed into a form: no control characters (PostgreSQL refuses a NUL; the others were never typed). */
export const formText = (max: number) => z.string().trim().max(max, "validation.tooLong").refine(isCleanText, "validation.invalidCharacters");

/** Rupiah as sellers type them ("125.000", "Rp 125.000", "125000") read as a whole number; anything else is `message`. */
export const rupiahText = (message: string) =>
  z
    .string({ message })
    .trim()
    .transform((v, ctx) => {
      const n = parseRupiahInput(v);
      if (n === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });

/** A rupiah amount typed into a form ("80.000", "Rp 80.000", "80000"): a whole number from 1 to `max`, else `message`. */
export const rupiahAmount = (message: string, max = 1_000_000_000) => rupiahText(message).pipe(z.number().min(1, message).max(max, message));

/** A whole number that fits a PostgreSQL `integer`; larger values are clamped, so `min=99999999999` finds nothing. */
export const int4Param = z.coerce
  .number()
  .int()
  .min(0)
  .transform((n) => Math.min(n, INT4_MAX));

/** An ISO timestamp as the app writes it in cursors. */
export const isoDateTime = z.iso.datetime({ offset: true });

/**
 * The admin lists' cursor, `<ISO time>_<uuid>` (`2026-12-01T21:49:27.123Z_…`), read as the time and id of the
 * last row shown. Anything else is undefined: the first page.
 */
export function parseTimeIdCursor(cursor: string | null | undefined): { at: Date; id: string } | undefined {
  const [at, id, ...rest] = cursor?.split("_") ?? [];
  if (!at || !id || rest.length || !isoDateTime.safeParse(at).success || !UUID_PATTERN.test(id)) return undefined;
  return { at: new Date(at), id };
}

export const SlugParams = z.object({ slug: slugParam });
export const OrderNumberParams = z.object({ orderNumber: orderNumberParam });
/** The embedded payment sandbox's page token (a random UUID). */
export const TokenParams = z.object({ token: uuidParam });
