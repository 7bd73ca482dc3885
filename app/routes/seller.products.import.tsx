import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { data, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { PRODUCT_CSV_LIMITS, type ProductCsvIssue, ROW_FIELD } from "~/domain/catalog/product-csv";
import type { Translate } from "~/i18n/i18n";
import { formatNumber, formatRupiah, formatWeight } from "~/i18n/format";
import { requireMultipart } from "~/infra/http.server";
import { requireShopOwner } from "~/infra/auth.server";
import { localeOf } from "~/infra/locale.server";
import { breadcrumb, categoryTree, isLeaf } from "~/models/category.server";
import { CSV_MAX_BYTES, decodeCsvFile, importProducts, previewProductCsv } from "~/services/product-import.server";
import sellerProductStyles from "~/styles/seller-products.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sellerProductStyles }];

export const meta = titleMeta("sellerProducts.import.title");

const count = (v: string | null) => (v && /^\d{1,5}$/.test(v) ? Number(v) : null);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireShopOwner(request);
  const [tree, locale] = await Promise.all([categoryTree(), localeOf(request)]);
  const name = (c: { name: string; nameEn: string | null }) => (locale === "en" && c.nameEn ? c.nameEn : c.name);
  const url = new URL(request.url);
  const saved = count(url.searchParams.get("disimpan"));
  const skipped = count(url.searchParams.get("dilewati"));
  return {
    done: saved !== null && skipped !== null ? { saved, skipped } : null,
    categoryCodes: tree.all.filter((c) => isLeaf(tree, c.id)).map((c) => ({ slug: c.slug, path: breadcrumb(tree, c.id).map(name).join(" › ") })),
  };
}

