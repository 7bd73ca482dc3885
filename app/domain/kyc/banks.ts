/**
 * Indonesian banks a seller can be paid into, keyed by their Bank Indonesia "sandi bank" (the 3-digit
 * code typed before an account number for an interbank transfer; payout providers use it too).
 *
 * Codes: the bank code lists published by Indonesian payment providers (e.g. the appendix of a
 * disbursement API, consistent with several other public lists); names are today's legal or common
 * names. Brands that are a product of another bank share its code: Jenius (SMBC Indonesia, ex-BTPN,
 * 213), blu (BCA Digital, 501), LINE Bank (KEB Hana, 484), TMRW (UOB, 023), Motion (MNC, 485),
 * digibank (DBS, 046).
 *
 * typicalLengths is a *hint* for a warning, never a rule: BCA 10, BNI 10, Mandiri 13, BRI 15 (older
 * BRI accounts were reported as 10) per the domain notes; BTN 16, BSI 10, Danamon 10, KB Bukopin 10,
 * OCBC 12, CIMB Niaga 13, Muamalat 10 per a consumer press list. [] = unknown, no hint given. The
 * payout provider's account inquiry is the real check.
 */

export interface Bank {
  /** Sandi bank, 3 digits. */
  readonly code: string;
  /** Name shown in the bank picker. */
  readonly name: string;
  /** Other names people search for (brands, former names). */
  readonly aliases: readonly string[];
  readonly typicalLengths: readonly number[];
}

type BankRow = readonly [code: string, name: string, typicalLengths?: readonly number[], aliases?: readonly string[]];

