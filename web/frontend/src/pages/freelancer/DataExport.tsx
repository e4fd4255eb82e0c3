import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { problemText } from "../shared/problems";
import { download, NoticeLine, useAction } from "../shared/ui";
import { exportFileName } from "./dataExport";

const messages = defineMessages({
  ja: {
    title: "登録データのダウンロード",
    explain:
      "プロフィール、スキルシート（アップロードした元のファイルを含む）、公開先、メッセージ、応募、スカウト、契約、お知らせなど、Proxima が保存しているあなたのデータを1つの ZIP ファイルにまとめてダウンロードできます。",
    download: "データをダウンロード",
    preparing: "作成しています…",
    done: "ダウンロードしました。閲覧履歴にも記録されます。",
  },
  en: {
    title: "Download your data",
    explain:
      "One ZIP file with everything Proxima holds about you: your profile, skill sheets (with the files you uploaded), who you share with, messages, applications, scouts, contracts, notifications and more.",
    download: "Download my data",
    preparing: "Preparing…",
    done: "Downloaded. It is also recorded in your access history.",
  },
});

/** The freelancer's export of all their data (GET /v1/me/export), saved as one archive. */
export function DataExport() {
  const t = useT(messages);
  const language = useLang();
  const action = useAction();
  const save = () =>
    void action.run(
      async () => {
        await download("/v1/me/export", exportFileName(new Date()));
        return t("done");
      },
      (e) => problemText(e, language),
    );
  return (
    <section className="card" aria-labelledby="data-export-heading" style={{ marginTop: 16 }}>
      <h2 id="data-export-heading" style={{ marginTop: 0 }}>
        {t("title")}
      </h2>
      <p className="muted" id="data-export-explain">
        {t("explain")}
      </p>
      <button
        type="button"
        className="button"
        id="data-export"
        aria-describedby="data-export-explain"
        disabled={action.busy}
        onClick={save}
      >
        {action.busy ? t("preparing") : t("download")}
      </button>
      <NoticeLine notice={action.notice} id="data-export-notice" />
    </section>
  );
}
