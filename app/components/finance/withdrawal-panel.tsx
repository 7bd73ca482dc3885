import { Link } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { formatRupiah } from "~/i18n/format";

/** The withdrawal slot of the seller's finance page: the available balance and the way to withdraw it. */
export function WithdrawalPanel({ available }: { available: number }) {
  const t = useT();
  return (
    <section className="card" aria-label={t("withdrawal.title")}>
      <p>
        {t("withdrawal.available")}: <strong>{formatRupiah(available)}</strong>
      </p>
      <Link to="/seller/keuangan/tarik">{t("withdrawal.financeLink")}</Link>
    </section>
  );
}
