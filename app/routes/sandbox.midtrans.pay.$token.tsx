import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { badRequest, routeParams } from "~/infra/http.server";
import { isCleanText, TokenParams } from "~/schemas/params";
import { chooseMethod, paymentPage, payNow, requireSandbox, SANDBOX_METHODS } from "~/services/sandbox-midtrans.server";

export const meta = titleMeta("paySandbox.title");

// The embedded gateway's own payment page (what Snap's hosted page is for a real Midtrans account).
export async function loader({ params }: LoaderFunctionArgs) {
  requireSandbox();
  const { token } = routeParams(params, TokenParams);
  const page = await paymentPage(token, new Date());
  if (!page) throw new Response("Not Found", { status: 404 });
  const qrSvg = page.qrString ? await QRCode.toString(page.qrString, { type: "svg", margin: 1, width: 220, errorCorrectionLevel: "M" }) : null;
  return { ...page, qrSvg, methods: SANDBOX_METHODS.map((m) => ({ code: m.code, kind: m.kind, label: m.label })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSandbox();
  const { token } = routeParams(params, TokenParams);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const method = String(form.get("method") ?? "");
  if ((intent !== "pay" && intent !== "choose") || !isCleanText(method)) badRequest();
  const now = new Date();
  const result = intent === "pay" ? await payNow(token, now) : await chooseMethod(token, method, now);
  if (!result.ok) return { error: result.error };
  return redirect(`/sandbox/midtrans/pay/${token}`);
}

export default function SandboxPaymentPage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const chosen = page.methods.find((m) => m.code === page.method);
  const groups = (["va", "qris", "ewallet"] as const).map((kind) => ({ kind, methods: page.methods.filter((m) => m.kind === kind) }));
  return (
    <div className="narrow">
      <h1>{t("paySandbox.title")}</h1>
      <p className="alert alert--info">{t("paySandbox.notice")}</p>
      <div className="card">
        <p>
          {t("paySandbox.order")}: <strong>{page.orderId}</strong>
        </p>
        <p>
          {t("paySandbox.total")}: <strong>{formatRupiah(page.grossAmount)}</strong>
        </p>
        {page.status === "pending" ? (
          <p className="muted">
            {t("paySandbox.expiresAt")}: {formatDateTime(page.expiresAt, locale)}
          </p>
        ) : null}
      </div>
      {actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {t(`paySandbox.error.${actionData.error}`)}
        </p>
      ) : null}

      {page.status === "settlement" ? (
        <p className="alert alert--success" role="status">
          {t("paySandbox.paid")}
        </p>
      ) : page.status === "expire" ? (
        <p className="alert alert--error">{t("paySandbox.expired")}</p>
      ) : page.status !== "pending" ? (
        <p className="alert alert--warn">{t("paySandbox.closed", { status: page.status })}</p>
      ) : chosen ? (
        <div className="card">
          <h2>{chosen.label}</h2>
          {chosen.kind === "va" ? (
            <p>
              {t("paySandbox.vaNumber", { bank: chosen.label.split(" ")[0] })}: <strong data-testid="va-number">{page.vaNumber}</strong>
            </p>
          ) : chosen.kind === "qris" && page.qrSvg ? (
            <>
              <div role="img" aria-label="QRIS" dangerouslySetInnerHTML={{ __html: page.qrSvg }} style={{ maxWidth: 240 }} />
              <p className="muted">{t("paySandbox.qrHelp")}</p>
            </>
          ) : (
            <p>{t("paySandbox.ewalletHelp", { wallet: chosen.label })}</p>
          )}
          <div className="row">
            <Form noValidate method="post">
              <input type="hidden" name="intent" value="pay" />
              <button type="submit">{t("paySandbox.pay")}</button>
            </Form>
          </div>
        </div>
      ) : null}

      {page.status === "pending" ? (
        <div className="card">
          <h2>{chosen ? t("paySandbox.changeMethod") : t("paySandbox.chooseMethod")}</h2>
          {groups.map((g) => (
            <fieldset key={g.kind} style={{ border: 0, padding: 0, margin: "0 0 1rem" }}>
              <legend>{t(`paySandbox.group.${g.kind}`)}</legend>
              <div className="row">
                {g.methods.map((m) => (
                  <Form noValidate method="post" key={m.code}>
                    <input type="hidden" name="intent" value="choose" />
                    <button type="submit" name="method" value={m.code} className="button-secondary" aria-pressed={m.code === page.method}>
                      {m.label}
                    </button>
                  </Form>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      ) : null}

      {page.finishUrl ? (
        <p>
          <a href={page.finishUrl}>{t("paySandbox.backToShop")}</a>
        </p>
      ) : null}
    </div>
  );
}
