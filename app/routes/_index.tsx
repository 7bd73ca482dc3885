import { Link, useRouteLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import type { loader as rootLoader } from "~/root";

export const meta = titleMeta("home.title");

export default function Home() {
  const t = useT();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return (
    <>
      <h1>{t("home.title")}</h1>
      {root?.user ? <p>{t("home.hello", { name: root.user.name })}</p> : null}
      <p>{t("home.lead")}</p>
      <ol className="steps">
        <li>{t("home.step1")}</li>
        <li>{t("home.step2")}</li>
        <li>{t("home.step3")}</li>
        <li>{t("home.step4")}</li>
      </ol>
      <div className="row">
        <Link className="button" to={root?.user ? "/seller/onboarding" : "/signup?redirectTo=/seller/onboarding"}>
          {t("home.ctaSeller")}
        </Link>
        {root?.user ? null : (
          <Link className="button-secondary" to="/signup">
            {t("home.ctaBuyer")}
          </Link>
        )}
      </div>
    </>
  );
}
