import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { findBank } from "~/domain/kyc/banks";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireAdmin } from "~/infra/auth.server";
import { formError, parseForm } from "~/infra/forms.server";
import { NO_STORE, orHttpError, statusOf } from "~/infra/http.server";
import { PayoutBatchActionSchema } from "~/schemas/payouts";
import { approveBatch, createBatch, payoutQueuePage } from "~/services/payouts.server";
import payoutStyles from "~/styles/payouts.css";

export const meta = titleMeta("payout.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: payoutStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  return data(await orHttpError(() => payoutQueuePage(admin)), { headers: NO_STORE });
}

type ActionData = { ok: string } | { errors: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = await parseForm(request, PayoutBatchActionSchema);
  if (!parsed.ok) return parsed.response;
  try {
    if (parsed.data.intent === "create") {
      await createBatch(admin);
      return { ok: "payout.batchCreated" };
    }
    await approveBatch(admin, parsed.data.batchId);
    return { ok: "payout.approved" };
  } catch (error) {
    if (error instanceof DomainError) return formError(error.messageKey, statusOf(error));
    throw error;
  }
}

export default function PayoutQueue() {
  const t = useT();
  const locale = useLocale();
  const { queue, batches } = useLoaderData<typeof loader>() as Awaited<ReturnType<typeof payoutQueuePage>>;
  const result = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <h1>{t("payout.title")}</h1>
      <p className="muted">{t("payout.lead")}</p>
      {result && "ok" in result ? (
        <p role="status" className="notice">
          {t(result.ok)}
        </p>
      ) : null}
      {result && "errors" in result ? (
        <p role="alert" className="field__error">
          {t(result.errors._form ?? Object.values(result.errors)[0])}
        </p>
      ) : null}
      <h2>{t("payout.queue")}</h2>
      {queue.length === 0 ? <p>{t("payout.queueEmpty")}</p> : null}
      <ul className="payout-list" aria-label={t("payout.queue")}>
        {queue.map((w) => (
          <li key={w.id} aria-label={w.number}>
            <span>{w.number}</span>
            <span>{w.shopName}</span>
            <span>{formatRupiah(w.amount)}</span>
            <span className="muted">
              {findBank(w.bankCode)?.name ?? w.bankCode} ••••{w.accountLast4} · {w.holderName}
            </span>
          </li>
        ))}
      </ul>
      {queue.length ? (
        <Form noValidate method="post">
          <input type="hidden" name="intent" value="create" />
          <button type="submit" disabled={busy}>
            {t("payout.createBatch")}
          </button>
        </Form>
      ) : null}
      <h2>{t("payout.batches")}</h2>
      {batches.length === 0 ? <p>{t("payout.batchesEmpty")}</p> : null}
      {batches.map((b) => (
        <article key={b.id} className="card" aria-label={t("payout.batchTitle", { id: b.id.slice(0, 8) })}>
          <p>
            <strong>{t("payout.batchTitle", { id: b.id.slice(0, 8) })}</strong> <span className="badge">{t(`payout.batchStatus.${b.status}`)}</span>
          </p>
          <p>{t("payout.batchSummary", { count: b.count, total: formatRupiah(b.total) })}</p>
          <p className="muted">
            {t("payout.maker", { name: b.makerName })} · {formatDateTime(b.createdAt, locale)}
            {b.checkerName ? ` · ${t("payout.checker", { name: b.checkerName })}` : ""}
          </p>
          <div className="inline-actions">
            <Link to={`/admin/payouts/${b.id}`}>{t("payout.open")}</Link>
            {b.canApprove ? (
              <Form noValidate method="post">
                <input type="hidden" name="intent" value="approve" />
                <input type="hidden" name="batchId" value={b.id} />
                <button type="submit" disabled={busy}>
                  {t("payout.approve")}
                </button>
              </Form>
            ) : b.status === "created" ? (
              <span className="muted">{t("payout.makerNotice")}</span>
            ) : null}
          </div>
        </article>
      ))}
    </>
  );
}
