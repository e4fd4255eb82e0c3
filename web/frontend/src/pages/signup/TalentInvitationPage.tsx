import { useEffect, useState } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { LanguageSelect } from "@proxima/frontend-core/LanguageSelect";
import type { Branding } from "../../branding";
import { tokenOfFragment } from "../../shell/join";
import { problemText } from "../shared/problems";
import { SharingTerms, type SharingTermsView } from "../freelancer/sharingTerms";
import { inviteeName, rememberAcceptance } from "./onboarding";
import type { InvitationLinkView } from "./signupTypes";
import "./signup.css";

const messages = defineMessages({
  ja: {
    title: "{tenant} からの招待",
    checking: "招待を確認しています…",
    invalid: "この招待リンクは使えません。期限が切れたか、取り消されたか、すでに回答済みです。エージェントに再送を依頼してください。",
    greeting: "{name} 様",
    lead: "{tenant} から、Proxima の人材プールへの招待が届いています（{email} 宛て）。",
    what: "承諾すると、あなたのプロフィールと稼働状況が {tenant} に公開され、スキルや希望に合った案件の紹介を受けられます。公開はいつでも「公開先」から停止できます。",
    expires: "有効期限：{date}",
    account: "アカウントをお持ちでない方は、次の画面の「新規登録」から無料で登録できます。",
    accept: "ログイン・新規登録して承諾する",
    decline: "辞退する",
    confirmDecline: "{tenant} からの招待を辞退しますか？何も公開されません。",
    declined: "招待を辞退しました。{tenant} には何も公開されていません。",
    accepted: "招待を承諾しました。プロフィールと稼働状況が {tenant} に公開されます。",
    acceptFailed: "承諾できませんでした：{reason}",
    termsChanged: "{tenant} が、あなたが確認した後に利用目的または公開される情報を変更しました。まだ公開していません。新しい内容を確認して、承諾するかどうか選んでください。",
    acceptNew: "この内容で承諾する",
    portal: "ポータルへ進む",
  },
  en: {
    title: "Invitation from {tenant}",
    checking: "Checking the invitation…",
    invalid: "This invitation link cannot be used: it expired, was revoked or was answered already. Ask the agency to send it again.",
    greeting: "Dear {name},",
    lead: "{tenant} invites you to its talent pool on Proxima (sent to {email}).",
    what: "If you accept, your profile and availability are shared with {tenant}, so it can offer you projects that fit. You can stop sharing at any time under Sharing.",
    expires: "Valid until {date}",
    account: "No account yet? Choose Sign up on the next page; it is free.",
    accept: "Sign in or sign up to accept",
    decline: "Decline",
    confirmDecline: "Decline the invitation from {tenant}? Nothing will be shared.",
    declined: "You declined. Nothing is shared with {tenant}.",
    accepted: "Accepted. Your profile and availability are now shared with {tenant}.",
    acceptFailed: "Could not accept: {reason}",
    termsChanged: "{tenant} changed its purpose of use or what is shared after you read it. Nothing is shared yet. Read the new terms and choose whether to accept.",
    acceptNew: "Accept these terms",
    portal: "Go to the portal",
  },
});

/** How the page was reached: with the mail's link, or back from signing in to accept. */
export type TalentInvitationOutcome =
  | { kind: "link" }
  | { kind: "accepted"; view: InvitationLinkView }
  | { kind: "failed"; error: unknown }
  | { kind: "termsChanged"; token: string; terms: SharingTermsView };

/**
 * `/t/{slug}/talent-invitation#token=…`: the page a talent invitation mail links to. Looking and
 * declining work before sign-in; accepting sends the person through the tenant's login page (where
 * newcomers sign up) and back here, where the acceptance is made as them.
 */
