import { useState, type FormEvent } from "react";
import { api } from "../../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";

type SharingPurposeView = { purpose: string; own: boolean; defaultPurpose: string; sharedItems: string[] };

const messages = defineMessages({
  ja: {
    title: "個人情報の利用目的",
    text: "フリーランスがプロフィールを公開する前に表示され、同意の記録に残ります。変更しても、すでに公開しているフリーランスの同意内容は書き換えられず、その人には利用目的が変更されたことが表示されます。",
    purpose: "利用目的（500文字まで）",
    defaultNote: "未設定のときは標準の利用目的「{purpose}」が表示されます。",
    save: "保存",
    reset: "標準に戻す",
    saved: "利用目的を保存しました。",
    adminsOnly: "変更できるのは管理者だけです。",
  },
  en: {
    title: "Purpose of use of personal data",
    text: "Freelancers see it before they share their profile, and their consent records it. A change never rewrites the consents already given; those freelancers are told that the purpose changed.",
    purpose: "Purpose of use (up to 500 characters)",
    defaultNote: "Without one, the standard purpose “{purpose}” is shown.",
    save: "Save",
    reset: "Back to the standard",
    saved: "Purpose of use saved.",
    adminsOnly: "Only administrators can change it.",
  },
});

/** The tenant's purpose of use (利用目的), on the settings page; administrators change it. */
export function SharingPurposeSettings(props: { admin: boolean }) {
  const t = useT(messages);
  const language = useLang();
  const action = useAction();
  const [draft, setDraft] = useState<string | null>(null);
  const { loaded, reload, set } = useLoad((signal) => api<SharingPurposeView>("/v1/sharing-purpose", { signal }), []);

  const save = (purpose: string | null) =>
    void action.run(
      async () => {
        set(await api<SharingPurposeView>("/v1/sharing-purpose", { method: "PUT", body: { purpose } }));
        setDraft(null);
        return t("saved");
      },
      (e) => problemText(e, language),
    );

  return (
    <li className="card" id="sharing-purpose-settings">
      <h2>{t("title")}</h2>
      <p>{t("text")}</p>
      <LoadState loaded={loaded} reload={reload}>
        {(view) => (
          <form
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              save(draft ?? view.purpose);
            }}
          >
            <label className="field">
              {t("purpose")}
              <textarea
                id="sharing-purpose"
                rows={3}
                maxLength={500}
                readOnly={!props.admin}
                value={draft ?? view.purpose}
                onChange={(e) => setDraft(e.target.value)}
              />
            </label>
            <p className="muted">{t("defaultNote", { purpose: view.defaultPurpose })}</p>
            {props.admin ? (
              <div className="toolbar">
                <button type="submit" className="button accent" disabled={action.busy} id="sharing-purpose-save">
                  {t("save")}
                </button>
                {view.own ? (
                  <button type="button" className="button" disabled={action.busy} onClick={() => save(null)}>
                    {t("reset")}
                  </button>
                ) : null}
              </div>
            ) : (
              <p className="muted">{t("adminsOnly")}</p>
            )}
          </form>
        )}
      </LoadState>
      <NoticeLine notice={action.notice} id="sharing-purpose-notice" />
    </li>
  );
}
