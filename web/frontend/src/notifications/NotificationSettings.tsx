import { useEffect, useState } from "react";
import { api } from "../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { problemText } from "../pages/shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../pages/shared/ui";
import { changesBetween } from "./settings";
import type { KindChoice, NotificationSettingsView } from "./notificationTypes";
import "./notifications.css";

const messages = defineMessages({
  ja: {
    title: "通知設定",
    intro: "お知らせの種類ごとに、ポータル内の通知とメール通知を選べます。メールの配信停止リンクからも停止できます。",
    kind: "種類",
    inApp: "ポータル内",
    mail: "メール",
    language: "メールの言語",
    ja: "日本語",
    en: "英語",
    save: "保存する",
    saved: "通知設定を保存しました。",
    back: "お知らせに戻る",
    onFor: "{kind}（{channel}）",
  },
  en: {
    title: "Notification settings",
    intro: "Choose per kind whether it shows in the portal and whether it is mailed. The unsubscribe link in a mail turns its kind off too.",
    kind: "Kind",
    inApp: "In the portal",
    mail: "Mail",
    language: "Mail language",
    ja: "Japanese",
    en: "English",
    save: "Save",
    saved: "Notification settings saved.",
    back: "Back to notifications",
    onFor: "{kind} ({channel})",
  },
});

/** `/settings/notifications`: channels per kind, and the language of the mail. */
export function NotificationSettings() {
  const t = useT(messages);
  const language = useLang();
  const { loaded, reload, set } = useLoad(
    (signal) => api<NotificationSettingsView>("/v1/me/notification-settings", { signal }),
    [],
  );
  const [draft, setDraft] = useState<NotificationSettingsView | null>(null);
  const { busy, notice, run } = useAction();
  useEffect(() => {
    if (loaded.state === "ready") setDraft(loaded.data);
  }, [loaded]);

  const toggle = (kind: KindChoice["kind"], channel: "inApp" | "mail", on: boolean) =>
    setDraft((before) =>
      before
        ? { ...before, kinds: before.kinds.map((k) => (k.kind === kind ? { ...k, [channel]: on } : k)) }
        : before,
    );

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <LoadState loaded={loaded} reload={reload} id="notification-settings-state">
        {(saved) =>
          draft ? (
            <form
              id="notification-settings"
              onSubmit={(event) => {
                event.preventDefault();
                void run(
                  async () => {
                    const next = await api<NotificationSettingsView>("/v1/me/notification-settings", {
                      method: "PUT",
                      body: {
                        language: draft.language !== saved.language ? draft.language : undefined,
                        kinds: changesBetween(saved.kinds, draft.kinds),
                      },
                    });
                    set(next);
                    return t("saved");
                  },
                  (e) => problemText(e, language),
                );
              }}
            >
              <table className="settings-table">
                <thead>
                  <tr>
                    <th scope="col">{t("kind")}</th>
                    <th scope="col" className="channel">
                      {t("inApp")}
                    </th>
                    <th scope="col" className="channel">
                      {t("mail")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {draft.kinds.map((choice) => {
                    const name = language === "en" ? choice.nameEn : choice.nameJa;
                    return (
                      <tr key={choice.kind}>
                        <th scope="row">{name}</th>
                        <td className="channel">
                          <input
                            type="checkbox"
                            id={`in-app-${choice.kind}`}
                            aria-label={t("onFor", { kind: name, channel: t("inApp") })}
                            checked={choice.inApp}
                            onChange={(e) => toggle(choice.kind, "inApp", e.target.checked)}
                          />
                        </td>
                        <td className="channel">
                          <input
                            type="checkbox"
                            id={`mail-${choice.kind}`}
                            aria-label={t("onFor", { kind: name, channel: t("mail") })}
                            checked={choice.mail}
                            onChange={(e) => toggle(choice.kind, "mail", e.target.checked)}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p>
                <label htmlFor="mail-language">{t("language")} </label>
                <select
                  id="mail-language"
                  value={draft.language}
                  onChange={(e) => setDraft({ ...draft, language: e.target.value as "ja" | "en" })}
                >
                  <option value="ja">{t("ja")}</option>
                  <option value="en">{t("en")}</option>
                </select>
              </p>
              <p className="notification-tools">
                <button type="submit" className="button" id="save-notification-settings" disabled={busy}>
                  {t("save")}
                </button>
                <Link to="/notifications" className="button subtle">
                  {t("back")}
                </Link>
              </p>
              <NoticeLine notice={notice} id="notification-settings-notice" />
            </form>
          ) : null
        }
      </LoadState>
    </>
  );
}
