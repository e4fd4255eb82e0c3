import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { useSession } from "../../session";
import { isAdministrator } from "./members";
import { SharingPurposeSettings } from "./SharingPurposeSettings";

const messages = defineMessages({
  ja: {
    title: "設定",
    members: "メンバー",
    membersText: "スタッフの招待、役割の変更、招待メールの再送、メンバーの削除。",
    talent: "人材プールへの招待",
    talentText: "フリーランスをメールで招待し、承諾・辞退・期限切れの状況を確認します。",
    invoicing: "請求書の発行者",
    invoicingText: "適格請求書発行事業者の登録番号、社名・住所、振込先口座。",
    apiKeys: "APIキー",
    apiKeysText: "自社システムから API を呼び出すためのキーの発行・再発行・無効化。",
    webhooks: "Webhook",
    webhooksText: "選考・契約・請求などのイベントを自社システムへ通知する送信先と配信ログ。",
    branding: "ブランド・プラン",
    brandingText: "ポータルの名前・色・ロゴとプランは、Proxima の運営（テナントコンソール）が変更します。現在のプラン: {plan}",
    adminsOnly: "変更できるのは管理者だけです。",
  },
  en: {
    title: "Settings",
    members: "Members",
    membersText: "Invite staff, change roles, resend invitation mail, remove members.",
    talent: "Talent pool invitations",
    talentText: "Invite freelancers by mail and follow who accepted, declined or let the link expire.",
    invoicing: "Invoice issuer",
    invoicingText: "Qualified invoice registration number, company name and address, bank account for transfers.",
    apiKeys: "API keys",
    apiKeysText: "Create, rotate and revoke keys for your own systems to call the API.",
    webhooks: "Webhooks",
    webhooksText: "Where events about applications, contracts and invoices are posted, and the delivery log.",
    branding: "Branding and plan",
    brandingText: "The portal's name, colours, logo and plan are changed by Proxima's operators (tenant console). Current plan: {plan}",
    adminsOnly: "Only administrators can change these.",
  },
});

/** `/settings`: the tenant's own settings, each on its page. */
export function Settings() {
  const t = useT(messages);
  const session = useSession();
  const admin = isAdministrator(session.tenant?.yourRole);
  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">{t("title")}</h1>
      {!admin ? <p className="muted">{t("adminsOnly")}</p> : null}
      <ul className="cards" id="settings-sections">
        <li className="card">
          <h2>
            <Link to="/members">{t("members")}</Link>
          </h2>
          <p>{t("membersText")}</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/talent-invitations">{t("talent")}</Link>
          </h2>
          <p>{t("talentText")}</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/settings/invoicing">{t("invoicing")}</Link>
          </h2>
          <p>{t("invoicingText")}</p>
        </li>
        {admin ? (
          <li className="card">
            <h2>
              <Link to="/settings/api-keys">{t("apiKeys")}</Link>
            </h2>
            <p>{t("apiKeysText")}</p>
          </li>
        ) : null}
        {admin ? (
          <li className="card">
            <h2>
              <Link to="/settings/webhooks">{t("webhooks")}</Link>
            </h2>
            <p>{t("webhooksText")}</p>
          </li>
        ) : null}
        <SharingPurposeSettings admin={admin} />
        <li className="card">
          <h2>{t("branding")}</h2>
          <p>{t("brandingText", { plan: session.tenant?.plan ?? "—" })}</p>
        </li>
      </ul>
    </section>
  );
}
