import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireAdmin } from "~/infra/auth.server";
import { escalatedComplaintList } from "~/services/dropship-after-sales.server";

// Complaints someone asked an admin about (the last resort of plain and dropship complaints), oldest first.

export const meta = titleMeta("dropship.afterSales.adminTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { complaints: (await escalatedComplaintList()).map((c) => ({ ...c, since: c.since.toISOString() })) };
}

export default function AdminComplaints() {
  const t = useT();
  const locale = useLocale();
  const { complaints } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("dropship.afterSales.adminTitle")}</h1>
      {complaints.length === 0 ? <p className="muted">{t("dropship.afterSales.adminNone")}</p> : null}
      <ul className="card">
        {complaints.map((c) => (
          <li key={c.orderNumber}>
            <Link to={`/admin/komplain/${c.orderNumber}`}>{c.orderNumber}</Link> · {c.shop} · {t(`complaint.reason.${c.reason}`)} · {formatRupiah(c.total)} · {formatDateTime(c.since, locale)}
          </li>
        ))}
      </ul>
    </>
  );
}
