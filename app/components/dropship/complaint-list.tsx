import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { formatDateTime } from "~/i18n/format";

/** Complaints on program orders waiting in the chain (dashboards of the dropshipper and the supplier). */
export function ComplaintList({ complaints }: { complaints: { orderNumber: string; status: string; reason: string; answerDueAt: string }[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="ds-list" data-testid="dropship-complaints">
      {complaints.map((c) => (
        <li key={c.orderNumber} className="ds-item">
          <Link to={`/seller/dropship/komplain/${c.orderNumber}`}>{c.orderNumber}</Link>
          <span>
            {t(`complaint.state.${c.status}`)} · {t(`complaint.reason.${c.reason}`)}
          </span>
          {c.status !== "escalated" ? <span className="muted">{t(`dropship.afterSales.turn.${c.status}`, { date: formatDateTime(c.answerDueAt, locale) })}</span> : null}
        </li>
      ))}
    </ul>
  );
}
