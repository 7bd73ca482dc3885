/**
 * A seller's payout bank account: the offline checks, done before the payout provider's account
 * inquiry (which is the real check: it confirms the account exists and returns the holder's name).
 *
 * - The account number is digits only once spaces, dashes and dots are removed, 7-18 digits (what
 *   payment providers accept). Each bank's usual length is only a hint, because banks have several
 *   account products and change formats.
 * - The holder's name, as the bank returns it, must be the seller's own name as on the KTP. Both are
 *   normalised (case, titles, degrees, punctuation) before comparing, and a bank name cut short by
 *   the bank's field length is accepted when it keeps at least the first two whole words.
 */

import { findBank, type Bank } from "./banks";

export const BANK_ACCOUNT_ERROR_CODES = ["bank_unknown", "bank_account_format"] as const;
export type BankAccountError = (typeof BANK_ACCOUNT_ERROR_CODES)[number];

/**
 * Warnings: a length unusual for the bank (from checkBankAccount), and a holder name that does not
 * match the KTP name (for the caller to raise when holderNameMatches is false).
 */
export const BANK_ACCOUNT_WARNING_CODES = ["bank_account_length_unusual", "bank_holder_name_mismatch"] as const;
export type BankAccountWarning = (typeof BANK_ACCOUNT_WARNING_CODES)[number];

export type BankAccountCheck =
  | {
      ok: true;
      bank: Bank;
      /** Digits only, leading zeros kept. */
      accountNumber: string;
      lengthHint?: "bank_account_length_unusual";
    }
  | { ok: false; error: BankAccountError };

export const MIN_ACCOUNT_DIGITS = 7;
export const MAX_ACCOUNT_DIGITS = 18;

export function normalizeAccountNumber(input: string): string {
  return input.replace(/[\s.\-]/g, "");
}

export function checkBankAccount(bankCode: string, accountNumber: string): BankAccountCheck {
  const bank = findBank(bankCode);
  if (!bank) return { ok: false, error: "bank_unknown" };
  const digits = normalizeAccountNumber(accountNumber);
  if (!/^\d+$/.test(digits) || digits.length < MIN_ACCOUNT_DIGITS || digits.length > MAX_ACCOUNT_DIGITS) {
    return { ok: false, error: "bank_account_format" };
  }
  const unusual = bank.typicalLengths.length > 0 && !bank.typicalLengths.includes(digits.length);
  return unusual
    ? { ok: true, bank, accountNumber: digits, lengthHint: "bank_account_length_unusual" }
    : { ok: true, bank, accountNumber: digits };
}

/** "********0003": only the last four digits shown. */
export function maskAccount(accountNumber: string): string {
  const digits = normalizeAccountNumber(accountNumber);
  if (digits.length <= 4) return "*".repeat(digits.length);
  return "*".repeat(digits.length - 4) + digits.slice(-4);
}

/** "****1234": an account of which only the last four digits are kept (the KYC profile's account_last4). */
export function maskLast4(last4: string): string {
  return `****${last4}`;
}

/** Honorifics and titles written before a name (compared without dots): H. Hj. Dr. Ir. Prof. Bpk ... */
const LEADING_TITLES = new Set([
  "H", "HJ", "HAJI", "HAJAH", "HAJJAH", "KH",
  "DR", "DRS", "DRA", "DRG", "DRH", "IR", "PROF",
  "BPK", "BAPAK", "PAK", "IBU", "BU", "SDR", "SDRI", "SAUDARA", "SAUDARI",
  "TN", "TUAN", "NY", "NYONYA", "NN", "NONA",
]);

/**
 * Academic degrees written after a name, compared without dots: S.E., S.Kom., S.H., S.T., S.Pd.I,
 * M.M., M.Kom, A.Md., B.Sc, Ph.D, D.III (and medical specialists Sp.OG, Sp.PD ... by pattern). A whitelist,
 * not a pattern, so that a trailing initial or abbreviated name ("Budi S.", "Budi M.Ali") is kept.
 */
const DEGREES = new Set([
  "SE", "SH", "ST", "SKOM", "SPD", "SPDI", "SSOS", "SSOSI", "SAG", "SSI", "SPSI", "SKED", "SKEP", "SKEB",
  "SKM", "SIP", "SIKOM", "SAK", "SFARM", "STP", "SHUT", "SPT", "SS", "SSN", "SDS", "SHI", "SEI", "STH",
  "SGZ", "SKG", "SST", "STR", "STRKOM", "SSTP", "SHUM", "SIKES", "SMAT", "SAP", "SPWK", "SARS",
  "MM", "MT", "MH", "MPD", "MSI", "MKOM", "MAG", "MKES", "MSC", "MBA", "MA", "MAK", "MPH", "MKN", "MHUM",
  "MSOS", "MIKOM", "MPSI", "MFARM", "MKEP", "MKM", "MENG",
  "AMD", "AMDKEB", "AMDKEP", "AMDFARM", "AMDAK", "AMDKOM", "AMK", "AMA", "AMAPD",
  "BA", "BSC", "BENG", "PHD", "LLB", "LLM", "DI", "DII", "DIII", "DIV",
]);

