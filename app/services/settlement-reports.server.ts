/**
 * The embedded sandboxes' settlement reports, one CSV per Jakarta day, as the providers' dashboards export them:
 *   Midtrans: order_id,transaction_id,payment_type,gross_amount,transaction_status,settlement_time
 *   Iris:     reference_no,beneficiary_bank,amount,status,updated_at
 * Served under /sandbox/{midtrans,iris}/reports/settlement.csv?date=YYYY-MM-DD with the provider's key.
 */
import { toCsv } from "~/domain/csv";
import { formatGrossAmount } from "~/domain/payments/midtrans";
import { formatIrisAmount } from "~/domain/payouts/iris";
import { jakartaDay } from "~/domain/payouts/reconcile";
import { listSandboxMidtransSettledBetween, listSandboxPayoutsUpdatedBetween } from "~/models/sandbox-iris.server";

export async function midtransSettlementCsv(date: string): Promise<string> {
  const { from, to } = jakartaDay(date);
  const rows = await listSandboxMidtransSettledBetween(from, to);
  return toCsv(
    ["order_id", "transaction_id", "payment_type", "gross_amount", "transaction_status", "settlement_time"],
    rows.map((t) => [t.orderId, t.transactionId, t.paymentType ?? "bank_transfer", formatGrossAmount(t.grossAmount), "settlement", t.settledAt!.toISOString()]),
  );
}

export async function irisSettlementCsv(date: string): Promise<string> {
  const { from, to } = jakartaDay(date);
  const rows = await listSandboxPayoutsUpdatedBetween(from, to);
  return toCsv(
    ["reference_no", "beneficiary_bank", "amount", "status", "updated_at"],
    rows.map((p) => [p.referenceNo, p.beneficiaryBank, formatIrisAmount(p.amount), p.status, p.updatedAt.toISOString()]),
  );
}