export function TalentInvitationPage({
  slug,
  branding,
  outcome,
}: {
  slug: string;
  branding: Branding;
  outcome: TalentInvitationOutcome;
}) {
  const t = useT(messages);
  const language = useLang();
  const [token] = useState(() => tokenOfFragment(window.location.hash));
  const [view, setView] = useState<InvitationLinkView | null | "invalid">(null);
  const [declined, setDeclined] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tenant = branding.displayName;
  const portal = `/t/${encodeURIComponent(slug)}/`;

  useEffect(() => {
    if (outcome.kind !== "link") return;
    window.history.replaceState(null, "", window.location.pathname);
    if (!token) {
      setView("invalid");
      return;
    }
    api<InvitationLinkView>("/v1/talent-invitation-link/inspect", { method: "POST", body: { token } }).then(
      setView,
      () => setView("invalid"),
    );
  }, [token, outcome.kind]);

  const accept = () => {
    if (!token) return;
    rememberAcceptance(window.sessionStorage, slug, token, view && view !== "invalid" ? view.termsVersion : undefined);
    window.location.assign(`/t/${encodeURIComponent(slug)}/talent-invitation?accept=1`);
  };

  const decline = async () => {
    if (!token || !window.confirm(t("confirmDecline", { tenant }))) return;
    setBusy(true);
    setError(null);
    try {
      await api("/v1/talent-invitation-link/decline", { method: "POST", body: { token } });
      setDeclined(true);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t("invalid") : problemText(e, language));
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (outcome.kind === "accepted") {
    body = (
      <div className="stack" id="talent-accepted">
        <p role="status">{t("accepted", { tenant })}</p>
        <a className="button accent" href={portal} id="talent-portal">
          {t("portal")}
        </a>
      </div>
    );
  } else if (outcome.kind === "termsChanged") {
    const changed = outcome;
    const acceptNew = () => {
      rememberAcceptance(window.sessionStorage, slug, changed.token, changed.terms.version);
      window.location.assign(`/t/${encodeURIComponent(slug)}/talent-invitation?accept=1`);
    };
    body = (
      <div className="stack" id="talent-terms-changed">
        <p role="alert">{t("termsChanged", { tenant })}</p>
        <SharingTerms id="talent-terms" items={changed.terms.sharedItems} purpose={changed.terms.purpose} />
        <div className="actions">
          <button type="button" className="button accent" id="talent-accept-new" onClick={acceptNew}>
            {t("acceptNew")}
          </button>
        </div>
      </div>
    );
  } else if (outcome.kind === "failed") {
    body = (
      <p className="error" role="alert" id="talent-accept-failed">
        {outcome.error instanceof ApiError && outcome.error.status === 404
          ? t("invalid")
          : t("acceptFailed", { reason: problemText(outcome.error, language) })}
      </p>
    );
  } else if (view === null) {
    body = <p role="status">{t("checking")}</p>;
  } else if (view === "invalid") {
    body = (
      <p className="error" role="alert" id="talent-invalid">
        {t("invalid")}
      </p>
    );
  } else if (declined) {
    body = (
      <p role="status" id="talent-declined">
        {t("declined", { tenant })}
      </p>
    );
  } else {
    const name = inviteeName(view.familyName, view.givenName, language);
    body = (
      <div className="stack" id="talent-invitation">
        {name ? <p>{t("greeting", { name })}</p> : null}
        <p>{t("lead", { tenant, email: view.email })}</p>
        <p>{t("what", { tenant })}</p>
        {view.sharingPurpose ? (
          <SharingTerms id="talent-terms" items={view.sharedItems ?? []} purpose={view.sharingPurpose} />
        ) : null}
        <p className="muted">{t("expires", { date: formatDate(language, view.expiresAt) })}</p>
        <p className="muted">{t("account")}</p>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="button accent" id="talent-accept" disabled={busy} onClick={accept}>
            {t("accept")}
          </button>
          <button type="button" className="button subtle" id="talent-decline" disabled={busy} onClick={() => void decline()}>
            {t("decline")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <>
      <header className="topbar">
        <div className="brand" id="brand">
          {branding.logoUrl ? <img src={branding.logoUrl} alt="" className="brand-logo" /> : null}
          <span id="brand-name">{tenant}</span>
        </div>
        <div className="account">
          <LanguageSelect />
        </div>
      </header>
      <main id="main" className="page narrow">
        <section className="card stack talent-invitation" aria-labelledby="talent-title">
          <h1 id="talent-title">{t("title", { tenant })}</h1>
          {body}
        </section>
      </main>
    </>
  );
}
