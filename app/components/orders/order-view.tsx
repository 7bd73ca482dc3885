import { formatDateTime, formatRupiah } from "~/i18n/format";
import { useLocale, useT } from "../i18n";

// Pieces shared by the buyer's and the admin's order pages (and the seller's, next).

export interface TimelineEvent {
  id: string;
  event: string;
  toStatus: string;
  actorRole: string;
  reason: string | null;
  createdAt: string;
}

export interface TrackingStepView {
  at: string;
  status: string;
  location?: string;
}

/** Every recorded step and the courier's tracking steps, oldest first: what happened, who did it, when and why. */
export function OrderTimeline({ events, resi, tracking = [] }: { events: TimelineEvent[]; resi?: string | null; tracking?: TrackingStepView[] }) {
  const t = useT();
  const locale = useLocale();
  // A courier step never shows before the shipment it belongs to (the two clocks differ by milliseconds).
  const shippedAt = events.find((e) => e.event === "ship")?.createdAt ?? "";
  const rows = [
    ...events.map((e) => ({ at: e.createdAt, sortAt: e.createdAt, rank: 0, key: `e${e.id}`, e, s: null })),
    ...tracking.map((s) => ({ at: s.at, sortAt: s.at < shippedAt ? shippedAt : s.at, rank: 1, key: `t${s.status}`, e: null, s })),
  ].sort((a, b) => a.sortAt.localeCompare(b.sortAt) || a.rank - b.rank);
  return (
    <ol className="timeline">
      {rows.map(({ key, at, e, s }) =>
        e ? (
          <li key={key}>
            <strong>{t(`orders.event.${e.event}`)}</strong> <span className="muted">{t(`orders.by.${e.actorRole}`)}</span>
            <br />
            <time dateTime={at} className="muted">
              {formatDateTime(at, locale)}
            </time>
            {e.reason && !e.reason.includes("_") ? <p className="muted">{e.reason}</p> : null}
            {e.event === "ship" && resi ? <p>{t("orders.resi", { resi })}</p> : null}
          </li>
        ) : (
          <li key={key} data-tracking={s!.status}>
            <strong>{t(`tracking.${s!.status}`)}</strong>
            {s!.location ? <span className="muted"> · {s!.location}</span> : null}
            <br />
            <time dateTime={at} className="muted">
              {formatDateTime(at, locale)}
            </time>
          </li>
        ),
      )}
    </ol>
  );
}

/** Tracking steps as loaders return them. */
export function serializeTracking(steps: { at: Date; status: string; location?: string }[]): TrackingStepView[] {
  return steps.map((s) => ({ at: s.at.toISOString(), status: s.status, location: s.location }));
}

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
    events: { id: bigint; createdAt: Date; event: string; toStatus: string; actorRole: string; reason: string | null }[];
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
    events: o.events.map((e) => ({ id: String(e.id), event: e.event, toStatus: e.toStatus, actorRole: e.actorRole, reason: e.reason, createdAt: e.createdAt.toISOString() })),
    shipment: o.shipment ? { ...o.shipment, shipBy: o.shipment.shipBy?.toISOString() ?? null, shippedAt: o.shipment.shippedAt?.toISOString() ?? null, deliveredAt: o.shipment.deliveredAt?.toISOString() ?? null } : null,
    payment: { ...o.payment, expiresAt: o.payment.expiresAt.toISOString() },
    refunds: o.refunds.map((r) => ({ amount: r.amount, status: r.status })),
  };
}
