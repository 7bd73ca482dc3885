import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { loader } from "~/root";
import { LOCALES } from "~/i18n/i18n";
import { useLocale, useT } from "../i18n";

/** Role-aware navigation; on phones the links are one row under the brand that scrolls sideways, no JavaScript needed. */
export function AppHeader() {
  const root = useRouteLoaderData<typeof loader>("root");
  const user = root?.user;
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const nav = useRef<HTMLElement>(null);
  // On a phone the menu is a row that scrolls sideways: bring the current page's entry into view.
  useEffect(() => {
    const active = nav.current?.querySelector("a.active");
    if (!nav.current || !active) return;
    const [a, n] = [active.getBoundingClientRect(), nav.current.getBoundingClientRect()];
    if (a.right > n.right || a.left < n.left) nav.current.scrollLeft += a.left - n.left - 16;
  }, [location.pathname]);
  const links: { to: string; label: string }[] = [{ to: "/cari", label: t("nav.search") }, { to: "/keranjang", label: t("nav.cart") }];
  if (user) {
    links.push({ to: "/pesanan", label: t("nav.orders") });
    links.push(user.shopStatus ? { to: "/seller", label: t("nav.shop") } : { to: "/seller/onboarding", label: t("nav.openShop") });
    if (user.roles.includes("admin")) {
      links.push({ to: "/admin", label: t("nav.admin") });
    }
    // On the list itself the notifications are being read (its loader marks them), so no count there.
    const unread = location.pathname === "/notifications" ? 0 : root.unread;
    const notifications = { to: "/notifications", label: unread ? `${t("nav.notifications")} (${unread})` : t("nav.notifications") };
    // Unread notices (a paid order to ship) come first: on a phone the row scrolls, and its end is off-screen.
    if (unread) links.unshift(notifications);
    else links.push(notifications);
    links.push({ to: "/account", label: t("nav.account") });
  }
  return (
    <header className="header">
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <div className="container header__bar">
        <Link to="/" className="header__brand">
          {t("app.name")}
        </Link>
        <nav className="header__nav" aria-label={t("nav.menu")} ref={nav}>
            <ul>
              {links.map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to}>{l.label}</NavLink>
                </li>
              ))}
              {user ? (
                <li>
                  <Form noValidate method="post" action="/logout">
                    <button type="submit" className="link-button">
                      {t("nav.logout")}
                    </button>
                  </Form>
                </li>
              ) : (
                <>
                  <li>
                    <NavLink to="/login">{t("nav.login")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/signup">{t("nav.signup")}</NavLink>
                  </li>
                </>
              )}
              <li>
                <Form noValidate method="post" action="/language" className="lang-switch">
                  <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
                  {LOCALES.filter((l) => l !== locale).map((l) => (
                    <button key={l} type="submit" name="locale" value={l} className="link-button" lang={l} aria-label={`${t(`lang.${l}`)} (${t("lang.switch")})`}>
                      {t(`lang.${l}`)}
                    </button>
                  ))}
                </Form>
              </li>
            </ul>
        </nav>
      </div>
    </header>
  );
}
