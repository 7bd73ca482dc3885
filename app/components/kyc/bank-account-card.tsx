import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "../i18n";

export interface BankAccountView {
  bankName: string;
  /** Masked ("****1234") for the seller; in full on the admin's review. */
  account: string;
  holderName: string;
}

/** One payout account as bank, number and holder: the seller's current and new account, the admin's old and new. */
export function BankAccountCard({ title, account, badge, children, headingLevel = 2 }: { title: string; account: BankAccountView | null; badge?: ReactNode; children?: ReactNode; headingLevel?: 2 | 3 }) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="card" aria-label={title}>
      <Heading>
        {title} {badge}
      </Heading>
      {account ? (
        <dl>
          <div className="dl-row">
            <dt>{t("bankChange.bank")}</dt>
            <dd>{account.bankName}</dd>
          </div>
          <div className="dl-row">
            <dt>{t("bankChange.account")}</dt>
            <dd>{account.account}</dd>
          </div>
          <div className="dl-row">
            <dt>{t("bankChange.holder")}</dt>
            <dd>{account.holderName}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t("bankChange.none")}</p>
      )}
      {children}
    </section>
  );
}

/** Why withdrawals are on hold, with the way to the change: on the finance and the withdrawal pages. */
export function BankChangeHoldBanner() {
  const t = useT();
  return (
    <div className="alert alert--warn" role="status">
      {t("bankChange.holdBanner")} <Link to="/seller/keuangan/rekening">{t("bankChange.holdLink")}</Link>
    </div>
  );
}
