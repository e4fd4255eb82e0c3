import { useEffect, useRef } from "react";
import { signOut, type Identity } from "@proxima/frontend-core/auth";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { LanguageSelect } from "@proxima/frontend-core/LanguageSelect";
import { Link, match, usePath } from "@proxima/frontend-core/router";
import { NAV_LABELS, ROUTES } from "../routes";

const messages = defineMessages({
  ja: {
    skip: "本文へスキップ",
    title: "Proxima テナントコンソール",
    navigation: "メイン ナビゲーション",
    signOut: "ログアウト",
    signedInAs: "{name} としてログイン中",
    notFound: "このページは見つかりません。",
    notAdminTitle: "プラットフォーム管理者ではありません",
    notAdmin:
      "{name} さんには platform-admin ロールがないため、テナントコンソールは使えません。別のアカウントでログインするか、管理者に権限を依頼してください。",
  },
  en: {
    skip: "Skip to content",
    title: "Proxima tenant console",
    navigation: "Main navigation",
    signOut: "Sign out",
    signedInAs: "Signed in as {name}",
    notFound: "There is no such page.",
    notAdminTitle: "Not a platform admin",
    notAdmin:
      "{name} does not have the platform-admin role, so the tenant console is not available. Sign in with another account, or ask an administrator for the role.",
  },
});


function resolve(path: string) {
  for (const route of ROUTES) {
    const params = match(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

export function App({ identity }: { identity: Identity }) {
  const t = useT(messages);
  const language = useLang();
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const found = resolve(path);
  // The API refuses everyone else anyway; saying so up front beats a page of failed calls.
  const admin = identity.roles.includes("platform-admin");

  // Moving focus to the new page tells screen readers the page changed.
  useEffect(() => main.current?.focus(), [path]);
  useEffect(() => {
    document.title = t("title");
  }, [language]);

  return (
    <>
      <a className="skip" href="#main">
        {t("skip")}
      </a>
      <header className="topbar">
        <div className="brand" id="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span>{t("title")}</span>
        </div>
        {admin ? (
          <nav aria-label={t("navigation")} className="nav">
            {ROUTES.filter((route) => route.label).map((route) => (
              <Link
                key={route.path}
                to={route.path}
                className="nav-link"
                id={`nav-${route.label}`}
                aria-current={found?.route.section === route.label ? "page" : undefined}
              >
                {NAV_LABELS[language][route.label!]}
              </Link>
            ))}
          </nav>
        ) : (
          <span className="nav" />
        )}
        <div className="account">
          <LanguageSelect />
          <span className="who" title={identity.email} id="signed-in-as">
            {t("signedInAs", { name: identity.name || identity.email })}
          </span>
          <button type="button" className="button subtle" onClick={signOut} id="sign-out">
            {t("signOut")}
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="page">
        {!admin ? (
          <section className="card" role="alert" data-testid="not-platform-admin">
            <h1>{t("notAdminTitle")}</h1>
            <p>{t("notAdmin", { name: identity.name || identity.email })}</p>
          </section>
        ) : found ? (
          <found.route.page params={found.params} />
        ) : (
          <p>{t("notFound")}</p>
        )}
      </main>
    </>
  );
}
