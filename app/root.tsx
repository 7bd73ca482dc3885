import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, type ShouldRevalidateFunction, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AppHeader } from "~/components/layout/header";
import { errorTitleMeta } from "~/components/meta";
import { FlashMessage } from "~/components/layout/flash";
import type { Locale } from "~/i18n/i18n";
import { getCurrentUser } from "~/infra/auth.server";
import { readFlash } from "~/infra/flash.server";
import { localeOf } from "~/infra/locale.server";
import { countUnread } from "~/models/notification.server";
import styles from "~/styles/app.css";
import buyingStyles from "~/styles/buying.css";

// The shared stylesheet only; catalog, seller-product and admin-catalog pages link their own.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  // Cart, checkout, orders and the sandbox pages (several routes) share one sheet.
  { rel: "stylesheet", href: buyingStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta = errorTitleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale, { flash, setCookie }] = await Promise.all([getCurrentUser(request), localeOf(request), readFlash(request)]);
  const unread = user ? await countUnread(user.id) : 0;
  return data(
    {
      locale,
      flash,
      unread,
      user: user ? { id: user.id, name: user.name, email: user.email, roles: user.roles, shopStatus: user.shopStatus } : null,
    },
    { headers: setCookie ? { "Set-Cookie": setCookie } : {} },
  );
}

// Leaving the notifications list (which marks them read), the header's unread count is loaded again;
// otherwise Remix keeps the root's data on a link navigation and the old count would stay.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, defaultShouldRevalidate }) => currentUrl.pathname === "/notifications" || defaultShouldRevalidate;

export type RootData = ReturnType<typeof useLoaderData<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = root?.locale ?? "id";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f766e" />
        <Meta />
        <Links />
      </head>
      <body>
        <AppHeader />
        <main id="main" className="container">
          {root?.flash ? <FlashMessage flash={root.flash} /> : null}
          {children}
        </main>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
