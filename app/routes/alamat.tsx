import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { ProvinceOptions, RegencyOptions } from "~/components/region-options";
import { findProvince, findRegency } from "~/domain/regions/data";
import { requireUser, safeRedirect } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { parseForm } from "~/infra/forms.server";
import { badRequest, notFound, orHttpError } from "~/infra/http.server";
import { UUID_PATTERN } from "~/schemas/params";
import { AddressSchema } from "~/schemas/buying";
import { addAddress, makeDefaultAddress, myAddresses, removeAddress } from "~/services/addresses.server";

export const meta = titleMeta("address.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const addresses = await myAddresses(user.id);
  return {
    addresses: addresses.map((a) => ({ id: a.id, label: a.label, recipient: a.recipient, phone: a.phone, street: a.street, district: a.district, postalCode: a.postalCode, regency: findRegency(a.regencyCode)?.name ?? a.regencyCode, province: findProvince(a.provinceCode)?.name ?? a.provinceCode, isDefault: a.isDefault })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const back = safeRedirect(String(form.get("redirectTo") ?? ""), "/alamat");
  const intent = String(form.get("intent") ?? "create");
  const id = String(form.get("id") ?? "");
  if (!["create", "default", "delete"].includes(intent)) badRequest();
  // An address id is a UUID: anything else names no address (and must not reach the query).
  if (intent !== "create" && !UUID_PATTERN.test(id)) notFound();
  if (intent === "default") {
    await orHttpError(() => makeDefaultAddress(user.id, id));
    return redirectWithFlash(request, back, { kind: "success", key: "address.saved" });
  }
  if (intent === "delete") {
    await orHttpError(() => removeAddress(user.id, id));
    return redirectWithFlash(request, back, { kind: "success", key: "address.deleted" });
  }
  const parsed = await parseForm(request, AddressSchema, form);
  if (!parsed.ok) return parsed.response;
  await addAddress(user.id, parsed.data);
  return redirectWithFlash(request, back, { kind: "success", key: "address.saved" });
}

export default function AddressBook() {
  const t = useT();
  const { addresses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? "";
  const form = useZodForm(AddressSchema, actionData, { isDefault: addresses.length === 0 });
  const provinceCode = form.watch("provinceCode");
  return (
    <section className="narrow">
      <h1>{t("address.title")}</h1>
      {redirectTo ? (
        <p>
          <Link to={redirectTo}>{t("address.back")}</Link>
        </p>
      ) : null}
      {addresses.length === 0 ? <p>{t("address.empty")}</p> : null}
      {addresses.map((a) => (
        <article key={a.id} className="card" aria-label={a.label || a.recipient}>
          <p>
            <strong>{a.label || a.recipient}</strong> {a.isDefault ? <span className="badge">{t("address.default")}</span> : null}
          </p>
          <p>
            {a.recipient} · {a.phone}
          </p>
          <p className="muted">
            {a.street}, {a.district}, {a.regency}, {a.province} {a.postalCode}
          </p>
          <Form noValidate method="post" className="inline-actions">
            <input type="hidden" name="id" value={a.id} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            {a.isDefault ? null : (
              <button type="submit" name="intent" value="default" className="button-secondary">
                {t("address.makeDefault")}
              </button>
            )}
            <button type="submit" name="intent" value="delete" className="link-button">
              {t("address.delete")}
            </button>
          </Form>
        </article>
      ))}

      <h2>{t("address.add")}</h2>
      <FormError error={actionData?.errors?._form} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField label={t("address.label")} error={form.errorOf("label")} {...form.register("label")} />
        <TextField label={t("address.recipient")} autoComplete="name" error={form.errorOf("recipient")} {...form.register("recipient")} />
        <TextField label={t("address.phone")} type="tel" inputMode="tel" autoComplete="tel" error={form.errorOf("phone")} {...form.register("phone")} />
        <SelectField label={t("address.province")} error={form.errorOf("provinceCode")} {...form.register("provinceCode", { onChange: () => form.setValue("regencyCode", "") })}>
          <option value="">{t("address.chooseProvince")}</option>
          <ProvinceOptions />
        </SelectField>
        <SelectField label={t("address.regency")} error={form.errorOf("regencyCode")} {...form.register("regencyCode")}>
          <option value="">{t("address.chooseRegency")}</option>
          <RegencyOptions provinceCode={provinceCode} />
        </SelectField>
        <TextField label={t("address.district")} error={form.errorOf("district")} {...form.register("district")} />
        <TextField label={t("address.postalCode")} inputMode="numeric" autoComplete="postal-code" maxLength={5} error={form.errorOf("postalCode")} {...form.register("postalCode")} />
        <TextAreaField label={t("address.street")} rows={2} autoComplete="street-address" error={form.errorOf("street")} {...form.register("street")} />
        <div className="field field--checkbox">
          <label>
            <input type="checkbox" {...form.register("isDefault")} /> {t("address.isDefault")}
          </label>
        </div>
        <button type="submit" disabled={form.submitting}>
          {t("address.save")}
        </button>
      </Form>
    </section>
  );
}
