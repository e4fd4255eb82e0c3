import { useEffect, useRef, useState } from "react";
import { api } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { navigate } from "@proxima/frontend-core/router";
import { Availability } from "../freelancer/Availability";
import { Sharing } from "../freelancer/Sharing";
import { SkillSheets } from "../freelancer/SkillSheets";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { currentStep, nextStep, progress, shouldOpenGuide, STEPS } from "./onboarding";
import type { OnboardingStep, OnboardingView } from "./signupTypes";
import "./signup.css";

const messages = defineMessages({
  ja: {
    title: "ようこそ Proxima へ",
    lead: "最初に 4 つのステップで、案件の紹介を受けられる状態にしましょう。途中でやめても、次回はここから再開できます。",
    steps: "登録の手順",
    progress: "ステップ {position} / {total}",
    TERMS: "利用規約への同意",
    PROFILE: "プロフィール",
    AVAILABILITY: "稼働状況",
    SHARING: "公開先",
    termsLead: "Proxima をご利用いただくには、利用規約とプライバシーポリシーへの同意が必要です。",
    termsVersions: "利用規約（{terms} 版）・プライバシーポリシー（{privacy} 版）",
    termsPoints1: "プロフィールと稼働状況は、ご自身が選んだ公開先（エージェント・企業）にだけ公開されます。",
    termsPoints2: "公開はいつでも停止できます。停止すると、その会社はすぐに閲覧できなくなります。",
    termsPoints3: "メールアドレスは、ログインとお知らせの送信にだけ使います。",
    termsCheck: "利用規約とプライバシーポリシーに同意します",
    termsSubmit: "同意して次へ",
    termsRequired: "同意のチェックを入れてください。",
    acceptedAt: "{date} に同意済み（利用規約 {terms} 版・プライバシーポリシー {privacy} 版）",
    profileLead: "スキルシート（Excel・Word・PDF）をアップロードすると、内容を読み取ってプロフィールの下書きを作ります。手元にない場合は、空のプロフィールから始めて後で入力できます。",
    upload: "スキルシートから作成する",
    blank: "空のプロフィールから始める",
    availabilityLead: "いつから、週何日稼働できるかを登録すると、公開先のエージェントの空き状況ボードに表示されます。",
    sharingLead: "プロフィールを公開するエージェント・企業を選んでください。公開した会社からだけ、スカウトや案件の紹介が届きます。",
    next: "次へ",
    finish: "完了する",
    skip: "あとで設定する",
    skipNote: "スキップしても、各ページからいつでも設定できます。",
    done: "登録が完了しました。",
  },
  en: {
    title: "Welcome to Proxima",
    lead: "Four short steps get you ready to receive job offers. If you stop half-way, you continue here next time.",
    steps: "Sign-up steps",
    progress: "Step {position} of {total}",
    TERMS: "Terms",
    PROFILE: "Profile",
    AVAILABILITY: "Availability",
    SHARING: "Sharing",
    termsLead: "To use Proxima, please accept the terms of use and the privacy policy.",
    termsVersions: "Terms of use (version {terms}) and privacy policy (version {privacy})",
    termsPoints1: "Your profile and availability are shown only to the agencies and companies you choose.",
    termsPoints2: "You can stop sharing at any time; the company loses access at once.",
    termsPoints3: "Your e-mail address is used only to sign in and to notify you.",
    termsCheck: "I accept the terms of use and the privacy policy",
    termsSubmit: "Accept and continue",
    termsRequired: "Please tick the box to accept.",
    acceptedAt: "Accepted on {date} (terms {terms}, privacy policy {privacy})",
    profileLead: "Upload your skill sheet (Excel, Word or PDF) and we read it into a draft profile. No sheet at hand? Start from a blank profile and fill it in later.",
    upload: "Start from my skill sheet",
    blank: "Start from a blank profile",
    availabilityLead: "Say from when and how many days a week you can work; agencies you share with see it on their availability board.",
    sharingLead: "Choose the agencies and companies to share your profile with. Only they can scout you or offer you jobs.",
    next: "Next",
    finish: "Finish",
    skip: "Set up later",
    skipNote: "Skipping is fine: every step has its own page you can open any time.",
    done: "You are all set.",
  },
});

/**
 * `/welcome`: the first-run guide of a freelancer who just signed up. Where they are is kept on
 * the server, so the guide resumes on any device and, once completed or skipped, is not shown again.
 */
