import type { ReactNode } from "react";
import type { Flag } from "~/domain/kyc/flags";
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
