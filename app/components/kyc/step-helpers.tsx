import { Link, useRouteLoaderData } from "@remix-run/react";
import type { OnboardingLayoutData } from "~/routes/seller.onboarding";
import { useT } from "../i18n";

export function useOnboarding() {
  return useRouteLoaderData("routes/seller.onboarding") as OnboardingLayoutData;
}

/** Shown on a step the seller cannot change now (under review, or not named in a change request). */
export function LockedNotice({ reason }: { reason: "onboarding.locked" | "onboarding.notRequested" | "onboarding.noShop" }) {
  const t = useT();
  return (
    <div className="alert alert--info" role="status">
      {t(reason)}
    </div>
  );
}

/** "Simpan & lanjut" (or another `label` key), or "Mengirim…" while the post is on its way. */
export function StepFooter({ submitting, label = "onboarding.saveNext" }: { submitting: boolean; label?: string }) {
  const t = useT();
  return (
    <button type="submit" disabled={submitting}>
      {submitting ? t("form.sending") : t(label)}
    </button>
  );
}

export function BackLink({ to }: { to: string }) {
  const t = useT();
  return (
    <p>
      <Link to={to}>← {t("onboarding.back")}</Link>
    </p>
  );
}

/** Who may change this step now: a notice when the seller cannot. */
export function StepLock({ editable, shopEditable }: { editable: boolean; shopEditable: boolean }) {
  if (editable) return null;
  return <LockedNotice reason={shopEditable ? "onboarding.notRequested" : "onboarding.locked"} />;
}
