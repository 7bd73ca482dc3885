import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { sandboxTrackingSteps } from "~/domain/shipping/tracking";
import { formatDateTime } from "~/i18n/format";
import { env } from "~/infra/env.server";
import { listSandboxParcels, markSandboxParcelDelivered } from "~/models/sandbox-tracking.server";

export const meta = titleMeta("trackSandbox.title");

// The tracking sandbox's own page: parcels it knows and a button to deliver one at once.
export async function loader(_: LoaderFunctionArgs) {
  const now = new Date();
  const parcels = await listSandboxParcels();
  return {
    hours: env().TRACKING_SANDBOX_HOURS,
    parcels: parcels.map((p) => {
      const steps = sandboxTrackingSteps({ shippedAt: p.shippedAt, durationHours: p.durationHours, now, deliveredNowAt: p.deliveredNowAt });
      const last = steps.at(-1);
      return { courierCode: p.courierCode, resi: p.resi, shippedAt: p.shippedAt.toISOString(), status: last?.status ?? null, at: last?.at.toISOString() ?? null };
    }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  await markSandboxParcelDelivered(String(form.get("courierCode") ?? ""), String(form.get("resi") ?? ""), new Date());
  return redirect("/sandbox/tracking");
}

export default function TrackingSandbox() {
  const t = useT();
  const locale = useLocale();
  const { parcels, hours } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("trackSandbox.title")}</h1>
      <p className="alert alert--info">{t("trackSandbox.notice", { hours })}</p>
      {parcels.length === 0 ? <p>{t("trackSandbox.empty")}</p> : null}
      {parcels.map((p) => (
        <article key={`${p.courierCode}-${p.resi}`} className="card" aria-label={p.resi}>
          <h2>
            {p.courierCode.toUpperCase()} {p.resi}
          </h2>
          <p>
            {p.status ? t(`tracking.${p.status}`) : "—"} {p.at ? <span className="muted">· {formatDateTime(p.at, locale)}</span> : null}
          </p>
          {p.status === "delivered" ? (
            <p className="badge badge--approved">{t("trackSandbox.delivered")}</p>
          ) : (
            <Form noValidate method="post">
              <input type="hidden" name="courierCode" value={p.courierCode} />
              <input type="hidden" name="resi" value={p.resi} />
              <button type="submit">{t("trackSandbox.deliverNow")}</button>
            </Form>
          )}
        </article>
      ))}
    </>
  );
}
