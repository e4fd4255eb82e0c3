import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { bellCount } from "./bell";
import { useBell } from "./useBell";
import "./notifications.css";

const messages = defineMessages({
  ja: { label: "お知らせ", unread: "お知らせ（未読 {count} 件）" },
  en: { label: "Notifications", unread: "Notifications ({count} unread)" },
});

/** The bell in the header: the unread count, live; a click opens the list. */
export function Bell() {
  const t = useT(messages);
  const { unread } = useBell();
  const count = bellCount(unread);
  return (
    <Link to="/notifications" className="bell" id="bell">
      <span aria-hidden="true" className="bell-icon">
        <svg viewBox="0 0 24 24" width="20" height="20" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
      </span>
      <span className="visually-hidden">{count ? t("unread", { count }) : t("label")}</span>
      {count ? (
        <span className="badge count bell-count" id="bell-count" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </Link>
  );
}
