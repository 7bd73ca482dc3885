import { Link } from "@remix-run/react";
import { useT } from "~/components/i18n";

/** Top of a dropship sub-page: the way back to the dashboard, the title, and the action's error or success line. */
export function DropshipPageHead({ title, error, success }: { title: string; error?: string | null; success?: string | null }) {
  const t = useT();
  return (
    <>
      <p>
        <Link to="/seller/dropship">{t("dropship.title")}</Link>
      </p>
      <h1>{title}</h1>
      {error ? (
        <div className="alert alert--error" role="alert">
          {t(error)}
        </div>
      ) : null}
      {success ? (
        <div className="alert" role="status">
          {success}
        </div>
      ) : null}
    </>
  );
}
