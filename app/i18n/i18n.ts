import * as common from "./messages/common";

// The one i18n layer: components and mails get text through t(); no string literals in components.
export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";

const dictionaries: Record<Locale, Record<string, string>> = {
  id: { ...common.id },
  en: { ...common.en },
};

/** Feature modules add their messages here (kyc, catalog...), each with both languages. */
export function registerMessages(messages: { id: Record<string, string>; en: Record<string, string> }) {
  Object.assign(dictionaries.id, messages.id);
  Object.assign(dictionaries.en, messages.en);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored or requested language, or Indonesian when it is none we have. */
export function localeOr(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export type Vars = Record<string, string | number>;
export type Translate = (key: string, vars?: Vars) => string;

// A message with a {count} may have a form per plural category of its language, `key#one` beside `key` (the
// "other" form): "1 item" / "2 items". Indonesian has one form for every number, so only English needs them.
const pluralRules: Record<Locale, Intl.PluralRules> = { id: new Intl.PluralRules("id-ID"), en: new Intl.PluralRules("en-GB") };

function pluralForm(locale: Locale, key: string, count: string | number | undefined): string {
  if (count === undefined) return key;
  // Counts arrive as numbers or already formatted ("1.234"): the digits are the number.
  const n = typeof count === "number" ? count : Number(count.replace(/\D/g, ""));
  const form = `${key}#${pluralRules[locale].select(n)}`;
  return form in dictionaries[locale] ? form : key;
}

/** A second language's messages: every key of the first, plus plural forms of its own. */
export type WithPluralForms<T> = T & { [form: `${string}#one`]: string };

/** Keys of plural forms (`key#one`), which only languages with such forms have. */
export const isPluralForm = (key: string) => key.includes("#");

export function translator(locale: Locale): Translate {
  return (key, vars) => {
    const template = dictionaries[locale][pluralForm(locale, key, vars?.count)] ?? dictionaries[DEFAULT_LOCALE][key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
  };
}

/**
 * The words for a stored code (`labelOf(t, "payment.status.", "settled")` → "Lunas"), or the code itself when we have
 * none: a value an outside system adds later (a new Midtrans payment type) still shows, never a message key.
 */
export function labelOf(t: Translate, prefix: string, code: string, vars?: Vars): string {
  const key = `${prefix}${code}`;
  const text = t(key, vars);
  return text === key ? code : text;
}

export function dictionaryKeys(locale: Locale): string[] {
  return Object.keys(dictionaries[locale]);
}
