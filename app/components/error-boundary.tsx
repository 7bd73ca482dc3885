import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "./i18n";

/** The one error boundary: friendly 400/403/404/500/503 pages in the user's language (503: the database is away). */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 400 || status === 403 || status === 404 || status === 503 ? String(status) : "500";
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">{status}</p>
      <h1 id="error-title">{t(`error.${kind}.title`)}</h1>
      <p>{t(`error.${kind}.body`)}</p>
      <Link className="button" to="/">
        {t("error.backHome")}
      </Link>
    </section>
  );
}
