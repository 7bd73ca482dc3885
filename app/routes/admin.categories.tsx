import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useHydrated } from "~/components/forms/needs-javascript";
import { CheckboxField, FormError, SelectField, TextField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { CATEGORY_NAME_LIMITS } from "~/domain/catalog/category-rules";
import { DomainError } from "~/domain/errors";
import { formatNumber } from "~/i18n/format";
import { requirePermission } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { parseForm } from "~/infra/forms.server";
import { statusOf } from "~/infra/http.server";
import { addCategory, type AdminCategoryNode, categoryAdminView, moveCategory, renameCategory, retireCategory } from "~/services/category-admin.server";
import adminCatalogStyles from "~/styles/admin-catalog.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminCatalogStyles }];

export const meta = titleMeta("adminCatalog.title");

const PATH = "/admin/categories";
const categoryId = z.coerce.number().int().positive();
const optionalId = z
  .string()
  .regex(/^\d*$/)
  .default("")
  .transform((v) => (v ? Number(v) : null));
const name = z.string().trim().min(CATEGORY_NAME_LIMITS.min, "category_name_length").max(CATEGORY_NAME_LIMITS.max, "category_name_length");
const nameEn = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || (v.length >= CATEGORY_NAME_LIMITS.min && v.length <= CATEGORY_NAME_LIMITS.max), "category_name_length");