const ROWS: readonly BankRow[] = [
  // State-owned (Himbara) and the largest private banks.
  ["002", "BRI (Bank Rakyat Indonesia)", [15], ["BRI", "Bank Rakyat Indonesia", "BRImo"]],
  ["008", "Bank Mandiri", [13], ["Mandiri", "Livin"]],
  ["009", "BNI (Bank Negara Indonesia)", [10], ["BNI", "Bank Negara Indonesia", "wondr"]],
  ["014", "BCA (Bank Central Asia)", [10], ["BCA", "Bank Central Asia"]],
  ["200", "BTN (Bank Tabungan Negara)", [16], ["BTN", "Bank Tabungan Negara"]],
  ["451", "BSI (Bank Syariah Indonesia)", [10], ["BSI", "Bank Syariah Indonesia", "Bank Syariah Mandiri"]],
  ["022", "CIMB Niaga", [13], ["Bank CIMB Niaga", "OCTO"]],
  ["011", "Bank Danamon", [10], ["Danamon"]],
  ["013", "Bank Permata", [], ["Permata", "PermataBank"]],
  ["028", "OCBC NISP", [12], ["OCBC", "OCBC Indonesia", "Bank OCBC NISP", "NISP"]],
  ["016", "Maybank Indonesia", [], ["Maybank", "Bank Internasional Indonesia", "BII"]],
  ["019", "Panin Bank", [], ["Panin", "Bank Panin", "Pan Indonesia Bank"]],
  ["213", "SMBC Indonesia (Jenius)", [], ["Jenius", "BTPN", "Bank BTPN", "SMBC"]],
  ["426", "Bank Mega", [], ["Mega"]],
  ["441", "KB Bukopin", [10], ["Bukopin", "Bank Bukopin", "KB Bank"]],
  ["153", "Bank Sinarmas", [], ["Sinarmas"]],
  ["147", "Bank Muamalat", [10], ["Muamalat"]],
  ["023", "UOB Indonesia (TMRW)", [], ["UOB", "TMRW"]],
  ["046", "DBS Indonesia (digibank)", [], ["DBS", "digibank"]],
  ["097", "Bank Mayapada", [], ["Mayapada"]],
  ["484", "KEB Hana (LINE Bank)", [], ["Hana", "LINE Bank", "Hana Bank"]],
  ["485", "MNC Bank (Motion)", [], ["MNC", "Motion"]],
  // Digital banks.
  ["542", "Bank Jago", [], ["Jago", "Bank Artos"]],
  ["535", "SeaBank", [], ["Sea Bank", "Bank Kesejahteraan Ekonomi", "BKE"]],
  ["501", "blu (BCA Digital)", [], ["blu", "BCA Digital", "Bank Royal"]],
  ["567", "Allo Bank", [], ["Allo", "Bank Harda"]],
  ["490", "Bank Neo Commerce", [], ["BNC", "Neobank", "Bank Yudha Bhakti"]],
  ["562", "Superbank", [], ["Bank Fama Internasional"]],
  ["459", "Krom Bank", [], ["Krom", "Bank Bisnis Internasional"]],
  ["947", "Bank Aladin Syariah", [], ["Aladin"]],
  ["503", "Nobu Bank", [], ["Nobu", "Bank Nationalnobu"]],
  ["523", "Bank Sahabat Sampoerna", [], ["Sampoerna", "BSS"]],
  ["531", "Bank Amar Indonesia", [], ["Amar", "Tunaiku"]],
  // Sharia units with their own code.
  ["536", "BCA Syariah", [], []],
  ["517", "Panin Dubai Syariah", [], []],
  ["506", "Bank Mega Syariah", [], []],
  ["547", "BTPN Syariah", [], []],
  // Regional development banks (BPD).
  ["110", "Bank BJB", [], ["BJB", "Bank Jabar Banten", "Bank Jawa Barat"]],
  ["111", "Bank DKI", [], ["DKI", "Bank Jakarta"]],
  ["112", "BPD DIY", [], ["Bank BPD DIY", "Bank Yogyakarta"]],
  ["113", "Bank Jateng", [], ["Bank Jawa Tengah"]],
  ["114", "Bank Jatim", [], ["Bank Jawa Timur"]],
  ["115", "Bank Jambi", [], []],
  ["116", "Bank Aceh Syariah", [], ["Bank Aceh"]],
  ["117", "Bank Sumut", [], ["Bank Sumatera Utara"]],
  ["118", "Bank Nagari", [], ["Bank Sumbar", "Bank Sumatera Barat"]],
  ["119", "Bank Riau Kepri Syariah", [], ["Bank Riau Kepri", "BRK"]],
  ["120", "Bank Sumsel Babel", [], []],
  ["121", "Bank Lampung", [], []],
  ["122", "Bank Kalsel", [], ["Bank Kalimantan Selatan"]],
  ["123", "Bank Kalbar", [], ["Bank Kalimantan Barat"]],
  ["124", "Bank Kaltimtara", [], ["Bank Kaltim", "Bank Kalimantan Timur"]],
  ["125", "Bank Kalteng", [], ["Bank Kalimantan Tengah"]],
  ["126", "Bank Sulselbar", [], []],
  ["127", "Bank SulutGo", [], ["Bank Sulut"]],
  ["128", "Bank NTB Syariah", [], ["Bank NTB"]],
  ["129", "BPD Bali", [], ["Bank BPD Bali"]],
  ["130", "Bank NTT", [], []],
  ["131", "Bank Maluku Malut", [], ["Bank Maluku"]],
  ["132", "Bank Papua", [], []],
  ["133", "Bank Bengkulu", [], []],
  ["134", "Bank Sulteng", [], ["Bank Sulawesi Tengah"]],
  ["135", "Bank Sultra", [], ["Bank Sulawesi Tenggara"]],
  ["137", "Bank Banten", [], ["BPD Banten"]],
  ["425", "BJB Syariah", [], []],
];

export const BANKS: readonly Bank[] = Object.freeze(
  ROWS.map(([code, name, typicalLengths = [], aliases = []]) =>
    Object.freeze({ code, name, aliases: Object.freeze([...aliases]), typicalLengths: Object.freeze([...typicalLengths]) }),
  ),
);

const bankByCode = new Map(BANKS.map((b) => [b.code, b]));

export function findBank(code: string): Bank | undefined {
  return bankByCode.get(code.trim());
}
