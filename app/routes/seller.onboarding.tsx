import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { requireUser } from "~/infra/auth.server";
import { loadOnboarding } from "~/services/onboarding.server";
import { UPLOAD_LIMITS } from "~/services/onboarding.server";

export const meta = titleMeta("onboarding.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { onboarding: await loadOnboarding(user.id), maxBytes: UPLOAD_LIMITS.maxBytes, ownerName: user.name };
}

export type OnboardingLayoutData = ReturnType<typeof useLoaderData<typeof loader>>;

const STEPS = [
  { path: "shop", key: "onboarding.step.shop", done: "shop" },
  { path: "identity", key: "onboarding.step.identity", done: "identity" },
  { path: "tax", key: "onboarding.step.tax", done: "tax" },
  { path: "bank", key: "onboarding.step.bank", done: "bank" },
  { path: "review", key: "onboarding.step.review", done: null },
] as const;

export default function OnboardingLayout() {
  const t = useT();
  const { onboarding } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("onboarding.title")}</h1>
      {onboarding ? (
        <p>
          {t("onboarding.status")}: <span className={`badge badge--${onboarding.shop.status}`}>{t(`status.${onboarding.shop.status}`)}</span>
        </p>
      ) : (
        <p className="muted">{t("onboarding.lead")}</p>
      )}
      <nav aria-label={t("onboarding.title")} className="wizard-steps">
        <ol>
          {STEPS.map((s, i) => {
            const done = s.done && onboarding ? onboarding.complete[s.done] : false;
            return (
              <li key={s.path}>
                <NavLink to={s.path} aria-label={`${i + 1}. ${t(s.key)}${s.done ? ` (${done ? t("onboarding.done") : t("onboarding.todo")})` : ""}`}>
                  <span aria-hidden="true">{done ? "✓" : i + 1}</span> {t(s.key)}
                </NavLink>
              </li>
            );
          })}
        </ol>
      </nav>
      <Outlet />
    </>
  );
}
