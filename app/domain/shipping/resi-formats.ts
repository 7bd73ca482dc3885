/**
 * Tracking numbers (resi) per courier: one data table keyed by the courier codes of couriers.ts.
 * `certain: true` means the format is documented well enough to refuse a number that does not match;
 * otherwise a mismatch is only a warning (the seller may still save it). Formats marked `certain: false` come
 * from receipts seen in public and may miss a variant: widen the pattern when a courier confirms another.
 * Anything that cannot be a resi at all (empty, spaces inside, other characters, absurd length) is refused.
 */
export interface ResiFormat {
  courierCode: string;
  pattern: RegExp;
  /** What the seller sees as the expected shape. */
  example: string;
  certain: boolean;
}

export const RESI_FORMATS: Record<string, ResiFormat> = {
  jne: { courierCode: "jne", pattern: /^(\d{15,16}|[A-Z]{2,4}\d{9,13})$/, example: "0123456789012345", certain: false },
  jnt: { courierCode: "jnt", pattern: /^(J[A-Z]\d{10}|\d{12})$/, example: "JP1234567890", certain: true },
  sicepat: { courierCode: "sicepat", pattern: /^\d{12}$/, example: "000123456789", certain: true },
  anteraja: { courierCode: "anteraja", pattern: /^1\d{13,14}$/, example: "10000123456789", certain: false },
  pos: { courierCode: "pos", pattern: /^([A-Z]{2}\d{9}[A-Z]{2}|P\d{12,14}|\d{13,15})$/, example: "P2212340012345", certain: false },
  jtcargo: { courierCode: "jtcargo", pattern: /^\d{12,13}$/, example: "100012345678", certain: false },
  ide: { courierCode: "ide", pattern: /^IDE?\d{10,13}$/, example: "IDE700012345678", certain: false },
};

export const RESI_LIMITS = { min: 6, max: 30 } as const;

export type ResiCheck =
  | { ok: true; normalized: string; warning?: "resi.formatUncertain" | "resi.unknownCourier"; example?: string }
  | { ok: false; error: "resi.empty" | "resi.charset" | "resi.length" | "resi.format"; example?: string };

/**
 * A resi as couriers print it: upper case, without the spaces and dashes a seller copies from a receipt or an app
 * ("jp 1234-5678-90" is JP1234567890). No courier's numbers contain either.
 */
export function normalizeResi(resi: string): string {
  return resi.replace(/[\s-]+/g, "").toUpperCase();
}

/** Checks a resi typed by a seller. Errors and warnings are i18n keys; `example` fills their text. */
export function checkResi(courierCode: string, resi: string): ResiCheck {
  const normalized = normalizeResi(resi);
  if (!normalized) return { ok: false, error: "resi.empty" };
  if (!/^[A-Z0-9]+$/.test(normalized)) return { ok: false, error: "resi.charset" };
  if (normalized.length < RESI_LIMITS.min || normalized.length > RESI_LIMITS.max) return { ok: false, error: "resi.length" };
  const format = RESI_FORMATS[courierCode];
  if (!format) return { ok: true, normalized, warning: "resi.unknownCourier" };
  if (format.pattern.test(normalized)) return { ok: true, normalized };
  if (format.certain) return { ok: false, error: "resi.format", example: format.example };
  return { ok: true, normalized, warning: "resi.formatUncertain", example: format.example };
}
