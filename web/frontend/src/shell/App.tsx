import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { signOut } from "@proxima/frontend-core/auth";
import { ChatStore } from "../chat/ChatStore";
import { ChatContext } from "../chat/useChat";
import { Bell } from "../notifications/Bell";
import { BellStore } from "../notifications/BellStore";
import { BellContext } from "../notifications/useBell";
import { colour, PLATFORM_BRANDING } from "../branding";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { LanguageSelect } from "@proxima/frontend-core/LanguageSelect";
import { FREELANCER_ROUTES, NAV_LABELS, STAFF_ROUTES, type Route } from "../routes";
import { Link, match, usePath } from "@proxima/frontend-core/router";
import { SessionContext, type Session } from "../session";
import { Invitations } from "./Invitations";
import { OnboardingRedirect } from "../pages/signup/Onboarding";
import { SuspendedPage } from "./SuspendedPage";
import { isSuspended, subscribeSuspension } from "../suspension";

const messages = defineMessages({
  ja: {
    skip: "本文へスキップ",
    navigation: "メイン ナビゲーション",
    signOut: "ログアウト",
    unread: "未読メッセージ",
    signedInAs: "{name} としてログイン中",
    notFound: "このページは見つかりません。",
    suspended: "このテナントは停止中です。管理者にお問い合わせください。",
  },
  en: {
    skip: "Skip to content",
    navigation: "Main navigation",
    signOut: "Sign out",
    unread: "Unread messages",
    signedInAs: "Signed in as {name}",
    notFound: "There is no such page.",
    suspended: "This tenant is suspended. Please contact its administrator.",
  },
});

/** The person's chat, open for as long as they are signed in, so unread badges and receipts stay
 * current on every page. */
function useChatStore(session: Session): ChatStore {
  const [store] = useState(
    () =>
      new ChatStore({
        side: session.mode === "staff" ? "TENANT" : "FREELANCER",
        tenant: session.mode === "staff" ? session.slug : null,
      }),
  );
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  return store;
}

/** The person's bell, live for as long as they are signed in. */
function useBellStore(session: Session): BellStore {
  const [store] = useState(
    () =>
      new BellStore({ mode: session.mode, tenant: session.mode === "staff" ? session.slug : null }),
  );
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  return store;
}

function UnreadBadge({ chat, label }: { chat: ChatStore; label: string }) {
  useSyncExternalStore(chat.subscribe, chat.snapshot, chat.snapshot);
  const unread = chat.totalUnread();
  return unread > 0 ? (
    <span className="badge count" id="unread-total" aria-label={label}>
      {unread}
    </span>
  ) : null;
}


/** The section a path belongs to: "/jobs/42" is in "/jobs"; "/" only matches itself. */
function isCurrent(section: string, path: string): boolean {
  return section === "/" ? path === "/" : path === section || path.startsWith(section + "/");
}

function resolve(routes: Route[], path: string) {
  for (const route of routes) {
    const params = match(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

export function App({ session }: { session: Session }) {
  const t = useT(messages);
  const language = useLang();
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const routes = session.mode === "staff" ? STAFF_ROUTES : FREELANCER_ROUTES;
  const found = resolve(routes, path);
  const brand = session.branding;
  const chat = useChatStore(session);
  const bell = useBellStore(session);
  const suspended =
    useSyncExternalStore(subscribeSuspension, isSuspended, isSuspended) ||
    (session.mode === "staff" && session.tenant?.status === "SUSPENDED");

  // Moving focus to the new page tells screen readers the page changed.
  useEffect(() => main.current?.focus(), [path]);
  // Nothing is live any more: the sockets were closed by the server, the chat stops retrying.
  useEffect(() => {
    if (suspended) {
      chat.stop();
      bell.stop();
    }
  }, [suspended, chat, bell]);

  if (suspended) return <SuspendedPage branding={brand} />;

  return (
    <SessionContext.Provider value={session}>
      <ChatContext.Provider value={chat}>
      <BellContext.Provider value={bell}>
      <a className="skip" href="#main">
        {t("skip")}
      </a>
      <header className="topbar">
        <div className="brand" id="brand">
          {brand.logoUrl ? <img src={brand.logoUrl} alt="" className="brand-logo" /> : null}
          <span id="brand-name">{brand.displayName}</span>
        </div>
        <nav aria-label={t("navigation")} className="nav">
          {routes
            .filter((route) => route.label)
            .map((route) => (
              <Link
                key={route.path}
                to={route.path}
                className="nav-link"
                aria-current={isCurrent(route.path, path) ? "page" : undefined}
              >
                {NAV_LABELS[language][route.label!]}
                {route.label === "messages" ? (
                  <UnreadBadge chat={chat} label={t("unread")} />
                ) : null}
              </Link>
            ))}
        </nav>
        <div className="account">
          <Bell />
          <LanguageSelect />
          <span className="who" title={session.identity.email}>
            {t("signedInAs", { name: session.identity.name })}
          </span>
          <button type="button" className="button subtle" onClick={signOut}>
            {t("signOut")}
          </button>
        </div>
      </header>
      {session.tenant && session.tenant.status !== "ACTIVE" ? (
        <p className="banner warning" role="alert">
          {t("suspended")}
        </p>
      ) : null}
      <Invitations />
      {session.mode === "freelancer" ? <OnboardingRedirect path={path} /> : null}
      <main id="main" ref={main} tabIndex={-1} className="page">
        {found ? <found.route.page params={found.params} /> : <p>{t("notFound")}</p>}
      </main>
      <footer className="footer">
        <span>Powered by Proxima</span>
        <span
          aria-hidden="true"
          className="swatch"
          style={{ background: colour(brand.accentColor, PLATFORM_BRANDING.accentColor!) }}
        />
      </footer>
      </BellContext.Provider>
      </ChatContext.Provider>
    </SessionContext.Provider>
  );
}
