import { type MouseEvent, type ReactNode, useRef } from "react";
import type { Flag } from "~/domain/kyc/flags";
import { CheckboxField } from "../forms/fields";
import { useT } from "../i18n";

/** The automatic flags of a review page (the shop's verification, a payout account change): reasons to look closer. */
export function ReviewFlags({ flags, children }: { flags: Flag[]; children?: ReactNode }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="flags-title">
      <h2 id="flags-title">{t("review.flags")}</h2>
      {children}
      {flags.length ? (
        <ul className="flags">
          {flags.map((f, i) => (
            <li key={i} className="flag">
              ⚠ {t(`flag.${f.code}`)}
              {f.detail ? ` — ${f.detail}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("review.noFlags")}</p>
      )}
    </section>
  );
}

/**
 * Approving over open flags takes a second, explicit look: with JavaScript a dialog naming the flags ticks the box,
 * without it the server refuses until the box is ticked (review.confirmFlagsRequired).
 */
export function useFlagConfirmation(flags: Flag[]) {
  const t = useT();
  const ref = useRef<HTMLInputElement>(null);
  const names = flags.map((f) => `${t(`flag.${f.code}`)}${f.detail ? ` (${f.detail})` : ""}`).join("; ");
  const onApprove = (event: MouseEvent<HTMLButtonElement>) => {
    const box = ref.current;
    if (!box || box.checked) return;
    if (window.confirm(t("review.confirmFlagsDialog", { flags: names }))) box.checked = true;
    else event.preventDefault();
  };
  return { ref, names, onApprove: flags.length ? onApprove : undefined };
}

/** The "I have looked at these flags" box of an approval, with the server's refusal under it. */
export function ConfirmFlagsField({ confirmation, error }: { confirmation: ReturnType<typeof useFlagConfirmation>; error?: string }) {
  const t = useT();
  return (
    <CheckboxField
      ref={confirmation.ref}
      id="f-confirmFlags"
      name="confirmFlags"
      value="1"
      label={t("review.confirmFlags", { flags: confirmation.names })}
      error={error}
      errorVars={{ flags: confirmation.names }}
    />
  );
}
