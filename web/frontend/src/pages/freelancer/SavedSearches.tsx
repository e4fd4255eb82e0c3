import { useState, type FormEvent } from "react";
import { api } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import type { SavedSearchView } from "./searchTypes";

const messages = defineMessages({
  ja: {
    title: "保存した検索条件",
    intro: "保存した条件に合う新しい案件が公開されると、メールとお知らせでご連絡します（通知オンの条件のみ）。",
    empty: "保存した検索条件はありません。「案件を探す」で条件を指定して保存できます。",
    open: "この条件で探す",
    alerts: "新着を通知",
    rename: "名前を変更",
    delete: "削除",
    save: "保存",
    cancel: "キャンセル",
    lastAlert: "最新のお知らせ: {date} に {count} 件の新着",
    noAlertYet: "まだ新着はありません",
    alertsOff: "通知はオフです",
    deleted: "「{name}」を削除しました。",
    changed: "「{name}」を更新しました。",
    confirmDelete: "「{name}」を削除しますか？",
    back: "案件を探す",
    everyTenant: "すべての掲載企業",
  },
  en: {
    title: "Saved searches",
    intro: "When a new job matching a saved search is published, we tell you by mail and in the app (for searches with alerts on).",
    empty: "No saved searches. Set filters under Find jobs and save them.",
    open: "Search with these filters",
    alerts: "Alert me to new jobs",
    rename: "Rename",
    delete: "Delete",
    save: "Save",
    cancel: "Cancel",
    lastAlert: "Last alert: {count} new on {date}",
    noAlertYet: "No new jobs yet",
    alertsOff: "Alerts are off",
    deleted: "Deleted “{name}”.",
    changed: "Updated “{name}”.",
    confirmDelete: "Delete “{name}”?",
    back: "Find jobs",
    everyTenant: "Every agency",
  },
});

/** `/saved-searches`: the freelancer's saved searches, their alerts, renaming and deleting. */
export function SavedSearches() {
  const t = useT(messages);
  const language = useLang();
  const action = useAction();
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const { loaded, reload } = useLoad((signal) => api<SavedSearchView[]>("/v1/me/saved-searches", { signal }), []);

  const change = (saved: SavedSearchView, body: { name?: string; alerts?: boolean }) =>
    void action.run(
      async () => {
        const changed = await api<SavedSearchView>(`/v1/me/saved-searches/${encodeURIComponent(saved.id)}`, {
          method: "PUT",
          body: { ...body, expectedVersion: saved.version },
        });
        setEditing(null);
        reload();
        return t("changed", { name: changed.name });
      },
      (e) => problemText(e, language),
    );

  const remove = (saved: SavedSearchView) => {
    if (!window.confirm(t("confirmDelete", { name: saved.name }))) return;
    void action.run(
      async () => {
        await api<void>(`/v1/me/saved-searches/${encodeURIComponent(saved.id)}`, { method: "DELETE" });
        reload();
        return t("deleted", { name: saved.name });
      },
      (e) => problemText(e, language),
    );
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <p>
        <Link to="/jobs">← {t("back")}</Link>
      </p>
      <NoticeLine notice={action.notice} id="saved-searches-notice" />
      <LoadState loaded={loaded} reload={reload}>
        {(list) =>
          list.length === 0 ? (
            <p id="saved-searches-empty">{t("empty")}</p>
          ) : (
            <ul className="plain" id="saved-searches">
              {list.map((saved) => (
                <li key={saved.id} className="card" data-testid={"saved-search-" + saved.id} data-saved-search-name={saved.name}>
                  {editing?.id === saved.id ? (
                    <form
                      className="toolbar"
                      onSubmit={(e: FormEvent) => {
                        e.preventDefault();
                        change(saved, { name: editing.name });
                      }}
                    >
                      <label className="field">
                        {t("rename")}
                        <input value={editing.name} maxLength={100} onChange={(e) => setEditing({ id: saved.id, name: e.target.value })} />
                      </label>
                      <button type="submit" className="button" disabled={action.busy}>
                        {t("save")}
                      </button>
                      <button type="button" className="button subtle" onClick={() => setEditing(null)}>
                        {t("cancel")}
                      </button>
                    </form>
                  ) : (
                    <h3 style={{ margin: 0 }}>{saved.name}</h3>
                  )}
                  <p className="muted" style={{ margin: "4px 0" }} data-alert-status>
                    {!saved.alerts
                      ? t("alertsOff")
                      : saved.lastAlertedAt && saved.lastAlertJobs
                        ? t("lastAlert", { date: formatDate(language, saved.lastAlertedAt), count: saved.lastAlertJobs })
                        : t("noAlertYet")}
                  </p>
                  <div className="toolbar" style={{ marginBottom: 0 }}>
                    <Link to={"/jobs" + (saved.query ? "?" + saved.query : "")} className="button" data-testid={"open-" + saved.id}>
                      {t("open")}
                    </Link>
                    <label style={{ display: "flex", gap: 6, alignItems: "center" }}>
                      <input type="checkbox" checked={saved.alerts} disabled={action.busy} onChange={() => change(saved, { alerts: !saved.alerts })} data-alerts={saved.id} />
                      {t("alerts")}
                    </label>
                    <button type="button" className="button subtle" onClick={() => setEditing({ id: saved.id, name: saved.name })}>
                      {t("rename")}
                    </button>
                    <button type="button" className="button subtle" onClick={() => remove(saved)} data-delete={saved.id}>
                      {t("delete")}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}
