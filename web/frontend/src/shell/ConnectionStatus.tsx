import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import type { LiveStatus } from "../live";

const messages = defineMessages({
  ja: {
    connecting: "接続中…",
    open: "リアルタイム更新中",
    reconnecting: "再接続中…",
    refused: "接続できません",
    suspended: "ご利用停止中",
  },
  en: {
    connecting: "Connecting…",
    open: "Live",
    reconnecting: "Reconnecting…",
    refused: "Cannot connect",
    suspended: "Suspended",
  },
});

/** The live connection's state, announced to screen readers when it changes. */
export function ConnectionStatus({ status }: { status: LiveStatus }) {
  const t = useT(messages);
  return (
    <span className={"connection " + status} role="status" id="connection" data-status={status}>
      {t(status)}
    </span>
  );
}
