import { useEffect, useState } from "react";
import { useT } from "../i18n";

/**
 * True once React runs in the browser. Controls that only work with JavaScript (file uploads sent by XHR)
 * stay disabled before that, so a tap on a slow phone is not silently lost.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Says plainly, without JavaScript, that this control needs it; the rest of the page works without. */
export function NeedsJavaScript() {
  const t = useT();
  return (
    <noscript>
      <p className="alert alert--info">{t("kycUi.upload.needsJavaScript")}</p>
    </noscript>
  );
}
