import { formatDate, type Lang } from "@proxima/frontend-core/i18n";
import type { ExplanationView, SkillMatchView, WorkStyle } from "../apiTypes";
import { manYen } from "./format";

/** How a part of a fit reads: good, a point to discuss, or a gap. */
export type Tone = "good" | "warn" | "bad";
export type Line = { text: string; tone: Tone };

const STYLE = {
  ja: { REMOTE: "フルリモート", HYBRID: "一部リモート", ON_SITE: "常駐" },
  en: { REMOTE: "remote", HYBRID: "hybrid", ON_SITE: "on site" },
} as const;

function years(language: Lang, value: number): string {
  return language === "ja" ? `${value}年` : `${value} yr${value === 1 ? "" : "s"}`;
}

/** One matched skill: "Java 8年（必須 3年以上）", "Java（Spring Boot から推定）". */
export function skillLine(language: Lang, m: SkillMatchView): Line {
  const ja = language === "ja";
  let text = m.skill;
  if (m.years != null) text += ` ${years(language, m.years)}`;
  const asks: string[] = [];
  if (m.required) asks.push(ja ? "必須" : "required");
  if (m.minYears != null && m.minYears > 0) {
    asks.push(ja ? `${years(language, m.minYears)}以上` : `${years(language, m.minYears)}+ asked`);
  }
  if (m.via) asks.push(ja ? `${m.via} から推定` : `via ${m.via}`);
  else if (m.evidence === "MENTIONED") asks.push(ja ? "経歴・自己PRに記載のみ" : "only mentioned");
  if (asks.length) text += ja ? `（${asks.join("・")}）` : ` (${asks.join(", ")})`;
  const tone: Tone = !m.meetsYears ? "warn" : m.evidence === "LISTED" ? "good" : "warn";
  return { text, tone };
}

export function rateLine(language: Lang, rate: ExplanationView["rate"]): Line {
  const ja = language === "ja";
  const by = manYen(language, rate.byYen);
  switch (rate.verdict) {
    case "WITHIN":
      return { text: ja ? "予算内" : "within the budget", tone: "good" };
    case "BELOW":
      return { text: ja ? `予算の下限より ${by} 低い` : `${by} below the budget`, tone: "good" };
    case "ABOVE":
      return { text: ja ? `予算の上限を ${by} 超過` : `${by} above the budget`, tone: "bad" };
    default:
      return { text: ja ? "希望単価が未登録" : "rate not stated", tone: "warn" };
  }
}

export function daysLine(language: Lang, days: ExplanationView["days"]): Line {
  const ja = language === "ja";
  switch (days.verdict) {
    case "WITHIN":
      return { text: ja ? "稼働日数は条件内" : "days a week fit", tone: "good" };
    case "MORE":
      return {
        text: ja ? `週${days.byDays}日多く稼働可能` : `${days.byDays} more day(s) a week than needed`,
        tone: "good",
      };
    case "FEWER":
      return {
        text: ja ? `週${days.byDays}日不足` : `${days.byDays} day(s) a week short`,
        tone: "bad",
      };
    default:
      return { text: ja ? "稼働日数が未登録" : "days not stated", tone: "warn" };
  }
}

export function workStyleLine(language: Lang, style: ExplanationView["workStyle"]): Line {
  const ja = language === "ja";
  const name = (s: WorkStyle | null | undefined) => (s ? STYLE[language][s] : ja ? "未登録" : "not stated");
  let text = ja
    ? `案件: ${name(style.job)} / 本人希望: ${name(style.candidate)}`
    : `job: ${name(style.job)}, wants: ${name(style.candidate)}`;
  if (style.reachesOffice === true) text += ja ? "（通勤可能な地域）" : " (can reach the office)";
  if (style.reachesOffice === false) text += ja ? "（勤務地が希望地域外）" : " (office outside their area)";
  return { text, tone: style.fits ? "good" : "bad" };
}

export function availabilityLine(language: Lang, a: ExplanationView["availability"]): Line {
  const ja = language === "ja";
  const from = formatDate(language, a.availableFrom);
  let line: Line;
  switch (a.status) {
    case "AVAILABLE_NOW":
      line = { text: ja ? "すぐに稼働可能" : "available now", tone: "good" };
      break;
    case "AVAILABLE_FROM":
      line =
        a.daysLate === 0
          ? { text: ja ? `${from} から稼働可能（開始日に間に合う）` : `available from ${from}, before the start`, tone: "good" }
          : {
              text: ja
                ? `${from} から稼働可能（開始日より${a.daysLate}日遅れ）`
                : `available from ${from}, ${a.daysLate} days after the start`,
              tone: "warn",
            };
      break;
    case "UNAVAILABLE":
      line = { text: ja ? "現在は稼働不可" : "not available", tone: "bad" };
      break;
    default:
      line = { text: ja ? "稼働状況が未登録" : "availability not set", tone: "warn" };
  }
  if (a.source === "STORED") {
    line = { ...line, text: line.text + (ja ? "（最終登録時点）" : " (as last saved)") };
  }
  if (a.online) line = { ...line, text: line.text + (ja ? " · オンライン" : " · online") };
  return line;
}

/** The whole explanation as lines to show, every part with its tone. */
export function explain(language: Lang, e: ExplanationView) {
  return {
    matched: e.skills.matched.map((m) => skillLine(language, m)),
    missingRequired: e.skills.missingRequired,
    missingPreferred: e.skills.missingPreferred,
    rate: rateLine(language, e.rate),
    days: daysLine(language, e.days),
    workStyle: workStyleLine(language, e.workStyle),
    availability: availabilityLine(language, e.availability),
  };
}

/** A one-sentence summary for a list or a screen reader: "必須スキル 3/4 ・ 予算内 ・ すぐに稼働可能". */
export function summary(language: Lang, e: ExplanationView): string {
  const ja = language === "ja";
  const required = e.skills.matched.filter((m) => m.required).length;
  const asked = required + e.skills.missingRequired.length;
  const parts = [
    asked > 0 ? (ja ? `必須スキル ${required}/${asked}` : `required skills ${required}/${asked}`) : null,
    rateLine(language, e.rate).text,
    availabilityLine(language, e.availability).text,
  ];
  return parts.filter(Boolean).join(ja ? " ・ " : " · ");
}
