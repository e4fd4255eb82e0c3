import { useState } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import type { ApplicationView, DossierView, InterviewView } from "../apiTypes";
import { manYen } from "../shared/format";
import { ENUM_LABELS } from "../shared/labels";
import { problemText } from "../shared/problems";
import { stepReason } from "../shared/stepReason";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { canWithdraw, checkAnswer } from "./applyForm";

const messages = defineMessages({
  ja: {
    title: "応募状況",
    intro: "応募した案件の選考状況と、届いた面談日程の提案を確認できます。",
    empty: "まだ応募していません。",
    findJobs: "案件を探す",
    unknownJob: "（公開が終了した案件）",
    stage: "状況",
    applied: "応募日 {date}",
    updated: "更新 {date}",
    rate: "希望単価 {rate}",
    history: "経緯",
    historyLine: "{date}: {to}",
    reason: "（{reason}）",
    interviews: "面談日程の提案",
    pending: "回答待ちの提案があります",
    chooseSlot: "参加できる日時を選んでください",
    accept: "この日時で参加する",
    decline: "すべて都合が合わない",
    declineAnswer: "メッセージ（任意・1,000字まで）",
    answerTooLong: "1,000字以内にしてください。",
    accepted: "面談日時を確定しました。",
    declined: "面談の提案を辞退しました。",
    chosen: "確定: {time}",
    place: "場所: {place}",
    join: "オンライン会議に参加",
    withdraw: "応募を辞退する",
    withdrawReason: "辞退の理由（任意・1,000字まで）",
    confirmWithdraw: "この応募を辞退しますか？辞退は取り消せません。",
    withdrawn: "応募を辞退しました。",
    stale: "先に状況が変わりました。最新の状態を読み込みました。",
    message: "{name} にメッセージ",
    noSlot: "日時を選んでください。",
  },
  en: {
    title: "My applications",
    intro: "Where your applications stand, and interview times offered to you.",
    empty: "You have not applied to any job yet.",
    findJobs: "Find jobs",
    unknownJob: "(a job that is no longer open)",
    stage: "Stage",
    applied: "Applied {date}",
    updated: "Updated {date}",
    rate: "Your rate {rate}",
    history: "History",
    historyLine: "{date}: {to}",
    reason: " ({reason})",
    interviews: "Interview times offered",
    pending: "An offer awaits your answer",
    chooseSlot: "Choose a time you can make",
    accept: "Take this time",
    decline: "None of these times work",
    declineAnswer: "Message (optional, up to 1,000)",
    answerTooLong: "At most 1,000 characters.",
    accepted: "The interview time is agreed.",
    declined: "You declined the times offered.",
    chosen: "Agreed: {time}",
    place: "Place: {place}",
    join: "Join the online meeting",
    withdraw: "Withdraw application",
    withdrawReason: "Reason (optional, up to 1,000)",
    confirmWithdraw: "Withdraw this application? This cannot be undone.",
    withdrawn: "Application withdrawn.",
    stale: "Things changed meanwhile. The latest is loaded.",
    message: "Message {name}",
    noSlot: "Choose a time.",
  },
});

/**
 * `/applications`: the freelancer's applications. The list has no job titles or interviews, so
 * each application's dossier is read too (at most 50).
 */
