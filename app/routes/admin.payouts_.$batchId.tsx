import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatRupiah } from "~/i18n/format";
import { requireAdmin } from "~/infra/auth.server";
import { NO_STORE, orHttpError, routeParams } from "~/infra/http.server";
import { batchPage } from "~/services/payouts.server";
import payoutStyles from "~/styles/payouts.css";

export const meta = titleMeta("payout.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: payoutStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const { batchId } = routeParams(params, z.object({ batchId: z.uuid() }));
  return data(await orHttpError(() => batchPage(admin, batchId)), { headers: NO_STORE });
}

export default function PayoutBatch() {
  const t = useT();
  const b = useLoaderData<typeof loader>() as Awaited<ReturnType<typeof batchPage>>;
  return (
    <>
      <p>
        <Link to="/admin/payouts">{t("payout.back")}</Link>
      </p>
      <h1>{t("payout.batchTitle", { id: b.id.slice(0, 8) })}</h1>
      <p>
        <span className="badge">{t(`payout.batchStatus.${b.status}`)}</span> {formatRupiah(b.total)}
      </p>
      <p className="muted">
        {t("payout.maker", { name: b.makerName })}
        {b.checkerName ? ` · ${t("payout.checker", { name: b.checkerName })}` : ""}
      </p>
      {b.isMaker && b.status === "created" ? <p className="notice">{t("payout.makerNotice")}</p> : null}
      <ul className="payout-list" aria-label={t("payout.batches")}>
        {b.withdrawals.map((w) => (
          <li key={w.id} aria-label={w.number}>
            <span>{w.number}</span>
            <span>{w.shopName}</span>
            <span>{formatRupiah(w.amount)}</span>
            <span className={`badge badge--payout-${w.status}`}>{t(`withdrawal.status.${w.status}`)}</span>
            {w.providerReference ? <span className="muted">{t("payout.reference")}: {w.providerReference}</span> : null}
            {w.failureReason ? <span>{w.failureReason}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
