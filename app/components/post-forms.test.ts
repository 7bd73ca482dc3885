import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every form that posts leaves its checks to the server (noValidate): the server answers with our own message in
// the user's language next to the field, where the browser's bubble speaks the phone's language and sits
// elsewhere. `required`, `minLength` and the like stay on the fields for screen readers and the :invalid look.

const ROOT = path.resolve(import.meta.dirname, "..");
const FORM_TAG = /<(Form|form|[\w.]+\.Form)\b/g;

/** The text of a JSX opening tag from its `<`: up to the `>` outside braces and strings (`=>` is inside braces). */
export function openingTag(source: string, start: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote && source[i - 1] !== "\\") quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === ">" && depth === 0) return source.slice(start, i + 1);
  }
  return source.slice(start);
}

/** Posting forms without noValidate in one source file, as `file:line`. */
export function postFormsWithoutNoValidate(file: string, source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(FORM_TAG)) {
    const tag = openingTag(source, m.index);
    if (/\bmethod=["']post["']/i.test(tag) && !/\bnoValidate\b/.test(tag)) found.push(`${file}:${source.slice(0, m.index).split("\n").length}`);
  }
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsxFiles(path.join(dir, e.name)) : e.name.endsWith(".tsx") && !e.name.includes(".test.") ? [path.join(dir, e.name)] : []));
}

describe("forms that post", () => {
  it("finds a posting form by its tag, across lines and past arrow functions", () => {
    expect(postFormsWithoutNoValidate("a.tsx", `<Form\n  method="post"\n  onSubmit={(e) => e.preventDefault()}\n>`)).toEqual(["a.tsx:1"]);
    expect(postFormsWithoutNoValidate("a.tsx", `x\n<fetcher.Form method="post" noValidate>`)).toEqual([]);
    expect(postFormsWithoutNoValidate("a.tsx", `<Form method="get" role="search">`)).toEqual([]);
  });

  it("leave their checks to the server in every route and component", () => {
    const files = [...tsxFiles(path.join(ROOT, "routes")), ...tsxFiles(path.join(ROOT, "components"))];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => postFormsWithoutNoValidate(path.relative(ROOT, f), readFileSync(f, "utf8")))).toEqual([]);
  });
});
