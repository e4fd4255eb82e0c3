import { useEffect, useState } from "react";
import { api } from "../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link, navigate } from "@proxima/frontend-core/router";
import { useSession } from "../session";
import { problemText } from "../pages/shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../pages/shared/ui";
import { linkTarget, notificationsPath, pageCount, titleOf } from "./bell";
import type { NotificationItem, NotificationPage } from "./notificationTypes";
import { useBell } from "./useBell";
import "./notifications.css";

const PAGE_SIZE = 20;

const messages = defineMessages({
  ja: {
    title: "お知らせ",
    intro: "スカウトやメッセージ、契約・請求に関するお知らせです。新しいものが上に表示されます。",
    empty: "お知らせはまだありません。",
    readAll: "すべて既読にする",
    allRead: "すべて既読にしました。",
    settings: "通知設定",
    unread: "未読 {count} 件",
    from: "{name}",
    newer: "新しいお知らせ",
    older: "以前のお知らせ",
    pageOf: "{page} / {pages} ページ",
    isUnread: "未読",
  },
  en: {
    title: "Notifications",
    intro: "Scouts, messages, contracts and invoices. The newest are on top.",
    empty: "No notifications yet.",
    readAll: "Mark all read",
    allRead: "All marked read.",
    settings: "Notification settings",
    unread: "{count} unread",
    from: "{name}",
    newer: "Newer",
    older: "Older",
    pageOf: "Page {page} of {pages}",
    isUnread: "Unread",
  },
});

/** `/notifications`: the person's notifications, newest first, paged; live as they arrive. */
export function NotificationsPage() {
  const t = useT(messages);
  const language = useLang();
  const session = useSession();
  const { store, revision } = useBell();
  const [page, setPage] = useState(0);
  const path = notificationsPath(session.mode);
  const { loaded, reload } = useLoad(
    (signal) => api<NotificationPage>(`${path}?page=${page}&size=${PAGE_SIZE}`, { signal }),
    [page, revision],
  );
  const { busy, notice, run } = useAction();
  useEffect(() => {
    void store.refresh();
  }, [loaded.state, store]);

  const open = async (item: NotificationItem) => {
    if (!item.readAt) {
      try {
        await api(`${path}/${item.id}/read`, { method: "POST" });
        // The list unmounts on the way: the bell is told here, not by its reload.
        await store.refresh();
      } catch {
        // following the link matters more than the mark
      }
    }
    const target = linkTarget(item.link);
    if (target.inside) {
      navigate(target.to);
    } else {
      window.location.assign(target.to);
    }
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <div className="notification-tools">
        <button
          type="button"
          className="button subtle"
          id="read-all"
          disabled={busy}
          onClick={() =>
            void run(
              async () => {
                await api(`${path}/read-all`, { method: "POST" });
                reload();
                await store.refresh();
                return t("allRead");
              },
              (e) => problemText(e, language),
            )
          }
        >
          {t("readAll")}
        </button>
        <Link to="/settings/notifications" className="button subtle" id="notification-settings-link">
          {t("settings")}
        </Link>
        <NoticeLine notice={notice} />
      </div>
      <LoadState loaded={loaded} reload={reload} id="notifications-state">
        {(data) => (
          <>
            <p className="muted" id="notifications-unread">
              {t("unread", { count: data.unread })}
            </p>
            {data.items.length === 0 ? (
              <p id="notifications-empty">{t("empty")}</p>
            ) : (
              <ul className="notification-list" id="notifications">
                {data.items.map((item) => (
                  <li
                    key={item.id}
                    className={"notification" + (item.readAt ? "" : " unread")}
                    data-testid={"notification-" + item.kind}
                  >
                    <span className="what">
                      {item.readAt ? null : <span className="visually-hidden">{t("isUnread")}</span>}
                      <button type="button" onClick={() => void open(item)}>
                        {titleOf(item, language)}
                      </button>
                    </span>
                    <span className="meta">{item.tenantName}</span>
                    <span className="meta">{formatDate(language, item.updatedAt)}</span>
                  </li>
                ))}
              </ul>
            )}
            <div className="pager">
              <button
                type="button"
                className="button subtle"
                disabled={page === 0}
                onClick={() => setPage((p) => Math.max(0, p - 1))}
              >
                {t("newer")}
              </button>
              <span className="muted">
                {t("pageOf", { page: page + 1, pages: pageCount(data.total, PAGE_SIZE) })}
              </span>
              <button
                type="button"
                className="button subtle"
                disabled={page + 1 >= pageCount(data.total, PAGE_SIZE)}
                onClick={() => setPage((p) => p + 1)}
              >
                {t("older")}
              </button>
            </div>
          </>
        )}
      </LoadState>
    </>
  );
}