export function MyApplications() {
  const t = useT(messages);
  const { loaded, reload } = useLoad(async (signal) => {
    const list = await api<ApplicationView[]>("/v1/me/applications?limit=50", { signal });
    return Promise.all(list.map((a) => api<DossierView>(`/v1/me/applications/${encodeURIComponent(a.id)}`, { signal })));
  }, []);

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <LoadState loaded={loaded} reload={reload}>
        {(dossiers) =>
          dossiers.length === 0 ? (
            <p id="my-applications-empty">
              {t("empty")} <Link to="/jobs">{t("findJobs")}</Link>
            </p>
          ) : (
            <ul className="plain" id="my-applications">
              {dossiers.map((d) => (
                <ApplicationCard key={d.application.id} initial={d} />
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}

function ApplicationCard({ initial }: { initial: DossierView }) {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const [dossier, setDossier] = useState(initial);
  const [reason, setReason] = useState("");
  const action = useAction();
  const a = dossier.application;
  const base = `/v1/me/applications/${encodeURIComponent(a.id)}`;

  const refresh = async () => setDossier(await api<DossierView>(base));
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      void refresh().catch(() => undefined);
      return `${t("stale")} ${problemText(e, language)}`;
    }
    return problemText(e, language);
  };

  const withdraw = () => {
    if (checkAnswer(reason)) {
      action.setNotice({ text: t("answerTooLong"), error: true });
      return;
    }
    if (!window.confirm(t("confirmWithdraw"))) return;
    void action.run(async () => {
      setDossier(
        await api<DossierView>(`${base}/withdraw`, {
          method: "POST",
          body: { expectedVersion: a.version, ...(reason.trim() ? { reason: reason.trim() } : {}) },
        }),
      );
      return t("withdrawn");
    }, onError);
  };

  return (
    <li className="card" data-testid={"my-application-" + a.id} data-stage={a.stage}>
      <h2 style={{ margin: 0, fontSize: "1.1rem" }}>
        {dossier.jobTitle ? <Link to={"/jobs/" + a.jobId}>{dossier.jobTitle}</Link> : t("unknownJob")}{" "}
        <span className={"badge " + a.stage}>{enums(a.stage)}</span>
      </h2>
      <p className="meta-line">
        <span>{t("applied", { date: formatDate(language, a.createdAt) })}</span>
        <span>{t("updated", { date: formatDate(language, a.updatedAt) })}</span>
        {a.proposedRateYen ? <span>{t("rate", { rate: manYen(language, a.proposedRateYen) })}</span> : null}
      </p>
      <details>
        <summary>{t("history")}</summary>
        <ol>
          {dossier.history.map((step, i) => (
            <li key={i}>
              {t("historyLine", { date: formatDate(language, step.at), to: enums(step.to) })}
              {stepReason(step, language) ? t("reason", { reason: stepReason(step, language)! }) : ""}
            </li>
          ))}
        </ol>
      </details>
      {dossier.interviews.length ? (
        <section aria-label={t("interviews")}>
          <h3>{t("interviews")}</h3>
          <ul className="plain">
            {dossier.interviews.map((proposal) => (
              <Interview key={proposal.id} proposal={proposal} base={base} onAnswered={setDossier} onError={onError} />
            ))}
          </ul>
        </section>
      ) : null}
      <NoticeLine notice={action.notice} id={"my-application-notice-" + a.id} />
      {canWithdraw(a.stage) ? (
        <details>
          <summary>{t("withdraw")}</summary>
          <div className="actions">
            <label className="field" style={{ flex: 1 }}>
              {t("withdrawReason")}
              <input id={"withdraw-reason-" + a.id} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="button" className="button danger" disabled={action.busy} data-testid={"withdraw-" + a.id} onClick={withdraw}>
              {t("withdraw")}
            </button>
          </div>
        </details>
      ) : null}
    </li>
  );
}

function Interview(props: {
  proposal: InterviewView;
  base: string;
  onAnswered: (d: DossierView) => void;
  onError: (e: unknown) => string;
}) {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const { proposal } = props;
  const [slot, setSlot] = useState("");
  const [answer, setAnswer] = useState("");
  const action = useAction();
  const path = `${props.base}/interviews/${encodeURIComponent(proposal.id)}`;
  const open = proposal.status === "PROPOSED";

  const accept = () => {
    if (!slot) {
      action.setNotice({ text: t("noSlot"), error: true });
      return;
    }
    void action.run(async () => {
      props.onAnswered(await api<DossierView>(`${path}/accept`, { method: "POST", body: { start: slot } }));
      return t("accepted");
    }, props.onError);
  };
  const decline = () => {
    if (checkAnswer(answer)) {
      action.setNotice({ text: t("answerTooLong"), error: true });
      return;
    }
    void action.run(async () => {
      props.onAnswered(
        await api<DossierView>(`${path}/decline`, { method: "POST", body: answer.trim() ? { answer: answer.trim() } : {} }),
      );
      return t("declined");
    }, props.onError);
  };

  return (
    <li className="card" data-testid={"interview-" + proposal.id} data-status={proposal.status}>
      <p style={{ margin: 0 }}>
        <span className={"badge " + proposal.status}>{enums(proposal.status)}</span>{" "}
        {open ? <strong>{t("pending")}</strong> : null}
      </p>
      {proposal.location ? <p>{t("place", { place: proposal.location })}</p> : null}
      {proposal.meetingUrl ? (
        <p>
          <a href={proposal.meetingUrl} target="_blank" rel="noreferrer noopener">
            {t("join")}
          </a>
        </p>
      ) : null}
      {proposal.chosen ? <p>{t("chosen", { time: formatDate(language, proposal.chosen.start) })}</p> : null}
      {open ? (
        <>
          <fieldset className="checks" style={{ flexDirection: "column" }}>
            <legend>{t("chooseSlot")}</legend>
            {proposal.slots.map((s) => (
              <label key={s.start}>
                <input
                  type="radio"
                  name={"slot-" + proposal.id}
                  value={s.start}
                  checked={slot === s.start}
                  onChange={() => setSlot(s.start)}
                />{" "}
                {formatDate(language, s.start)} – {formatDate(language, s.end)}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="button" className="button" disabled={action.busy} data-testid={"accept-interview-" + proposal.id} onClick={accept}>
              {t("accept")}
            </button>
          </div>
          <div className="actions">
            <label className="field" style={{ flex: 1 }}>
              {t("declineAnswer")}
              <input id={"decline-answer-" + proposal.id} maxLength={1000} value={answer} onChange={(e) => setAnswer(e.target.value)} />
            </label>
            <button type="button" className="button subtle" disabled={action.busy} data-testid={"decline-interview-" + proposal.id} onClick={decline}>
              {t("decline")}
            </button>
          </div>
        </>
      ) : (
        <ul>
          {proposal.slots.map((s) => (
            <li key={s.start}>
              {formatDate(language, s.start)} – {formatDate(language, s.end)}
            </li>
          ))}
        </ul>
      )}
      <NoticeLine notice={action.notice} />
    </li>
  );
}
