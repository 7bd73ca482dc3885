import { formatRupiah } from "~/i18n/format";
import { useT } from "../i18n";
import { timelineEvents } from "./order-timeline";

// Pieces of the buyer's and the admin's order pages; the timeline itself is ./order-timeline (shared with the seller).

export function OrderStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge badge--order-${status}`}>{t(`orders.status.${status}`)}</span>;
}

export function OrderItems({ items }: { items: { id: string; title: string; variantLabel: string | null; unitPrice: number; quantity: number }[] }) {
  return (
    <ul className="order-items">
      {items.map((i) => (
        <li key={i.id}>
          {i.title}
          {i.variantLabel ? ` · ${i.variantLabel}` : ""} · {i.quantity} × {formatRupiah(i.unitPrice)}
        </li>
      ))}
    </ul>
  );
}

/** JSON-safe order for loaders: dates as ISO strings, bigint ids as strings. */
export function serializeOrder<
  O extends {
    createdAt: Date;
    paidAt: Date | null;
    expiresAt: Date;
    events: { createdAt: Date; event: string; actorRole: string; reason: string | null; detail: unknown }[];
    shipment: { shipBy: Date | null; shippedAt: Date | null; deliveredAt: Date | null; resi: string | null; courierName: string; serviceName: string } | null;
    payment: { paymentNumber: string; status: string; expiresAt: Date };
    refunds: { amount: number; status: string }[];
  },
>(o: O) {
  return {
    ...o,
    createdAt: o.createdAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
    expiresAt: o.expiresAt.toISOString(),
    events: timelineEvents(o.events),
    shipment: o.shipment ? { ...o.shipment, shipBy: o.shipment.shipBy?.toISOString() ?? null, shippedAt: o.shipment.shippedAt?.toISOString() ?? null, deliveredAt: o.shipment.deliveredAt?.toISOString() ?? null } : null,
    payment: { ...o.payment, expiresAt: o.payment.expiresAt.toISOString() },
    refunds: o.refunds.map((r) => ({ amount: r.amount, status: r.status })),
  };
}
