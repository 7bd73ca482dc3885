import { type ComponentType, createElement } from "react";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { expect, vi } from "vitest";
import type { Locale } from "~/i18n/i18n";

/**
 * A route's component rendered to HTML as the server renders it, with the data its loader returned (passed through
 * JSON, as Remix sends it) and the root's locale: what a person reads on that page. `actionData`: what the page's
 * action answered, for the page as it stands after a post.
 */
export function renderRoute(Component: ComponentType, url: string, data: unknown, locale: Locale = "id", actionData?: unknown): string {
  const router = createMemoryRouter(
    [{ id: "root", loader: () => null, children: [{ id: "page", path: url.split("?")[0], loader: () => null, Component }] }],
    {
      initialEntries: [url],
      hydrationData: { loaderData: { root: { locale }, page: JSON.parse(JSON.stringify(data)) }, actionData: actionData === undefined ? undefined : { page: JSON.parse(JSON.stringify(actionData)) } },
    },
  );
  // React warns that the router's layout effects do nothing on the server; a page has nothing else to say.
  const warn = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const html = renderToString(createElement(RouterProvider, { router }));
    expect(warn.mock.calls.filter(([m]) => !String(m).includes("useLayoutEffect does nothing on the server"))).toEqual([]);
    return html;
  } finally {
    warn.mockRestore();
  }
}

/** A page's text without its tags, one space between pieces. */
export const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&[a-z#0-9]+;/g, " ").replace(/\s+/g, " ");

/** The whole `<form …>…</form>` of a rendered page that holds a field with this name (and value); "" when none. */
export function formHolding(html: string, name: string, value?: string): string {
  const field = value === undefined ? `name="${name}"` : `name="${name}" value="${value}"`;
  return html.match(/<form[^>]*>[\s\S]*?<\/form>/g)?.find((form) => form.includes(field)) ?? "";
}
