import { Form, useActionData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { TextAreaField, TextField } from "../forms/fields";
import { useT } from "../i18n";

/** What a complaint page's action answers (complaintFormAction): a refusal with its field, vars and what was typed. */
export type ComplaintFormResult = { ok: string } | { errors: Record<string, string>; vars?: Record<string, string>; values?: Record<string, string> };

/** The page's action answer, read as a complaint form result (top-of-page error, success key, and per-step values). */
export function useComplaintFormResult() {
  const result = useActionData() as ComplaintFormResult | undefined;
  const t = useT();
  const refused = result && "errors" in result ? result : undefined;
  return {
    result,
    ok: result && "ok" in result ? result.ok : null,
    /** A refusal that belongs to no field, translated. */
    formError: refused?.errors._form ? t(refused.errors._form, refused.vars) : null,
    busy: useNavigation().state !== "idle",
  };
}

type Field = { name: string; label: string; hint?: string; required?: boolean; minLength?: number; maxLength?: number; defaultValue?: string };

/**
 * One step of a complaint (refund, partial refund, reject, return arrived...) as its own small form posting
 * `intent=<step>`: a text field per input, one submit button. A refusal comes back into the form of the step that
 * was sent, with what was typed, and not into the others (several forms on a page have a "reason").
 */
export function ComplaintStepForm({
  intent,
  label,
  tone,
  fields = [],
  className = "card",
  confirm,
  children,
}: {
  intent: string;
  label: string;
  tone?: "danger" | "secondary";
  /** A step that cannot be undone (a full refund): folded behind its label, with this sentence above the button. */
  confirm?: string;
  fields?: (Field & { kind?: "text" | "numeric" | "textarea" })[];
  className?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const { result, busy } = useComplaintFormResult();
  const mine = result && "errors" in result && result.values?.intent === intent ? result : undefined;
  const form = (
    <Form method="post" noValidate className={confirm ? undefined : className}>
      {children}
      {confirm ? <p className="muted">{confirm}</p> : null}
      <input type="hidden" name="intent" value={intent} />
      {fields.map(({ kind = "text", ...f }) => {
        const common = {
          id: `${intent}-${f.name}`,
          name: f.name,
          label: f.label,
          hint: f.hint,
          required: f.required,
          minLength: f.minLength,
          maxLength: f.maxLength,
          defaultValue: mine?.values?.[f.name] ?? f.defaultValue,
          error: mine?.errors[f.name] ? t(mine.errors[f.name], mine.vars) : undefined,
        };
        return kind === "textarea" ? <TextAreaField key={f.name} {...common} /> : <TextField key={f.name} inputMode={kind === "numeric" ? "numeric" : undefined} {...common} />;
      })}
      <button type="submit" className={tone === "danger" ? "button-danger" : tone === "secondary" ? "button-secondary" : undefined} disabled={busy}>
        {label}
      </button>
    </Form>
  );
  if (!confirm) return form;
  return (
    <details className={className} open={mine ? true : undefined}>
      <summary>{label}</summary>
      {form}
    </details>
  );
}