export function Onboarding() {
  const t = useT(messages);
  const language = useLang();
  const { loaded, reload, set } = useLoad(
    (signal) => api<OnboardingView>("/v1/me/onboarding", { signal }),
    [],
  );
  const action = useAction();
  const [agreed, setAgreed] = useState(false);
  const [termsError, setTermsError] = useState<string | null>(null);
  const [profileChoice, setProfileChoice] = useState<"upload" | null>(null);

  const fail = (e: unknown) => problemText(e, language);

  const moveTo = (step: OnboardingStep) =>
    void action.run(async () => {
      set(await api<OnboardingView>("/v1/me/onboarding/step", { method: "PUT", body: { step } }));
      window.scrollTo(0, 0);
      return null;
    }, fail);

  const finish = (outcome: "COMPLETED" | "SKIPPED") =>
    void action.run(async () => {
      set(await api<OnboardingView>("/v1/me/onboarding/finish", { method: "POST", body: { outcome } }));
      navigate(outcome === "COMPLETED" ? "/sharing" : "/");
      return null;
    }, fail);

  return (
    <section aria-labelledby="welcome-title" className="stack onboarding" id="onboarding">
      <h1 id="welcome-title">{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <LoadState loaded={loaded} reload={reload}>
        {(view) => {
          const step = currentStep(view);
          const { position, total } = progress(step);
          const acceptTerms = () => {
            if (!agreed) {
              setTermsError(t("termsRequired"));
              return;
            }
            setTermsError(null);
            void action.run(async () => {
              set(
                await api<OnboardingView>("/v1/me/onboarding/terms", {
                  method: "PUT",
                  body: { termsVersion: view.termsVersion, privacyVersion: view.privacyVersion },
                }),
              );
              return null;
            }, fail);
          };
          const next = nextStep(step);
          return (
            <>
              <nav aria-label={t("steps")}>
                <ol className="onboarding-steps" id="onboarding-steps">
                  {STEPS.map((s, i) => (
                    <li
                      key={s}
                      aria-current={s === step ? "step" : undefined}
                      className={i + 1 < position ? "done" : s === step ? "current" : ""}
                    >
                      {t(s)}
                    </li>
                  ))}
                </ol>
              </nav>
              <p className="muted" id="onboarding-progress">
                {t("progress", { position, total })}
              </p>
              <NoticeLine notice={action.notice} id="onboarding-notice" />

              {step === "TERMS" ? (
                <div className="card" id="onboarding-terms">
                  <h2>{t("TERMS")}</h2>
                  <p>{t("termsLead")}</p>
                  <p>
                    <strong>
                      {t("termsVersions", { terms: view.termsVersion, privacy: view.privacyVersion })}
                    </strong>
                  </p>
                  <ul>
                    <li>{t("termsPoints1")}</li>
                    <li>{t("termsPoints2")}</li>
                    <li>{t("termsPoints3")}</li>
                  </ul>
                  <label className="check">
                    <input
                      type="checkbox"
                      id="terms-agree"
                      checked={agreed}
                      aria-invalid={termsError ? true : undefined}
                      aria-describedby={termsError ? "terms-error" : undefined}
                      onChange={(e) => setAgreed(e.target.checked)}
                    />{" "}
                    {t("termsCheck")}
                  </label>
                  {termsError ? (
                    <p className="field-error error" id="terms-error" role="alert">
                      {termsError}
                    </p>
                  ) : null}
                  <div className="actions">
                    <button type="button" className="button" id="terms-accept" disabled={action.busy} onClick={acceptTerms}>
                      {t("termsSubmit")}
                    </button>
                  </div>
                </div>
              ) : (
                <p className="muted" id="onboarding-accepted">
                  {t("acceptedAt", {
                    date: formatDate(language, view.termsAcceptedAt),
                    terms: view.termsVersion,
                    privacy: view.privacyVersion,
                  })}
                </p>
              )}

              {step === "PROFILE" ? (
                <div className="card" id="onboarding-profile">
                  <h2>{t("PROFILE")}</h2>
                  <p>{t("profileLead")}</p>
                  <div className="actions">
                    <button
                      type="button"
                      className={profileChoice === "upload" ? "button" : "button subtle"}
                      id="onboarding-upload"
                      aria-pressed={profileChoice === "upload"}
                      onClick={() => setProfileChoice("upload")}
                    >
                      {t("upload")}
                    </button>
                    <button
                      type="button"
                      className="button subtle"
                      id="onboarding-blank"
                      disabled={action.busy}
                      onClick={() => moveTo("AVAILABILITY")}
                    >
                      {t("blank")}
                    </button>
                  </div>
                  {profileChoice === "upload" ? (
                    <div className="onboarding-embedded">
                      <SkillSheets />
                    </div>
                  ) : null}
                </div>
              ) : null}

              {step === "AVAILABILITY" ? (
                <div className="card" id="onboarding-availability">
                  <h2>{t("AVAILABILITY")}</h2>
                  <p>{t("availabilityLead")}</p>
                  <div className="onboarding-embedded">
                    <Availability />
                  </div>
                </div>
              ) : null}

              {step === "SHARING" ? (
                <div className="card" id="onboarding-sharing">
                  <h2>{t("SHARING")}</h2>
                  <p>{t("sharingLead")}</p>
                  <div className="onboarding-embedded">
                    <Sharing />
                  </div>
                </div>
              ) : null}

              {step !== "TERMS" ? (
                <div className="actions onboarding-footer">
                  {next ? (
                    <button type="button" className="button" id="onboarding-next" disabled={action.busy} onClick={() => moveTo(next)}>
                      {t("next")}
                    </button>
                  ) : (
                    <button type="button" className="button" id="onboarding-finish" disabled={action.busy} onClick={() => finish("COMPLETED")}>
                      {t("finish")}
                    </button>
                  )}
                  <button type="button" className="button subtle" id="onboarding-skip" disabled={action.busy} onClick={() => finish("SKIPPED")}>
                    {t("skip")}
                  </button>
                  <span className="muted">{t("skipNote")}</span>
                </div>
              ) : null}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

/**
 * Sends a freelancer who has the guide pending to it, once per page load, from wherever they
 * landed. Renders nothing.
 */
export function OnboardingRedirect({ path }: { path: string }) {
  const landed = useRef(path);
  useEffect(() => {
    void api<OnboardingView>("/v1/me/onboarding").then(
      (view) => {
        if (shouldOpenGuide(view, landed.current)) navigate("/welcome");
      },
      () => undefined,
    );
  }, []);
  return null;
}
