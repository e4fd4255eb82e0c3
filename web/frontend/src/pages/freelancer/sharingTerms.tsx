import { ApiError } from "@proxima/frontend-core/http";
import { defineMessages, useT } from "@proxima/frontend-core/i18n";

/** What a tenant sees while a freelancer shares with it (SharedItem on the server). */
export type SharedItem = "PROFILE" | "SKILL_SHEET" | "EMAIL" | "AVAILABILITY" | "MESSAGES" | "CANDIDACY";

/** `GET /v1/me/consents/{slug}/terms`: what sharing shares now, and the tenant's purpose. */
export type SharingTermsView = {
  tenantSlug: string;
  tenantName: string;
  sharedItems: SharedItem[];
  purpose: string;
  /** Sent back when sharing: terms changed since are refused (409) instead of agreed to unseen. */
  version: string;
};

/** The problem type of a share refused because the terms changed after they were shown. */
export const TERMS_CHANGED = "urn:proxima:problem:consent-terms-changed";

/** The current terms a refused share carries, or null when `error` is not that refusal. */
export function changedTerms(error: unknown): SharingTermsView | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.type !== TERMS_CHANGED) return null;
  const terms = error.problem.terms as SharingTermsView | undefined;
  return terms && typeof terms.version === "string" ? terms : null;
}

export const sharedItemMessages = defineMessages({
  ja: {
    PROFILE: "プロフィール（氏名・職種・自己PR・スキル・職務経歴・学歴・資格・希望条件・リンク）",
    SKILL_SHEET: "スキルシート（プロフィールから作成される PDF・JSON）",
    EMAIL: "メールアドレス",
    AVAILABILITY: "稼働状況とオンライン状態（空き状況ボードにリアルタイムで表示）",
    MESSAGES: "メッセージのやり取り",
    CANDIDACY: "スカウト、案件の候補者としての表示、契約の打診",
    purpose: "利用目的",
    items: "公開される情報",
    noPurpose: "（記録なし：利用目的の記録を始める前の公開です）",
    short_PROFILE: "プロフィール",
    short_SKILL_SHEET: "スキルシート",
    short_EMAIL: "メールアドレス",
    short_AVAILABILITY: "稼働状況",
    short_MESSAGES: "メッセージ",
    short_CANDIDACY: "スカウト・候補者・契約",
  },
  en: {
    PROFILE: "your profile (name, title, summary, skills, work history, education, certifications, desired conditions, links)",
    SKILL_SHEET: "your skill sheet (the PDF and JSON made from your profile)",
    EMAIL: "your e-mail address",
    AVAILABILITY: "your availability and whether you are online (live on their availability board)",
    MESSAGES: "messages with you",
    CANDIDACY: "scouts, showing you as a candidate for their jobs, contract proposals",
    purpose: "Purpose of use",
    items: "What is shared",
    noPurpose: "(not recorded: shared before purposes were recorded)",
    short_PROFILE: "profile",
    short_SKILL_SHEET: "skill sheet",
    short_EMAIL: "e-mail address",
    short_AVAILABILITY: "availability",
    short_MESSAGES: "messages",
    short_CANDIDACY: "scouts, candidacy, contracts",
  },
});

const KNOWN: ReadonlySet<string> = new Set(["PROFILE", "SKILL_SHEET", "EMAIL", "AVAILABILITY", "MESSAGES", "CANDIDACY"]);

/** The items spelt out in the reader's language; codes the page does not know are shown as they are. */
export function useSharedItemNames(): (items: ReadonlyArray<string>) => string[] {
  const t = useT(sharedItemMessages);
  return (items) => items.map((item) => (KNOWN.has(item) ? t(item as SharedItem) : item));
}

/** The items in a word or two each, for tables. */
export function useSharedItemShortNames(): (items: ReadonlyArray<string>) => string[] {
  const t = useT(sharedItemMessages);
  return (items) => items.map((item) => (KNOWN.has(item) ? t(("short_" + item) as `short_${SharedItem}`) : item));
}

/** A purpose, or the note that none was recorded. */
export function usePurposeText(): (purpose: string | null | undefined) => string {
  const t = useT(sharedItemMessages);
  return (purpose) => (purpose ? purpose : t("noPurpose"));
}

/** What is shared and for what purpose, as a short block (before sharing, in invitations). */
export function SharingTerms(props: { items: ReadonlyArray<string>; purpose: string | null | undefined; id?: string }) {
  const t = useT(sharedItemMessages);
  const names = useSharedItemNames();
  const purpose = usePurposeText();
  return (
    <div className="sharing-terms" id={props.id}>
      <p style={{ margin: "4px 0" }}>
        <strong>{t("purpose")}</strong>: <span className="sharing-purpose">{purpose(props.purpose)}</span>
      </p>
      <details>
        <summary>{t("items")}</summary>
        <ul>
          {names(props.items).map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