/**
 * Written without dots, a degree is removed from the end of a name only when it cannot be a name:
 * MA, BA, SS, DI ... (a Chinese-Indonesian surname, an initial) are kept unless they follow a comma.
 */
const UNAMBIGUOUS_UNDOTTED_DEGREES = new Set([
  "SE", "SH", "ST", "SKOM", "SPD", "SPDI", "SSOS", "SAG", "SSI", "SPSI", "SKED", "SKEP", "SKM", "SIP",
  "SIKOM", "SAK", "SFARM", "STP", "MM", "MT", "MH", "MPD", "MSI", "MKOM", "MAG", "MKES", "MSC", "MBA",
  "AMD", "PHD",
]);

/** Sp.OG, Sp.PD, Sp.A, Sp.JP ...: medical specialists, always written with the dot. */
const MEDICAL_SPECIALIST = /^SP\.[A-Z]{1,4}\.?$/;

function isDegree(token: string, afterComma: boolean): boolean {
  if (MEDICAL_SPECIALIST.test(token)) return true;
  const compacted = compact(token);
  if (token.includes(".") || afterComma) return DEGREES.has(compacted);
  return UNAMBIGUOUS_UNDOTTED_DEGREES.has(compacted);
}

/**
 * A person's name in the form used for comparison: upper case, accents removed, leading titles
 * (H., Hj., Dr., Ir., Prof., Bpk, Ibu, Sdr ...) and trailing degrees (S.E., S.Kom., M.M. ...) removed,
 * punctuation removed (apostrophes join: MA'RUF → MARUF; other marks separate), spaces collapsed.
 * A title or degree is never removed when it is the only word left.
 */
export function normalizePersonName(name: string): string {
  const upper = name.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();
  const [head = "", ...afterCommas] = upper.split(",");

  const tokens = head.split(/\s+/).filter(Boolean);
  while (tokens.length > 1 && isDegree(tokens[tokens.length - 1]!, false)) tokens.pop();
  for (const segment of afterCommas) {
    const words = segment.split(/\s+/).filter(Boolean);
    const allDegrees = words.every((w) => isDegree(w, true) || LEADING_TITLES.has(compact(w)));
    if (!allDegrees) tokens.push(...words); // "SANTOSO, BUDI": a comma that is part of the name
  }

  // Dots left now mark abbreviations ("DR.IR.H.BUDI", "MOH.RIZKY"): split on them.
  const words = tokens
    .join(" ")
    .split(/[\s.]+/)
    .map((w) => w.replace(/['`’‘]/g, "").replace(/[^A-Z]+/g, " ").trim())
    .flatMap((w) => w.split(" "))
    .filter(Boolean);
  while (words.length > 1 && LEADING_TITLES.has(words[0]!)) words.shift();
  return words.join(" ");
}

/**
 * How a bank account holder's name compares with the KTP name:
 * - "exact": equal after normalisation (also when only the spacing differs: NURAINI / NUR AINI);
 * - "truncated": the bank cut the name short (banks store 20-30 characters), and what is left is the
 *   start of the KTP name with at least the first two words whole ("MUHAMMAD RIZKY PRAT" for
 *   "MUHAMMAD RIZKY PRATAMA"). One word is not enough: "MUHAMMAD" alone identifies nobody;
 * - "mismatch": anything else, including abbreviated middle names and a single-word name that is not
 *   equal, which an admin then compares by eye.
 */
export function holderNameMatch(holder: string, ktpName: string): "exact" | "truncated" | "mismatch" {
  const bank = normalizePersonName(holder);
  const ktp = normalizePersonName(ktpName);
  if (!bank || !ktp) return "mismatch";
  if (bank === ktp || bank.replace(/ /g, "") === ktp.replace(/ /g, "")) return "exact";

  const bankWords = bank.split(" ");
  const ktpWords = ktp.split(" ");
  const last = bankWords.length - 1;
  if (bankWords.length > ktpWords.length) return "mismatch";
  for (let i = 0; i < last; i++) if (bankWords[i] !== ktpWords[i]) return "mismatch";
  if (!ktpWords[last]!.startsWith(bankWords[last]!)) return "mismatch";
  const wholeWords = bankWords[last] === ktpWords[last] ? bankWords.length : bankWords.length - 1;
  return wholeWords >= 2 ? "truncated" : "mismatch";
}

export function holderNameMatches(holder: string, ktpName: string): boolean {
  return holderNameMatch(holder, ktpName) !== "mismatch";
}

function compact(word: string): string {
  return word.replace(/\./g, "");
}
