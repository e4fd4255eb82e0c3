import { useEffect, useState, type FormEvent } from "react";
import { api, ApiError } from "../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { LanguageSelect } from "@proxima/frontend-core/LanguageSelect";
import type { Branding } from "../branding";
import { problemText } from "../pages/shared/problems";
import { ROLE_LABELS, type Role } from "../pages/people/members";
import { checkNewPassword, tokenOfFragment, type PasswordProblem } from "./join";

type LinkView = { email: string; displayName: string | null; role: Role; needsPassword: boolean };

const messages = defineMessages({
  ja: {
    title: "{tenant} への招待",
    checking: "招待を確認しています…",
    invalid: "この招待リンクは使えません。期限が切れたか、すでに使われています。招待した方に再送を依頼してください。",
    welcome: "{name} さん、{tenant} から「{role}」として招待されています。",
    choose: "サインインに使うパスワードを決めてください（メールアドレス {email} でサインインします）。",
    password: "パスワード（10文字以上）",
    confirm: "パスワード（確認）",
    submit: "パスワードを設定して参加する",
    tooShort: "10文字以上にしてください。",
    mismatch: "確認用のパスワードが一致しません。",
    isEmail: "メールアドレスをパスワードにはできません。",
    done: "パスワードを設定しました。サインインしてください。",
    signIn: "サインインする",
    existing: "お持ちのアカウント（{email}）でサインインし、表示される招待を承諾してください。",
  },
  en: {
    title: "Invitation to {tenant}",
    checking: "Checking the invitation…",
    invalid: "This invitation link cannot be used: it expired or was used already. Ask the person who invited you to send it again.",
    welcome: "{name}, {tenant} invites you to join as {role}.",
    choose: "Choose the password you will sign in with (you sign in with your e-mail {email}).",
    password: "Password (10 characters or more)",
    confirm: "Password (again)",
    submit: "Set password and join",
    tooShort: "Use 10 characters or more.",
    mismatch: "The passwords do not match.",
    isEmail: "Your e-mail cannot be your password.",
    done: "Your password is set. Please sign in.",
    signIn: "Sign in",
    existing: "Sign in with your account ({email}) and accept the invitation you will see.",
  },
});

const PROBLEM_KEYS: Record<PasswordProblem, "tooShort" | "mismatch" | "isEmail"> = {
  "too-short": "tooShort",
  mismatch: "mismatch",
  "is-email": "isEmail",
};

/**
 * `/t/{slug}/join#token=…`: the page an invitation mail links to, shown before anyone signs in
 * (the invitee may have no password yet). The token stays in the fragment, which browsers never
 * send to a server, and is dropped from the address bar once read.
 */
export function Join({ slug, branding }: { slug: string; branding: Branding }) {
  const t = useT(messages);
  const language = useLang();
  const [token] = useState(() => tokenOfFragment(window.location.hash));
  const [view, setView] = useState<LinkView | null | "invalid">(null);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const portal = `/t/${encodeURIComponent(slug)}/`;

  useEffect(() => {
    window.history.replaceState(null, "", window.location.pathname);
    if (!token) {
      setView("invalid");
      return;
    }
    api<LinkView>("/v1/invitation-link/inspect", { method: "POST", body: { token } }).then(setView, () =>
      setView("invalid"),
    );
  }, [token]);

  async function activate(event: FormEvent) {
    event.preventDefault();
    if (!view || view === "invalid") return;
    const problem = checkNewPassword(password, confirm, view.email);
    if (problem) {
      setError(t(PROBLEM_KEYS[problem]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api("/v1/invitation-link/activate", { method: "POST", body: { token, password } });
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t("invalid") : problemText(e, language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <header className="topbar">
        <div className="brand" id="brand">
          {branding.logoUrl ? <img src={branding.logoUrl} alt="" className="brand-logo" /> : null}
          <span id="brand-name">{branding.displayName}</span>
        </div>
        <div className="account">
          <LanguageSelect />
        </div>
      </header>
      <main id="main" className="page narrow">
        <section className="card stack" aria-labelledby="join-title">
          <h1 id="join-title">{t("title", { tenant: branding.displayName })}</h1>
          {view === null ? (
            <p role="status">{t("checking")}</p>
          ) : view === "invalid" ? (
            <p className="error" role="alert" id="join-invalid">
              {t("invalid")}
            </p>
          ) : done ? (
            <div className="stack" id="join-done">
              <p role="status">{t("done")}</p>
              <a className="button accent" href={portal} id="join-sign-in">
                {t("signIn")}
              </a>
            </div>
          ) : (
            <>
              <p id="join-welcome">
                {t("welcome", {
                  name: view.displayName ?? view.email,
                  tenant: branding.displayName,
                  role: ROLE_LABELS[language][view.role] ?? view.role,
                })}
              </p>
              {view.needsPassword ? (
                <form className="stack" onSubmit={activate} noValidate id="join-form">
                  <p>{t("choose", { email: view.email })}</p>
                  {/* Lets password managers save the new password under the right login. */}
                  <input
                    type="email"
                    name="username"
                    aria-label={view.email}
                    autoComplete="username"
                    value={view.email}
                    readOnly
                    hidden
                  />
                  <label className="field">
                    <span>{t("password")}</span>
                    <input
                      id="join-password"
                      type="password"
                      autoComplete="new-password"
                      value={password}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? "join-error" : undefined}
                      onChange={(e) => setPassword(e.target.value)}
                    />
                  </label>
                  <label className="field">
                    <span>{t("confirm")}</span>
                    <input
                      id="join-confirm"
                      type="password"
                      autoComplete="new-password"
                      value={confirm}
                      onChange={(e) => setConfirm(e.target.value)}
                    />
                  </label>
                  {error ? (
                    <p className="error" role="alert" id="join-error">
                      {error}
                    </p>
                  ) : null}
                  <button type="submit" className="button accent" disabled={busy}>
                    {t("submit")}
                  </button>
                </form>
              ) : (
                <div className="stack">
                  <p>{t("existing", { email: view.email })}</p>
                  <a className="button accent" href={portal} id="join-sign-in">
                    {t("signIn")}
                  </a>
                </div>
              )}
            </>
          )}
        </section>
      </main>
    </>
  );
}
