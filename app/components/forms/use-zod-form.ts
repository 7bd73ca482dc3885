import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigation, useSubmit } from "@remix-run/react";
import { type FormEvent, useEffect } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { isPasswordField } from "~/domain/auth/password-fields";

export interface ActionErrors {
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

/**
 * react-hook-form with the same zod schema the action uses. The browser checks first (errors appear
 * next to fields without a round trip); the native form still posts, so it works without JavaScript,
 * and server errors are merged back into the same fields.
 */
export interface SubmitOptions {
  /** Runs first, with the pressed button (e.g. to set an `intent` field the schema reads). */
  beforeValidate?: (submitter: HTMLButtonElement | null) => void;
  /** After the schema passed: false keeps the form from posting (uploads still running...). */
  canSubmit?: () => boolean;
}

export function useZodForm(schema: z.ZodType, actionData: unknown, defaultValues?: Record<string, unknown>, options: SubmitOptions = {}) {
  const server = (actionData ?? undefined) as ActionErrors | undefined;
  const initial: Record<string, unknown> = { ...(defaultValues ?? {}), ...(server?.values ?? {}) };
  const form = useForm<Record<string, string>>({
    resolver: zodResolver(schema as never),
    mode: "onTouched",
    defaultValues: initial as never,
  });
  const submit = useSubmit();
  const navigation = useNavigation();

  useEffect(() => {
    if (!server) return;
    for (const [name, message] of Object.entries(server.errors ?? {})) {
      form.setError(name, { type: "server", message });
    }
    // The server refused the post: a password is typed again, as when the page comes back without JavaScript
    // (the server never sends one back). The refusal stays next to the emptied field.
    for (const name of Object.keys(form.getValues())) if (isPasswordField(name)) form.setValue(name, "");
  }, [server, form]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    // Submit through the button that was pressed, so its name/value (e.g. intent=publish) is posted too.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    options.beforeValidate?.(submitter);
    void form.handleSubmit(() => {
      if (options.canSubmit && !options.canSubmit()) return;
      submit(submitter ?? target, { method: (target.method as "post") || "post", encType: target.enctype as never });
    })(event);
  };

  const errorOf = (name: string): string | undefined => {
    const e = (form.formState.errors as Record<string, { message?: string } | undefined>)[name];
    return e?.message ?? server?.errors?.[name];
  };

  // react-hook-form fills fields through refs after hydration, so the server-rendered HTML would show them
  // empty: on a slow phone, or without JavaScript, the seller would see their typing lost after a refused
  // post. The initial value (saved data, or what the server sent back) is also put in the HTML itself.
  const register = ((name: string, options?: Parameters<typeof form.register>[1]) => ({
    ...form.register(name, options),
    defaultValue: textOf(initial[name]),
  })) as typeof form.register;
  const registerCheckbox = (name: string, options?: Parameters<typeof form.register>[1]) => ({
    ...form.register(name, options),
    defaultChecked: isChecked(initial[name]),
  });

  // A hidden field the page sets from code (photo ids, a picked category): rendered from the form state.
  // `register` would not do: React puts a hidden input back to its `defaultValue` on every render.
  const registerHidden = (name: string) => ({ name, value: textOf(form.watch(name)) ?? "", readOnly: true });
  const registerRadio = (name: string, value: string) => ({
    ...form.register(name),
    value,
    defaultChecked: textOf(initial[name]) === value,
  });

  return { ...form, register, registerCheckbox, registerRadio, registerHidden, onSubmit, errorOf, submitting: navigation.state === "submitting" };
}

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

/** A checkbox posted natively sends "on" (or its value); saved data is a boolean. */
function isChecked(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  return typeof value === "string" && value !== "" && value !== "false" && value !== "0";
}
