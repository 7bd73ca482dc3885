import { useLocale, useT } from "~/components/i18n";
import { formatDateTime } from "~/i18n/format";

export interface TimelineEvent {
  at: string;
  event: string;
  actorRole: string;
  reason: string | null;
  resi?: string | null;
}

export interface TimelineTrackingStep {
  at: string;
  status: string;
  description: string;
  location?: string;
}

/**
 * One order's history for buyer and seller: state changes (who, when, why, the resi) and the courier's tracking
 * steps, newest first.
 */
export function OrderTimeline({ events, tracking }: { events: TimelineEvent[]; tracking: TimelineTrackingStep[] }) {
  const t = useT();
  const locale = useLocale();
  // A courier step never shows before the shipment it belongs to (the two clocks differ by milliseconds).
  const shippedAt = events.find((e) => e.event === "ship")?.at ?? "";
  const rows = [
    ...events.map((e) => ({ at: e.at, sortAt: e.at, key: `e-${e.at}-${e.event}`, kind: "event" as const, e })),
    ...tracking.map((s) => ({ at: s.at, sortAt: s.at < shippedAt ? shippedAt : s.at, key: `t-${s.at}-${s.status}`, kind: "tracking" as const, s })),
  ].sort((a, b) => (a.sortAt < b.sortAt ? 1 : a.sortAt > b.sortAt ? -1 : a.kind === "tracking" ? -1 : 1));
  return (
    <section aria-labelledby="order-timeline">
      <h2 id="order-timeline">{t("orders.timeline")}</h2>
      <ol className="timeline">
        {rows.map((row) =>
          row.kind === "event" ? (
            <li key={row.key}>
              <strong>{t(`orders.event.${row.e.event}`)}</strong> <span className="muted">{t(`orders.by.${row.e.actorRole}`)}</span>
              {row.e.resi ? <> · {t("orders.resi", { resi: row.e.resi })}</> : null}
              {row.e.reason ? <div>{row.e.reason}</div> : null}
              <div className="muted">{formatDateTime(row.at, locale)}</div>
            </li>
          ) : (
            <li key={row.key} data-tracking={row.s.status}>
              <strong>{t(`tracking.${row.s.status}`)}</strong>
              {row.s.location ? <span className="muted"> · {row.s.location}</span> : null}
              <div className="muted">{formatDateTime(row.at, locale)}</div>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

/** Order events as the timeline wants them (dates as ISO strings, the resi out of the ship event's detail). */
export function timelineEvents(events: { createdAt: Date; event: string; actorRole: string; reason: string | null; detail: unknown }[]): TimelineEvent[] {
  return events.map((e) => ({
    at: e.createdAt.toISOString(),
    event: e.event,
    actorRole: e.actorRole,
    reason: e.reason,
    resi: e.detail && typeof e.detail === "object" && "resi" in e.detail ? String((e.detail as { resi: unknown }).resi) : null,
  }));
}

export function timelineTracking(steps: { at: Date; status: string; description: string; location?: string }[]): TimelineTrackingStep[] {
  return steps.map((s) => ({ at: s.at.toISOString(), status: s.status, description: s.description, location: s.location }));
}