// One schema per form on the page, told apart by the button's intent. A missing replacement is left to the
// domain rule (category_replacement_required), so the message is the same from the form and the service.
const CategoryActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), parentId: optionalId, name, nameEn }),
  z.object({ intent: z.literal("rename"), categoryId, name, nameEn }),
  z.object({ intent: z.literal("move"), categoryId, newParentId: z.string().regex(/^\d+$/, "validation.required").transform(Number) }),
  // Retiring cannot be undone: the form sends the admin's yes (the confirm dialog, or the tick without JavaScript).
  z.object({ intent: z.literal("retire"), categoryId, replacementId: optionalId, confirmRetire: z.literal("1", "adminCatalog.retire.confirmNeeded") }),
]);
type CategoryAction = z.infer<typeof CategoryActionSchema>;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:category:any");
  const selected = Number(new URL(request.url).searchParams.get("id"));
  return categoryAdminView(Number.isSafeInteger(selected) && selected > 0 ? selected : null);
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "manage:category:any");
  const parsed = await parseForm(request, CategoryActionSchema);
  if (!parsed.ok) return parsed.response;
  const d = parsed.data;
  const done = (id: number, key: string) => redirectWithFlash(request, `${PATH}?id=${id}`, { kind: "success", key });
  try {
    if (d.intent === "add") return done((await addCategory(d.parentId, d.name, d.nameEn)).id, "adminCatalog.flash.added");
    if (d.intent === "rename") return done((await renameCategory(d.categoryId, d.name, d.nameEn)).id, "adminCatalog.flash.renamed");
    if (d.intent === "move") return done((await moveCategory(d.categoryId, d.newParentId)).id, "adminCatalog.flash.moved");
    await retireCategory(d.categoryId, d.replacementId);
    return done(d.categoryId, "adminCatalog.flash.retired");
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const values = Object.fromEntries([...parsed.form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
    return data({ errors: { [fieldOf(d, error.messageKey)]: error.messageKey } as Record<string, string>, values }, { status: statusOf(error) });
  }
}

/** Which field a refusal belongs next to; what no field explains goes at the top of its form. */
function fieldOf(d: CategoryAction, code: string) {
  if (code === "category_name_length") return "name";
  if (d.intent === "move" && (code.startsWith("category_move") || code.startsWith("category_parent") || code === "category_too_deep")) return "newParentId";
  if (d.intent === "retire" && code.startsWith("category_replacement")) return "replacementId";
  return "_form";
}

type Errors = Record<string, string> | undefined;

export default function AdminCategories() {
  const t = useT();
  const locale = useLocale();
  const { nodes, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<number | null, AdminCategoryNode[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const label = (n: AdminCategoryNode) => (locale === "en" && n.nameEn ? n.nameEn : n.name);
  const pathOf = (id: number): string => {
    const parts: string[] = [];
    for (let n = byId.get(id); n; n = n.parentId === null ? undefined : byId.get(n.parentId)) parts.unshift(label(n));
    return parts.join(" › ");
  };
  const open = new Set<number>();
  for (let n = selected ? byId.get(selected.id) : undefined; n; n = n.parentId === null ? undefined : byId.get(n.parentId)) open.add(n.id);

  // Server errors belong to the one form that was posted: same intent, same category (or parent).
  const posted = actionData?.values ?? {};
  const errorsOf = (intent: string, key: string, value: string): Errors => (posted.intent === intent && (posted[key] ?? "") === value ? actionData?.errors : undefined);
  const topAddErrors = errorsOf("add", "parentId", "");

  const renderBranch = (parentId: number | null) => (
    <ul className="cat-tree">
      {(children.get(parentId) ?? []).map((n) => {
        const row = (
          <span className="cat-tree__row">
            <span className="cat-tree__name">{label(n)}</span>
            {n.retired ? (
              <span className="badge badge--retired">
                {t("adminCatalog.retiredBadge")}
                {n.replacedById && byId.get(n.replacedById) ? ` · ${t("adminCatalog.retiredInto", { name: label(byId.get(n.replacedById)!) })}` : ""}
              </span>
            ) : null}
            <span className="cat-tree__counts muted" title={t("adminCatalog.countsLabel")}>
              {t("adminCatalog.counts", { active: formatNumber(n.activeProducts), all: formatNumber(n.allProducts) })}
            </span>
            <Link to={`?id=${n.id}#kelola`} className="cat-tree__manage" aria-label={t("adminCatalog.manageLabel", { name: label(n) })} aria-current={selected?.id === n.id ? "true" : undefined}>
              {t("adminCatalog.manage")}
            </Link>
          </span>
        );
        return (
          <li key={n.id} className={n.retired ? "cat-tree__item cat-tree__item--retired" : "cat-tree__item"}>
            {children.has(n.id) ? (
              <details open={open.has(n.id) ? true : undefined}>
                <summary>{row}</summary>
                {renderBranch(n.id)}
              </details>
            ) : (
              row
            )}
          </li>
        );
      })}
    </ul>
  );

  const current = selected ? byId.get(selected.id) : undefined;
  return (
    <>
      <p>
        <Link to="/admin">← {t("admin.title")}</Link>
      </p>
      <h1>{t("adminCatalog.title")}</h1>
      <p>{t("adminCatalog.lead")}</p>
      <div className="cat-admin">
        <section className="card cat-admin__tree" aria-labelledby="tree-title">
          <h2 id="tree-title">{t("adminCatalog.treeTitle")}</h2>
          {renderBranch(null)}
          <details className="cat-admin__add-top" open={topAddErrors ? true : undefined}>
            <summary>{t("adminCatalog.addTop.title")}</summary>
            <AddForm parentId={null} errors={topAddErrors} values={topAddErrors ? posted : undefined} idPrefix="add-top" />
          </details>
        </section>
        <aside className="card cat-admin__panel" id="kelola" aria-labelledby="panel-title">
          {current && selected ? (
            <>
              <h2 id="panel-title">{pathOf(current.id)}</h2>
              <p className="muted">
                {t("adminCatalog.level", { level: current.level })} · {t("adminCatalog.slug", { slug: current.slug })} ·{" "}
                {t("adminCatalog.counts", { active: formatNumber(current.activeProducts), all: formatNumber(current.allProducts) })}
              </p>
              {current.retired ? (
                <p>
                  <span className="badge badge--retired">{t("adminCatalog.retiredBadge")}</span>{" "}
                  {current.replacedById && byId.get(current.replacedById) ? (
                    <Link to={`?id=${current.replacedById}#kelola`}>{t("adminCatalog.retiredInto", { name: pathOf(current.replacedById) })}</Link>
                  ) : null}
                </p>
              ) : (
                <>
                  <RenameForm node={current} errors={errorsOf("rename", "categoryId", String(current.id))} values={posted} />
                  {selected.canAddChild ? (
                    <section className="cat-admin__form">
                      <h3>{t("adminCatalog.addChild.title")}</h3>
                      <p className="muted">{t("adminCatalog.addChild.hint", { name: label(current) })}</p>
                      <AddForm parentId={current.id} errors={errorsOf("add", "parentId", String(current.id))} values={posted} idPrefix="add-child" />
                    </section>
                  ) : null}
                  {current.level > 1 ? (
                    <MoveForm node={current} targets={selected.moveTargetIds.map((id) => ({ id, label: pathOf(id) }))} errors={errorsOf("move", "categoryId", String(current.id))} />
                  ) : null}
                  <RetireForm node={current} candidates={selected.replacementIds.map((id) => ({ id, label: pathOf(id) }))} errors={errorsOf("retire", "categoryId", String(current.id))} />
                </>
              )}
              <p>
                <Link to=".">{t("adminCatalog.close")}</Link>
              </p>
            </>
          ) : (
            <p id="panel-title">{t("adminCatalog.selectHint")}</p>
          )}
        </aside>
      </div>
    </>
  );
}

function useSubmitting() {
  return useNavigation().state === "submitting";
}

function AddForm({ parentId, errors, values, idPrefix }: { parentId: number | null; errors: Errors; values?: Record<string, string>; idPrefix: string }) {
  const t = useT();
  const submitting = useSubmitting();
  return (
    <Form noValidate method="post" className="stack">
      <FormError error={errors?._form ?? errors?.parentId} />
      <input type="hidden" name="parentId" value={parentId ?? ""} />
      <TextField id={`${idPrefix}-name`} name="name" label={t("adminCatalog.name")} required maxLength={CATEGORY_NAME_LIMITS.max} defaultValue={errors ? values?.name : undefined} error={errors?.name} />
      <TextField id={`${idPrefix}-name-en`} name="nameEn" label={t("adminCatalog.nameEn")} maxLength={CATEGORY_NAME_LIMITS.max} defaultValue={errors ? values?.nameEn : undefined} error={errors?.nameEn} lang="en" />
      <button type="submit" name="intent" value="add" disabled={submitting}>
        {t("adminCatalog.add")}
      </button>
    </Form>
  );
}

function RenameForm({ node, errors, values }: { node: AdminCategoryNode; errors: Errors; values: Record<string, string> }) {
  const t = useT();
  const submitting = useSubmitting();
  return (
    <section className="cat-admin__form">
      <h3>{t("adminCatalog.rename.title")}</h3>
      <Form noValidate method="post" className="stack" key={node.id}>
        <FormError error={errors?._form} />
        <input type="hidden" name="categoryId" value={node.id} />
        <TextField
          id="rename-name"
          name="name"
          label={t("adminCatalog.name")}
          required
          maxLength={CATEGORY_NAME_LIMITS.max}
          defaultValue={errors ? values.name : node.name}
          error={errors?.name}
          hint={t("adminCatalog.rename.hint", { slug: node.slug })}
        />
        <TextField id="rename-name-en" name="nameEn" label={t("adminCatalog.nameEn")} maxLength={CATEGORY_NAME_LIMITS.max} defaultValue={errors ? values.nameEn : (node.nameEn ?? "")} error={errors?.nameEn} lang="en" />
        <button type="submit" name="intent" value="rename" disabled={submitting}>
          {t("adminCatalog.rename.submit")}
        </button>
      </Form>
    </section>
  );
}

function MoveForm({ node, targets, errors }: { node: AdminCategoryNode; targets: { id: number; label: string }[]; errors: Errors }) {
  const t = useT();
  const submitting = useSubmitting();
  return (
    <section className="cat-admin__form">
      <h3>{t("adminCatalog.move.title")}</h3>
      {targets.length === 0 && !errors ? (
        <p className="muted">{t("adminCatalog.move.none")}</p>
      ) : (
        <Form noValidate method="post" className="stack" key={node.id}>
          <FormError error={errors?._form} />
          <input type="hidden" name="categoryId" value={node.id} />
          <SelectField id="move-parent" name="newParentId" label={t("adminCatalog.move.parent")} required defaultValue="" error={errors?.newParentId} hint={t("adminCatalog.move.hint")}>
            <option value="">{t("adminCatalog.move.choose")}</option>
            {targets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </SelectField>
          <button type="submit" name="intent" value="move" disabled={submitting}>
            {t("adminCatalog.move.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}

function RetireForm({ node, candidates, errors }: { node: AdminCategoryNode; candidates: { id: number; label: string }[]; errors: Errors }) {
  const t = useT();
  const hydrated = useHydrated();
  const submitting = useSubmitting();
  return (
    <section className="cat-admin__form cat-admin__form--danger">
      <h3>{t("adminCatalog.retire.title")}</h3>
      {candidates.length === 0 && !errors ? (
        <p className="muted">{t("adminCatalog.retire.none")}</p>
      ) : (
        <Form noValidate
          method="post"
          className="stack"
          key={node.id}
          onSubmit={(event) => {
            if (!window.confirm(t("adminCatalog.retire.confirm"))) event.preventDefault();
          }}
        >
          <FormError error={errors?._form} />
          <input type="hidden" name="categoryId" value={node.id} />
          <SelectField
            id="retire-replacement"
            name="replacementId"
            label={t("adminCatalog.retire.replacement")}
            required
            defaultValue=""
            error={errors?.replacementId}
            hint={t("adminCatalog.retire.hint", { count: formatNumber(node.allProducts) })}
          >
            <option value="">{t("adminCatalog.retire.choose")}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </SelectField>
          {/* With JavaScript the confirm dialog asked; without it, this tick does, and the server refuses the post without it. */}
          {hydrated ? (
            <input type="hidden" name="confirmRetire" value="1" />
          ) : (
            <CheckboxField id="retire-confirm" name="confirmRetire" value="1" required label={t("adminCatalog.retire.confirm")} error={errors?.confirmRetire} />
          )}
          <button type="submit" name="intent" value="retire" className="button-danger" disabled={submitting}>
            {t("adminCatalog.retire.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
