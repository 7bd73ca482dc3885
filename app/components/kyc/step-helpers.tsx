import { useRouteLoaderData } from "@remix-run/react";
import type { OnboardingLayoutData } from "~/routes/seller.onboarding";
import { useT } from "../i18n";

export function useOnboarding() {
  return useRouteLoaderData("routes/seller.onboarding") as OnboardingLayoutData;
}

/** Shown on a step the seller cannot change now (under review, or not named in a change request). */
export function LockedNotice({ reason }: { reason: "onboarding.locked" | "onboarding.notRequested" }) {
  const t = useT();
  return (
    <div className="alert alert--info" role="status">
      {t(reason)}
    </div>
  );
}