/**
 * Two steps, both multipart so one part-size limit covers the file and the text sent back:
 * `preview` parses the uploaded file and saves nothing; `save` parses the same text again (it came
 * back from the browser, so it is checked again, not trusted) and stores the valid rows as drafts.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  let form: FormData;
  try {
    requireMultipart(request);
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: CSV_MAX_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return data({ error: "sellerProducts.import.tooLarge" }, { status: 413 });
    throw error;
  }
  const intent = form.get("intent");
  const file = form.get("file");
  const sent = form.get("csv");
  let text: string;
  if (intent === "save") {
    if (typeof sent !== "string" || sent === "") return data({ error: "sellerProducts.import.csvMissing" }, { status: 400 });
    text = sent;
  } else {
    if (!file || typeof file === "string" || file.size === 0) return data({ error: "sellerProducts.import.noFile" }, { status: 400 });
    text = decodeCsvFile(new Uint8Array(await file.arrayBuffer()));
  }

  const { preview, rows } = await previewProductCsv(text, await localeOf(request));
  if (intent !== "save" || preview.fileErrors.length > 0) return { preview, csv: text };
  const result = await importProducts(user, rows);
  return redirect(`/seller/products/import?disimpan=${result.saved}&dilewati=${result.skipped}`);
}

function issueText(t: Translate, issue: ProductCsvIssue, line?: number) {
  const message = t(issue.code);
  if (line === undefined) return issue.field === ROW_FIELD ? message : t("sellerProducts.import.fileError", { field: issue.field, message });
  return issue.field === ROW_FIELD ? t("sellerProducts.import.rowErrorWhole", { line, message }) : t("sellerProducts.import.rowError", { line, field: issue.field, message });
}

export default function ProductImport() {
  const t = useT();
  const { done, categoryCodes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const error = actionData && "error" in actionData ? actionData.error : null;
  const preview = actionData && "preview" in actionData ? actionData.preview : null;
  const csv = actionData && "csv" in actionData ? actionData.csv : "";

  return (
    <section className="sp-import">
      <p>
        <Link to="/seller/products">← {t("sellerProducts.back")}</Link>
      </p>
      <h1>{t("sellerProducts.import.title")}</h1>

      {done ? (
        <div className="alert alert--success" role="status">
          <p>{t("sellerProducts.import.done", { saved: formatNumber(done.saved), skipped: formatNumber(done.skipped) })}</p>
          <Link to="/seller/products?status=draft">{t("sellerProducts.import.viewDrafts")}</Link>
        </div>
      ) : null}

      {preview ? (
        <>
          <h2>{t("sellerProducts.import.previewTitle")}</h2>
          {preview.fileErrors.length ? (
            <div className="alert alert--error" role="alert">
              <ul>
                {preview.fileErrors.map((issue, i) => (
                  <li key={i}>{issueText(t, issue)}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p role="status">{t("sellerProducts.import.previewSummary", { valid: formatNumber(preview.validCount), invalid: formatNumber(preview.invalidCount) })}</p>
          )}
          {preview.rows.length ? (
            <div className="table-wrap">
              <table className="sp-import-table">
                <thead>
                  <tr>
                    <th scope="col">{t("sellerProducts.import.col.line")}</th>
                    <th scope="col">{t("sellerProducts.import.col.title")}</th>
                    <th scope="col">{t("sellerProducts.import.col.category")}</th>
                    <th scope="col">{t("sellerProducts.import.col.price")}</th>
                    <th scope="col">{t("sellerProducts.import.col.weight")}</th>
                    <th scope="col">{t("sellerProducts.import.col.result")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.line} className={row.errors.length ? "sp-import-row--error" : undefined}>
                      <td data-label={t("sellerProducts.import.col.line")}>{row.line}</td>
                      <td data-label={t("sellerProducts.import.col.title")} className={row.title === null ? "sp-import-empty" : undefined}>{row.title ?? "—"}</td>
                      <td data-label={t("sellerProducts.import.col.category")} className={row.categoryPath === null ? "sp-import-empty" : undefined}>{row.categoryPath ?? "—"}</td>
                      <td data-label={t("sellerProducts.import.col.price")} className={row.priceRupiah === null ? "sp-import-empty" : undefined}>{row.priceRupiah !== null ? formatRupiah(row.priceRupiah) : "—"}</td>
                      <td data-label={t("sellerProducts.import.col.weight")} className={row.weightGrams === null ? "sp-import-empty" : undefined}>{row.weightGrams !== null ? formatWeight(row.weightGrams) : "—"}</td>
                      <td data-label={t("sellerProducts.import.col.result")}>
                        {row.errors.length ? (
                          <ul className="sp-import-errors">
                            {row.errors.map((issue, i) => (
                              <li key={i}>{issueText(t, issue, row.line)}</li>
                            ))}
                          </ul>
                        ) : (
                          <span className="sp-ok">{t("sellerProducts.import.rowOk")}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}

          {preview.validCount > 0 && preview.fileErrors.length === 0 ? (
            <Form noValidate method="post" encType="multipart/form-data" className="sp-import-save">
              {/* The checked text goes back as it is; the action parses and checks it again. */}
              <textarea name="csv" hidden readOnly value={csv} />
              {preview.invalidCount > 0 ? <p className="field__hint">{t("sellerProducts.import.saveHint")}</p> : null}
              <div className="row">
                <button type="submit" name="intent" value="save" disabled={busy}>
                  {t("sellerProducts.import.save", { count: formatNumber(preview.validCount) })}
                </button>
                <Link to="/seller/products/import">{t("sellerProducts.import.again")}</Link>
              </div>
            </Form>
          ) : (
            <p>
              {t("sellerProducts.import.nothingValid")} <Link to="/seller/products/import">{t("sellerProducts.import.again")}</Link>
            </p>
          )}
        </>
      ) : (
        <>
          <p>{t("sellerProducts.import.lead")}</p>
          <ol className="sp-import-steps">
            <li>
              {t("sellerProducts.import.step1")}
              <br />
              <a href="/seller/products/template.csv" download>
                {t("sellerProducts.import.template")}
              </a>
              <br />
              <a href="/seller/products/template.csv?pemisah=titik-koma" download className="muted">
                {t("sellerProducts.import.templateSemicolon")}
              </a>
              <br />
              <a href="/seller/products/export.csv" download className="muted">
                {t("sellerProducts.import.export")}
              </a>
            </li>
            <li>
              {t("sellerProducts.import.step2")}
              <details>
                <summary>{t("sellerProducts.import.categoryCodes")}</summary>
                <p className="field__hint">{t("sellerProducts.import.categoryCodesHint")}</p>
                <dl className="sp-codes">
                  {categoryCodes.map((c) => (
                    <div key={c.slug}>
                      <dt>{c.path}</dt>
                      <dd>
                        <code>{c.slug}</code>
                      </dd>
                    </div>
                  ))}
                </dl>
              </details>
            </li>
          </ol>
          <Form noValidate method="post" encType="multipart/form-data" className="card">
            <div className={`field${error ? " field--error" : ""}`}>
              <label htmlFor="sp-csv">{t("sellerProducts.import.file")}</label>
              <input
                id="sp-csv"
                type="file"
                name="file"
                accept=".csv,text/csv,text/plain"
                required
                aria-describedby={`sp-csv-hint${error ? " sp-csv-error" : ""}`}
                aria-invalid={error ? true : undefined}
              />
              <p className="field__hint" id="sp-csv-hint">
                {t("sellerProducts.import.fileHint", { max: formatNumber(PRODUCT_CSV_LIMITS.maxRows) })}
              </p>
              {error ? (
                <p className="field__error" id="sp-csv-error" role="alert">
                  {t(error)}
                </p>
              ) : null}
            </div>
            <button type="submit" name="intent" value="preview" disabled={busy}>
              {busy ? t("form.sending") : t("sellerProducts.import.check")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
