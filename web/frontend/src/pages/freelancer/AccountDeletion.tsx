import { signOut } from "@proxima/frontend-core/auth";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { useState } from "react";
import { api } from "../../api";
import { problemText } from "../shared/problems";
import { NoticeLine, useAction } from "../shared/ui";

const messages = defineMessages({
  ja: {
    title: "アカウントを削除",
    explain:
      "アカウントを削除すると、元に戻すことはできません。必要なデータは先に「データをダウンロード」で保存してください。",
    erasedTitle: "削除されるもの",
    erased:
      "プロフィール、スキルシート（アップロードしたファイルと暗号鍵を含む）、稼働状況、公開先の同意、保存した検索、気になる求人、お知らせ、カレンダー、応募の自己PR、あなたが送ったメッセージの本文、ログイン情報。企業・エージェントの画面では「退会したユーザー」と表示されます。",
    keptTitle: "法律により保存されるもの",
    kept:
      "発行済みの請求書と締結済みの契約書は、電子帳簿保存法により7年間、金額・日付・署名済みの書面など必要最小限の項目だけが保存されます。監査ログには、あなたを特定できない記号で削除の記録だけが残ります。",
    start: "アカウントを削除する…",
    understand: "削除すると元に戻せないことを理解しました",
    confirm: "完全に削除する",
    cancel: "やめる",
    deleting: "削除しています…",
    done: "アカウントを削除しました。ログアウトします。",
  },
  en: {
    title: "Delete your account",
    explain:
      "Deleting your account cannot be undone. Save what you need with “Download my data” first.",
    erasedTitle: "What is erased",
    erased:
      "Your profile, skill sheets (the uploaded files and their encryption key too), availability, sharing consents, saved searches, favourites, notifications, calendar, your application notes, the text of messages you sent, and your sign-in. Companies and agencies see “Deleted user” instead of your name.",
    keptTitle: "What the law makes us keep",
    kept:
      "Issued invoices and signed contracts are kept for 7 years (Japan's Electronic Books Preservation Act) with the minimum fields: amounts, dates, the signed document. The audit log keeps only a record of the deletion, under a code that does not identify you.",
    start: "Delete my account…",
    understand: "I understand this cannot be undone",
    confirm: "Delete for good",
    cancel: "Cancel",
    deleting: "Deleting…",
    done: "Your account was deleted. Signing you out.",
  },
});

/** DELETE /v1/me: explained first, confirmed twice, then the freelancer is signed out. */
export function AccountDeletion() {
  const t = useT(messages);
  const language = useLang();
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const erase = () =>
    void action.run(
      async () => {
        await api("/v1/me?confirm=DELETE_MY_ACCOUNT", { method: "DELETE" });
        // The answer is on screen for a moment; the tokens in hand open nothing any more.
        window.setTimeout(signOut, 1500);
        return t("done");
      },
      (e) => problemText(e, language),
    );
  return (
    <section className="card" aria-labelledby="account-deletion-heading" style={{ marginTop: 16 }}>
      <h2 id="account-deletion-heading" style={{ marginTop: 0 }}>
        {t("title")}
      </h2>
      <p id="account-deletion-explain">{t("explain")}</p>
      <h3>{t("erasedTitle")}</h3>
      <p className="muted" id="account-deletion-erased">
        {t("erased")}
      </p>
      <h3>{t("keptTitle")}</h3>
      <p className="muted" id="account-deletion-kept">
        {t("kept")}
      </p>
      {confirming ? (
        <div role="group" aria-labelledby="account-deletion-heading">
          <label style={{ display: "block", margin: "8px 0" }}>
            <input
              type="checkbox"
              id="account-deletion-understood"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
            />{" "}
            {t("understand")}
          </label>
          <button
            type="button"
            className="button danger"
            id="account-deletion-confirm"
            disabled={!understood || action.busy}
            onClick={erase}
          >
            {action.busy ? t("deleting") : t("confirm")}
          </button>{" "}
          <button
            type="button"
            className="button subtle"
            disabled={action.busy}
            onClick={() => {
              setConfirming(false);
              setUnderstood(false);
            }}
          >
            {t("cancel")}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button subtle"
          id="account-deletion"
          aria-describedby="account-deletion-explain"
          onClick={() => setConfirming(true)}
        >
          {t("start")}
        </button>
      )}
      <NoticeLine notice={action.notice} id="account-deletion-notice" />
    </section>
  );
}
