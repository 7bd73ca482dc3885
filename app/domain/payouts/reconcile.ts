/**
 * Reconciliation: the ledger's view of a provider's money on one day against the provider's settlement report,
 * matched by reference and amount. Pure: the service reads both sides and stores the differences.
 */
export interface ReconRow {
  reference: string;
  amount: number;
}

export type DifferenceKind = "missing_at_provider" | "missing_in_ledger" | "amount_mismatch";

export interface Difference {
  reference: string;
  kind: DifferenceKind;
  ledgerAmount: number | null;
  providerAmount: number | null;
}

function sumBy(rows: readonly ReconRow[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.reference, (m.get(r.reference) ?? 0) + r.amount);
  return m;
}

export function reconcile(ledger: readonly ReconRow[], provider: readonly ReconRow[]): Difference[] {
  const l = sumBy(ledger);
  const p = sumBy(provider);
  const out: Difference[] = [];
  for (const [reference, amount] of l) {
    const theirs = p.get(reference);
    if (theirs === undefined) out.push({ reference, kind: "missing_at_provider", ledgerAmount: amount, providerAmount: null });
    else if (theirs !== amount) out.push({ reference, kind: "amount_mismatch", ledgerAmount: amount, providerAmount: theirs });
  }
  for (const [reference, amount] of p) if (!l.has(reference)) out.push({ reference, kind: "missing_in_ledger", ledgerAmount: null, providerAmount: amount });
  return out.sort((a, b) => a.reference.localeCompare(b.reference));
}

/**
 * Reads a settlement report: a header line and one line per row, comma-separated, no quoted commas (references and
 * amounts only). `referenceColumn` and `amountColumn` name the columns; `keep` filters rows (e.g. status).
 */
export function parseSettlementCsv(text: string, referenceColumn: string, amountColumn: string, keep: (row: Record<string, string>) => boolean = () => true): ReconRow[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  if (!lines.length) return [];
  const header = lines[0].split(",").map((h) => h.trim());
  const rows: ReconRow[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    const row = Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? "").trim()]));
    if (!keep(row)) continue;
    const amount = Number((row[amountColumn] ?? "").replace(/\.0+$/, ""));
    if (!row[referenceColumn] || !Number.isSafeInteger(amount)) throw new RangeError(`settlement report: bad row "${line}"`);
    rows.push({ reference: row[referenceColumn], amount });
  }
  return rows;
}

/** The Jakarta calendar day [start, end) in UTC instants, for "YYYY-MM-DD". */
export function jakartaDay(date: string): { from: Date; to: Date } {
  const from = new Date(`${date}T00:00:00+07:00`);
  return { from, to: new Date(from.getTime() + 86_400_000) };
}
