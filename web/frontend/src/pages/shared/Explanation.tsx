import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import type { ExplanationView } from "../apiTypes";
import { explain, type Line } from "./explain";

const messages = defineMessages({
  ja: {
    skills: "スキル",
    matched: "一致",
    missingRequired: "不足（必須）",
    missingPreferred: "不足（歓迎）",
    none: "なし",
    rate: "単価",
    days: "稼働日数",
    workStyle: "働き方",
    availability: "稼働開始",
  },
  en: {
    skills: "Skills",
    matched: "Matched",
    missingRequired: "Missing (required)",
    missingPreferred: "Missing (preferred)",
    none: "None",
    rate: "Rate",
    days: "Days a week",
    workStyle: "Work style",
    availability: "Availability",
  },
});

function Verdict({ line }: { line: Line }) {
  return <p className={"verdict-" + line.tone}>{line.text}</p>;
}

/** Why a freelancer and a job fit, part by part, as the matching API explains it. */
export function Explanation({ explanation, id }: { explanation: ExplanationView; id?: string }) {
  const t = useT(messages);
  const language = useLang();
  const lines = explain(language, explanation);
  return (
    <div className="explain" id={id} data-testid={id}>
      <div>
        <h4>{t("skills")}</h4>
        <ul className="tags" aria-label={t("matched")}>
          {lines.matched.map((line) => (
            <li key={line.text} className={"tag " + (line.tone === "good" ? "" : "weak")}>
              {line.text}
            </li>
          ))}
        </ul>
        {lines.missingRequired.length ? (
          <p>
            {t("missingRequired")}:{" "}
            <span className="tags" role="list">
              {lines.missingRequired.map((s) => (
                <span role="listitem" key={s} className="tag missing">
                  {s}
                </span>
              ))}
            </span>
          </p>
        ) : null}
        {lines.missingPreferred.length ? (
          <p className="muted">
            {t("missingPreferred")}: {lines.missingPreferred.join(language === "ja" ? "、" : ", ")}
          </p>
        ) : null}
      </div>
      <div>
        <h4>{t("rate")}</h4>
        <Verdict line={lines.rate} />
      </div>
      <div>
        <h4>{t("days")}</h4>
        <Verdict line={lines.days} />
      </div>
      <div>
        <h4>{t("workStyle")}</h4>
        <Verdict line={lines.workStyle} />
      </div>
      <div>
        <h4>{t("availability")}</h4>
        <Verdict line={lines.availability} />
      </div>
    </div>
  );
}
