import { useRevalidator } from "@remix-run/react";
import type { DocumentKind } from "~/domain/kyc/verification";
import { useT } from "../i18n";
import { DocumentUpload } from "./document-upload";
import { useOnboarding } from "./step-helpers";

/** The document uploads of one wizard step; each file is saved the moment it is uploaded. */
export function StepDocuments({ kinds }: { kinds: { kind: DocumentKind; label: string; hint?: string }[] }) {
  const t = useT();
  const { onboarding, maxBytes } = useOnboarding();
  const revalidator = useRevalidator();
  if (!onboarding) return null;
  return (
    <div className="stack">
      {kinds.map(({ kind, label, hint }) => {
        const current = onboarding.documents[kind];
        const canReplace = onboarding.replaceable.includes(kind);
        const requested = onboarding.requested.filter((r) => r.document === kind);
        return (
          <div key={kind}>
            {requested.map((r, i) => (
              <div key={i} className="alert alert--warn" role="status">
                {t(`reason.${r.code}`)}
                {r.note ? `: ${r.note}` : ""}
              </div>
            ))}
            <DocumentUpload
              kind={kind}
              label={label}
              hint={hint}
              uploadUrl="/seller/documents"
              current={current && !current.deleted ? { id: current.id, url: current.url, contentType: current.contentType, version: current.version } : null}
              disabled={!canReplace}
              maxBytes={maxBytes}
              onUploaded={() => revalidator.revalidate()}
            />
          </div>
        );
      })}
    </div>
  );
}
