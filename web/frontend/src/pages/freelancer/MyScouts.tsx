import { useState } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import type { ReceivedScoutView } from "../apiTypes";
import { ENUM_LABELS } from "../shared/labels";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { checkAnswer } from "./applyForm";

const messages = defineMessages({
  ja: {
    title: "スカウト",
    intro: "エージェント・企業から届いたスカウトです。回答（承諾・辞退）は一度だけで、変更できません。",
    empty: "まだスカウトは届いていません。",
    from: "{name} から",
    received: "受信 {date}",
    answered: "回答 {date}",
    job: "案件を見る",
    answer: "返信メッセージ（任意・1,000字まで）",
    accept: "承諾する",
    decline: "辞退する",
    confirmAccept: "{name} のスカウトを承諾しますか？回答は変更できません。",
    confirmDecline: "{name} のスカウトを辞退しますか？回答は変更できません。",
    accepted: "スカウトを承諾しました。",
    declined: "スカウトを辞退しました。",
    tooLong: "1,000字以内にしてください。",
    yourAnswer: "あなたの返信: {answer}",
    conversation: "{name} とのメッセージ",
    stale: "このスカウトはすでに回答済みです。",
  },
  en: {
    title: "Scouts",
    intro: "Scouts from agencies and companies. You answer once (accept or decline); it cannot be changed.",
    empty: "No scouts yet.",
    from: "From {name}",
    received: "Received {date}",
    answered: "Answered {date}",
    job: "See the job",
    answer: "Reply (optional, up to 1,000)",
    accept: "Accept",
    decline: "Decline",
    confirmAccept: "Accept the scout from {name}? Your answer is final.",
    confirmDecline: "Decline the scout from {name}? Your answer is final.",
    accepted: "Scout accepted.",
    declined: "Scout declined.",
    tooLong: "At most 1,000 characters.",
    yourAnswer: "Your reply: {answer}",
    conversation: "Messages with {name}",
    stale: "This scout was already answered.",
  },
});

/** `/scouts`: scouts received, answered once. */
export function MyScouts() {
  const t = useT(messages);
  const { loaded, reload, set } = useLoad((signal) => api<ReceivedScoutView[]>("/v1/me/scouts?limit=100", { signal }), []);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <LoadState loaded={loaded} reload={reload}>
        {(scouts) =>
          scouts.length === 0 ? (
            <p id="my-scouts-empty">{t("empty")}</p>
          ) : (
            <ul className="plain" id="my-scouts">
              {scouts.map((s) => (
                <ScoutCard
                  key={s.id}
                  scout={s}
                  onAnswered={(answered) => set((list) => list.map((x) => (x.id === answered.id ? answered : x)))}
                  onStale={reload}
                />
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}

function ScoutCard(props: { scout: ReceivedScoutView; onAnswered: (s: ReceivedScoutView) => void; onStale: () => void }) {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const { scout } = props;
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<string | null>(null);
  const action = useAction();

  const respond = (kind: "accept" | "decline") => {
    if (checkAnswer(answer)) {
      setError(t("tooLong"));
      return;
    }
    setError(null);
    if (!window.confirm(t(kind === "accept" ? "confirmAccept" : "confirmDecline", { name: scout.tenantName }))) return;
    void action.run(
      async () => {
        props.onAnswered(
          await api<ReceivedScoutView>(`/v1/me/scouts/${encodeURIComponent(scout.id)}/${kind}`, {
            method: "POST",
            body: answer.trim() ? { answer: answer.trim() } : {},
          }),
        );
        return t(kind === "accept" ? "accepted" : "declined");
      },
      (e) => {
        if (e instanceof ApiError && e.status === 409) {
          props.onStale();
          return t("stale");
        }
        return problemText(e, language);
      },
    );
  };

  const answerId = "scout-answer-" + scout.id;
  return (
    <li className="card" data-testid={"my-scout-" + scout.id} data-status={scout.status}>
      <h2 style={{ margin: 0, fontSize: "1.05rem" }}>
        {t("from", { name: scout.tenantName })} <span className={"badge " + scout.status}>{enums(scout.status)}</span>
      </h2>
      <p className="meta-line">
        <span>{t("received", { date: formatDate(language, scout.sentAt) })}</span>
        {scout.answeredAt ? <span>{t("answered", { date: formatDate(language, scout.answeredAt) })}</span> : null}
        {scout.jobId ? <Link to={"/jobs/" + scout.jobId}>{t("job")}</Link> : null}
        <Link to={"/messages/" + encodeURIComponent(scout.tenantSlug)}>{t("conversation", { name: scout.tenantName })}</Link>
      </p>
      <p style={{ whiteSpace: "pre-wrap" }}>{scout.message}</p>
      {scout.answer ? <p className="muted">{t("yourAnswer", { answer: scout.answer })}</p> : null}
      {scout.status === "SENT" ? (
        <>
          <label className="field">
            {t("answer")}
            <textarea
              id={answerId}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? answerId + "-error" : undefined}
            />
            {error ? (
              <span className="field-error error" id={answerId + "-error"}>
                {error}
              </span>
            ) : null}
          </label>
          <div className="actions" style={{ marginTop: 8 }}>
            <button type="button" className="button" disabled={action.busy} data-testid={"accept-scout-" + scout.id} onClick={() => respond("accept")}>
              {t("accept")}
            </button>
            <button type="button" className="button subtle" disabled={action.busy} data-testid={"decline-scout-" + scout.id} onClick={() => respond("decline")}>
              {t("decline")}
            </button>
          </div>
        </>
      ) : null}
      <NoticeLine notice={action.notice} />
    </li>
  );
}
