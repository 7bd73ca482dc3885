import { useT } from "../i18n";

export function FlashMessage({ flash }: { flash: { kind: "success" | "error" | "info"; key: string } }) {
  const t = useT();
  return (
    <div className={`alert alert--${flash.kind}`} role={flash.kind === "error" ? "alert" : "status"}>
      {t(flash.key)}
    </div>
  );
}
