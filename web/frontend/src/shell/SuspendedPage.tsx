import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { LanguageSelect } from "@proxima/frontend-core/LanguageSelect";
import type { Branding } from "../branding";

const messages = defineMessages({
  ja: {
    title: "{name} のポータルは現在ご利用いただけません",
    body: "このポータルはサービス運営者によって一時停止されています。登録済みのデータはそのまま保管されており、削除されていません。",
    staff:
      "{name} にお勤めの方は、社内のポータル管理者にお問い合わせください。管理者の方は、Proxima の運営窓口までご連絡ください。",
    freelancer:
      "フリーランスの方は、{name} のご担当者様に直接ご連絡ください。ご自身のプロフィールや他社との共有は、Proxima のトップページから引き続きご利用いただけます。",
    reload: "再読み込み",
    home: "Proxima のトップページへ",
  },
  en: {
    title: "The {name} portal is unavailable right now",
    body: "The platform operator has suspended this portal for the time being. Its data is kept as it was; nothing has been deleted.",
    staff:
      "If you work at {name}, please contact your portal administrator. Administrators, please contact Proxima's operator.",
    freelancer:
      "Freelancers, please contact your contact person at {name} directly. Your own profile and your sharing with other agencies stay available from Proxima's home page.",
    reload: "Reload",
    home: "Go to Proxima's home page",
  },
});

/**
 * What a suspended tenant's people see instead of its portal: in the tenant's own name and colours
 * (already applied to the page), in the chosen language, saying who can help.
 */
export function SuspendedPage({ branding }: { branding: Branding }) {
  const t = useT(messages);
  const name = branding.displayName;
  return (
    <main className="sign-in-unavailable suspended-page" id="tenant-suspended" role="alert">
      <header className="sign-in-unavailable-brand">
        {branding.logoUrl ? <img src={branding.logoUrl} alt="" className="brand-logo" /> : null}
        <span id="suspended-brand-name">{name}</span>
        <span className="suspended-language">
          <LanguageSelect />
        </span>
      </header>
      <h1>{t("title", { name })}</h1>
      <p>{t("body")}</p>
      <p>{t("staff", { name })}</p>
      <p>{t("freelancer", { name })}</p>
      <p className="suspended-actions">
        <button type="button" onClick={() => window.location.reload()}>
          {t("reload")}
        </button>{" "}
        <a href="/">{t("home")}</a>
      </p>
    </main>
  );
}
