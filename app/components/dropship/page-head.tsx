import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/components/i18n";

/** Top of a dropship sub-page: the way back to the dashboard, the title, and the action's error or success line. */
export function DropshipPageHead({ title, error, success }: { title: string; error?: string | null; success?: string | null }) {
  const t = useT();
  // These pages' forms sit at the bottom of long lists; the answer to a post is up here. Bring it into view (and
  // focus, for screen readers) so a phone user who taps "Simpan" sees what happened.
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error && !success) return;
    message.current?.scrollIntoView({ block: "center" });
    message.current?.focus({ preventScroll: true });
  }, [error, success]);
  return (
    <>
      <p>
        <Link to="/seller/dropship">{t("dropship.title")}</Link>
      </p>
      <h1>{title}</h1>
      {error ? (
        <div className="alert alert--error" role="alert" ref={message} tabIndex={-1}>
          {t(error)}
        </div>
      ) : null}
      {success ? (
        <div className="alert" role="status" ref={message} tabIndex={-1}>
          {success}
        </div>
      ) : null}
    </>
  );
}
