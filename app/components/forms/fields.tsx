import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useT } from "../i18n";

interface FieldShellProps {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  warning?: ReactNode;
  children: ReactNode;
}

/** Label, control, hint and the error right under the field, linked for screen readers. */
export function FieldShell({ id, label, error, hint, warning, children }: FieldShellProps) {
  const t = useT();
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <p className="field__hint" id={`${id}-hint`}>{hint}</p> : null}
      {warning ? <p className="field__warning" id={`${id}-warning`} role="status">{warning}</p> : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode, warning?: ReactNode) {
  return [hint ? `${id}-hint` : null, warning ? `${id}-warning` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; error?: string; hint?: ReactNode; warning?: ReactNode };

export const TextField = forwardRef<HTMLInputElement, InputProps>(function TextField({ label, error, hint, warning, id, name, ...rest }, ref) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint} warning={warning}>
      <input ref={ref} id={fieldId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, error, hint, warning)} {...rest} />
    </FieldShell>
  );
});

type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; error?: string; hint?: ReactNode };

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextareaProps>(function TextAreaField({ label, error, hint, id, name, ...rest }, ref) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <textarea ref={ref} id={fieldId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, error, hint)} {...rest} />
    </FieldShell>
  );
});

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { name: string; label: string; error?: string; hint?: ReactNode; warning?: ReactNode; children: ReactNode };

export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField({ label, error, hint, warning, id, name, children, ...rest }, ref) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint} warning={warning}>
      <select ref={ref} id={fieldId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, error, hint, warning)} {...rest}>
        {children}
      </select>
    </FieldShell>
  );
});

type CheckboxProps = InputHTMLAttributes<HTMLInputElement> & { id: string; name: string; label: ReactNode; error?: string; errorVars?: Record<string, string | number> };

/** A tick box with its statement as the label and the server's refusal right under it, linked for screen readers. */
export const CheckboxField = forwardRef<HTMLInputElement, CheckboxProps>(function CheckboxField({ id, name, label, error, errorVars, ...rest }, ref) {
  const t = useT();
  return (
    <div className={`field field--checkbox${error ? " field--error" : ""}`}>
      <label>
        <input ref={ref} type="checkbox" id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest} /> {label}
      </label>
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {t(error, errorVars)}
        </p>
      ) : null}
    </div>
  );
});

export function FormError({ error }: { error?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      {t(error)}
    </div>
  );
}
