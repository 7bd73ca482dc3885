import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { COURIERS } from "~/domain/shipping/couriers";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import type { ComplaintView } from "~/services/complaints.server";
import { SelectField, TextAreaField, TextField } from "../forms/fields";
import { useLocale, useT } from "../i18n";

/** What an order page's action answered to a complaint step it refused (complaintStepAction). */
export interface ComplaintStepResult {
  step?: string;
  errors?: Record<string, string>;
  vars?: Record<string, string>;
  values?: Record<string, string>;
}

/** "Ajukan Komplain" beside "Pesanan Diterima": the complaint form of the order. */
export function ComplainLink({ orderNumber }: { orderNumber: string }) {
  const t = useT();
  return (
    <Link className="button-secondary" to={`/pesanan/${orderNumber}/komplain`}>
      {t("complaint.title")}
    </Link>
  );
}

/** The complaint's photos as thumbnails, each opening the full size (served only to who may see them). */
export function ComplaintPhotos({ photos }: { photos: ComplaintView["photos"] }) {
  const t = useT();
  if (!photos.length) return null;
  return (
    <ul className="complaint-photos">
      {photos.map((p, i) => (
        <li key={p.id}>
          <a href={p.large} target="_blank" rel="noreferrer" aria-label={t("complaint.photoOpen", { n: i + 1 })}>
            <img src={p.small} alt={t("complaint.photoAlt", { n: i + 1 })} width={120} height={120} loading="lazy" />
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * A complaint on an order page (buyer, seller, admin): what was reported, with photos, where it stands, and a form
 * for each step this viewer may take now (complaint.actions). Each form posts `intent=complaint` and its `step` to
 * the page's own action; a refused step comes back into its own form.
 */
export function ComplaintPanel({ complaint, result, courierCode, children }: { complaint: ComplaintView; result?: ComplaintStepResult; courierCode?: string; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const c = complaint;
  const mine = (step: string) => (result?.step === step ? result : undefined);
  const errorOf = (step: string, field: string) => mine(step)?.errors?.[field];
  const valueOf = (step: string, field: string) => mine(step)?.values?.[field];
  const formError = (step: string) =>
    errorOf(step, "_form") ? (
      <p className="alert alert--error" role="alert">
        {t(errorOf(step, "_form")!, mine(step)?.vars)}
      </p>
    ) : null;
  const fieldError = (step: string, field: string) => {
    const key = errorOf(step, field);
    return key ? t(key, mine(step)?.vars) : undefined;
  };
  const open = !["resolved", "rejected_final"].includes(c.status);
  const hidden = (step: string) => (
    <>
      <input type="hidden" name="intent" value="complaint" />
      <input type="hidden" name="step" value={step} />
    </>
  );
  const has = (step: (typeof c.actions)[number]) => c.actions.includes(step);

  return (
    <section className="card complaint" aria-labelledby="complaint-title">
      <h2 id="complaint-title">
        {t("complaint.section")} <span className={`badge complaint__status complaint__status--${c.status}`}>{t(`complaint.status.${c.status}`)}</span>
      </h2>
      <p>
        <strong>{t("complaint.reasonLabel", { reason: t(`complaint.reason.${c.reason}`) })}</strong>
      </p>
      <p className="complaint__description">{c.description}</p>
      <ComplaintPhotos photos={c.photos} />
      {c.sellerReason ? <p>{t("complaint.sellerReason", { reason: c.sellerReason })}</p> : null}
      {c.returnResi ? <p>{t("complaint.returnInfo", { courier: COURIERS.find((x) => x.code === c.returnCourierCode)?.name ?? c.returnCourierCode ?? "", resi: c.returnResi })}</p> : null}
      {c.returnTracking ? <p className="muted">{t("complaint.returnStep", { status: t(`tracking.${c.returnTracking.status}`), date: formatDateTime(c.returnTracking.at, locale) })}</p> : null}
      {c.resolution ? <p role="status">{t(`complaint.resolution.${c.resolution}`, { amount: formatRupiah(c.refundAmount ?? 0) })}</p> : null}
      {open ? <p className="muted">{t("complaint.answerBy", { date: formatDateTime(c.answerDueAt, locale) })}</p> : null}
      {children}

      {has("accept_refund") ? (
        // Folded like a rejection: one tap must not send the whole payment back.
        <details className="complaint__step" open={mine("accept_refund") ? true : undefined}>
          <summary>{t("complaint.action.accept_refund")}</summary>
          <Form method="post" noValidate>
            {hidden("accept_refund")}
            {formError("accept_refund")}
            <p className="muted">{t("complaint.confirmFullRefund")}</p>
            <button type="submit" disabled={busy}>
              {t("complaint.action.accept_refund")}
            </button>
          </Form>
        </details>
      ) : null}
      {(["accept_partial", "decide_partial"] as const).filter(has).map((step) => (
        <Form method="post" noValidate key={step} className="complaint__step">
          {hidden(step)}
          {formError(step)}
          <TextField
            id={`f-${step}-amount`}
            name="amount"
            label={t("complaint.amount")}
            inputMode="numeric"
            autoComplete="off"
            required
            defaultValue={valueOf(step, "amount")}
            hint={t("complaint.amountHint", { max: formatRupiah(c.maxPartialRefund) })}
            error={fieldError(step, "amount")}
          />
          {step === "decide_partial" ? <TextAreaField id={`f-${step}-reason`} name="reason" label={t("complaint.decisionReason")} required minLength={3} maxLength={250} defaultValue={valueOf(step, "reason")} error={fieldError(step, "reason")} /> : null}
          <button type="submit" className="button-secondary" disabled={busy}>
            {t(`complaint.action.${step}`)}
          </button>
        </Form>
      ))}
      {(["accept_return", "return_arrived", "escalate"] as const).filter(has).map((step) => (
        <Form method="post" noValidate key={step}>
          {hidden(step)}
          {formError(step)}
          <button type="submit" className="button-secondary" disabled={busy}>
            {t(`complaint.action.${step}`)}
          </button>
        </Form>
      ))}
      {has("return_shipped") ? (
        <Form method="post" noValidate className="complaint__step">
          {hidden("return_shipped")}
          {formError("return_shipped")}
          <p className="muted">{t("complaint.returnHint")}</p>
          <SelectField id="f-return-courier" name="courierCode" label={t("complaint.returnCourier")} defaultValue={valueOf("return_shipped", "courierCode") ?? courierCode ?? ""} error={fieldError("return_shipped", "courierCode")}>
            {COURIERS.map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </SelectField>
          <TextField id="f-return-resi" name="resi" label={t("complaint.returnResi")} autoComplete="off" autoCapitalize="characters" required defaultValue={valueOf("return_shipped", "resi")} error={fieldError("return_shipped", "resi")} />
          <button type="submit" disabled={busy}>
            {t("complaint.action.return_shipped")}
          </button>
        </Form>
      ) : null}
      {(["reject", "decide_refund", "decide_reject"] as const).filter(has).map((step) => (
        <details key={step} className="complaint__step" open={mine(step) ? true : undefined}>
          <summary>{t(`complaint.action.${step}`)}</summary>
          <Form method="post" noValidate>
            {hidden(step)}
            {formError(step)}
            <TextAreaField
              id={`f-${step}-reason`}
              name="reason"
              label={t(step === "reject" ? "complaint.rejectReason" : "complaint.decisionReason")}
              required
              minLength={3}
              maxLength={250}
              defaultValue={valueOf(step, "reason")}
              error={fieldError(step, "reason")}
            />
            <button type="submit" className={step === "decide_refund" ? undefined : "button-danger"} disabled={busy}>
              {t(`complaint.action.${step}`)}
            </button>
          </Form>
        </details>
      ))}
    </section>
  );
}
