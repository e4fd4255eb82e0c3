import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";

const messages = defineMessages({
  ja: { create: "契約を作成" },
  en: { create: "Create contract" },
});

/** Stages of an application at which the sides have agreed enough to contract. */
export const CONTRACTABLE_STAGES: readonly string[] = ["OFFER", "TRIAL", "CONTRACTED"];

/**
 * The way from an accepted application or scout to a contract drafted from it. `jobId` may be
 * absent for a scout that named no job.
 */
export function CreateContractLink(props: { freelancerId: string; jobId?: string | null; applicationId?: string; testId: string }) {
  const t = useT(messages);
  const path =
    "/contracts/new/" +
    encodeURIComponent(props.freelancerId) +
    "/" +
    encodeURIComponent(props.jobId ?? "-") +
    (props.applicationId ? "/" + encodeURIComponent(props.applicationId) : "");
  return (
    <Link to={path} data-testid={props.testId} className="button subtle">
      {t("create")}
    </Link>
  );
}
