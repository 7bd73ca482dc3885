import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/components/i18n";
import type { DocumentRecipient } from "~/domain/orders/documents";

// Pieces of the complaint pages of the buyer and of the shops on a dropship order.

/** Where a return goes (for a dropship order: the supplier's address under the dropshipper's name and phone). */
export function ReturnAddress({ address, orderNumber }: { address: DocumentRecipient; orderNumber: string }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="return-address">
      <h2 id="return-address">{t("dropship.afterSales.returnAddress")}</h2>
      <p>
        <strong>{address.name}</strong>
        {address.phone ? ` · ${address.phone}` : ""}
        <br />
        {address.street}, {address.district}, {address.city}, {address.province} {address.postalCode}
      </p>
      <p className="muted">{t("dropship.afterSales.returnNote", { order: orderNumber })}</p>
    </section>
  );
}

/** "Minta bantuan admin", shown only when this party may ask now. */
export function EscalateForm({ busy }: { busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" noValidate className="card">
      <p>{t("dropship.afterSales.escalateHelp")}</p>
      <button type="submit" name="intent" value="escalate" className="button-secondary" disabled={busy}>
        {t("dropship.afterSales.escalate")}
      </button>
    </Form>
  );
}

/** One line of a complaint's summary; nothing when there is nothing to say. */
export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
