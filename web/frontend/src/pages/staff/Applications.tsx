import { useRef, useState, type DragEvent, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link, navigate } from "@proxima/frontend-core/router";
import type {
  ApplicationStage,
  ApplicationView,
  DossierView,
  FreelancerView,
  InterviewView,
  JobSearchResult,
} from "../apiTypes";
import { CONTRACTABLE_STAGES, CreateContractLink } from "../contracts/CreateContractLink";
import { instantOfLocal, manYen } from "../shared/format";
import { ENUM_LABELS } from "../shared/labels";
import { problemText } from "../shared/problems";
import { stepReason } from "../shared/stepReason";
import { LoadState, NoticeLine, useAction, useLoad, type Notice } from "../shared/ui";
import {
  canMove,
  checkProposal,
  columns,
  interviewsPossible,
  isFinal,
  MAX_SLOTS,
  replaced,
  STAGES,
  staffMoves,
  type SlotDraft,
} from "./pipeline";

const messages = defineMessages({
  ja: {
    title: "選考",
    deleted: "退会したユーザー",
    intro: "応募をステージごとに管理します。カードはドラッグ＆ドロップ、または各カードの「移動先」から移動できます。",
    job: "案件",
    allJobs: "すべての案件",
    empty: "まだ応募はありません。",
    columnCount: "{count} 件",
    moveTo: "移動先",
    choose: "選択してください",
    move: "移動",
    details: "詳細",
    message: "メッセージ",
    moved: "{name} さんを「{stage}」に移動しました。",
    refused: "{name} さんを移動できませんでした: {reason}",
    notAllowed: "「{from}」から「{to}」へは移動できません。",
    finalStage: "この応募は確定済みのため移動できません。",
    applied: "応募 {date}",
    rate: "希望単価 {rate}",
    unknownJob: "（閲覧できない案件）",
    dismiss: "閉じる",
    loadingCard: "移動中…",
    // dossier
    dossier: "{name} さんの応募",
    closeDossier: "詳細を閉じる",
    coverNote: "応募メッセージ",
    noCoverNote: "メッセージはありません。",
    history: "経緯",
    profile: "プロフィール",
    historyLine: "{date}: {from}→{to}（{side}）",
    historyReason: "理由: {reason}",
    sideTENANT: "担当者",
    sideFREELANCER: "本人",
    start: "応募",
    notes: "社内メモ（本人には表示されません）",
    noNotes: "メモはありません。",
    noteBody: "メモを追加（4,000字まで）",
    addNote: "メモを追加",
    noteAdded: "メモを追加しました。",
    reject: "見送る",
    rejectReason: "見送り理由（任意・本人に表示されます）",
    interviews: "面談日程",
    noInterviews: "面談の提案はありません。",
    slotsOffered: "候補日時",
    chosen: "確定: {time}",
    answer: "回答: {answer}",
    cancel: "提案を取り消す",
    cancelled: "面談の提案を取り消しました。",
    propose: "面談日程を提案",
    proposeHint: "1〜{max} 件、各4時間以内の未来の日時を提案できます。",
    slot: "候補 {n}",
    slotStart: "候補 {n} 開始",
    slotEnd: "候補 {n} 終了",
    addSlot: "候補を追加",
    removeSlot: "候補 {n} を削除",
    location: "場所（任意・200字まで）",
    meetingUrl: "オンライン会議URL（任意・https://）",
    send: "提案を送る",
    proposed: "面談日程を提案しました。",
    noMoreInterviews: "この段階では面談を提案できません。",
    slotCount: "候補を1〜5件入力してください。",
    slotMissing: "候補 {n} の開始と終了を入力してください。",
    slotOrder: "候補 {n} の終了が開始より前です。",
    slotTooLong: "候補 {n} は4時間以内にしてください。",
    slotPast: "候補 {n} は未来の日時にしてください。",
    slotTwice: "候補 {n} は別の候補と同じ日時です。",
    meetingUrlError: "URLは https:// で始めてください。",
    locationLength: "場所は200字以内にしてください。",
  },
  en: {
    title: "Applications",
    deleted: "Deleted user",
    intro: "Applications by stage. Move a card by drag and drop, or with its \"Move to\" control.",
    job: "Job",
    allJobs: "All jobs",
    empty: "No applications yet.",
    columnCount: "{count}",
    moveTo: "Move to",
    choose: "Choose",
    move: "Move",
    details: "Details",
    message: "Message",
    moved: "Moved {name} to {stage}.",
    refused: "Could not move {name}: {reason}",
    notAllowed: "An application cannot move from {from} to {to}.",
    finalStage: "This application is final and cannot move.",
    applied: "Applied {date}",
    rate: "Asks {rate}",
    unknownJob: "(a job you cannot see)",
    dismiss: "Dismiss",
    loadingCard: "Moving…",
    dossier: "Application of {name}",
    closeDossier: "Close details",
    coverNote: "Cover note",
    noCoverNote: "No cover note.",
    history: "History",
    profile: "Profile",
    historyLine: "{date}: {from} → {to} ({side})",
    historyReason: "Reason: {reason}",
    sideTENANT: "staff",
    sideFREELANCER: "freelancer",
    start: "applied",
    notes: "Internal notes (never shown to the freelancer)",
    noNotes: "No notes.",
    noteBody: "Add a note (up to 4,000 characters)",
    addNote: "Add note",
    noteAdded: "Note added.",
    reject: "Reject",
    rejectReason: "Reason (optional; the freelancer sees it)",
    interviews: "Interviews",
    noInterviews: "No interview proposals.",
    slotsOffered: "Times offered",
    chosen: "Agreed: {time}",
    answer: "Answer: {answer}",
    cancel: "Withdraw proposal",
    cancelled: "The proposal is withdrawn.",
    propose: "Propose interview times",
    proposeHint: "1 to {max} future times, each at most 4 hours.",
    slot: "Time {n}",
    slotStart: "Time {n} start",
    slotEnd: "Time {n} end",
    addSlot: "Add a time",
    removeSlot: "Remove time {n}",
    location: "Place (optional, up to 200)",
    meetingUrl: "Meeting URL (optional, https://)",
    send: "Send proposal",
    proposed: "Interview times proposed.",
    noMoreInterviews: "Interviews cannot be proposed at this stage.",
    slotCount: "Enter 1 to 5 times.",
    slotMissing: "Time {n} needs a start and an end.",
    slotOrder: "Time {n} ends before it starts.",
    slotTooLong: "Time {n} is longer than 4 hours.",
    slotPast: "Time {n} is not in the future.",
    slotTwice: "Time {n} is the same as another.",
    meetingUrlError: "The URL must start with https://.",
    locationLength: "The place is at most 200 characters.",
  },
});

type Board = {
  applications: ApplicationView[];
  jobs: Map<string, string>;
  names: Map<string, string>;
};

/** `/applications` and `/applications/job/:jobId`: the hiring pipeline as a kanban. */
export function Applications({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const stage = useT(ENUM_LABELS);
  const language = useLang();
  const jobId = params.jobId ?? "";
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [refusals, setRefusals] = useState<Map<string, string>>(new Map());
  const [notice, setNotice] = useState<Notice>(null);
  const [dragging, setDragging] = useState<ApplicationView | null>(null);
  const [over, setOver] = useState<ApplicationStage | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [targets, setTargets] = useState<Map<string, ApplicationStage | "">>(new Map());
  const boardRef = useRef<HTMLDivElement>(null);

  const { loaded, reload, set } = useLoad<Board>(
    async (signal) => {
      const query = new URLSearchParams({ limit: "200" });
      if (jobId) query.set("jobId", jobId);
      const [applications, jobs, freelancers] = await Promise.all([
        api<ApplicationView[]>(`/v1/applications?${query}`, { signal }),
        api<JobSearchResult>("/v1/jobs?limit=100&sort=NEWEST", { signal }),
        api<FreelancerView[]>("/v1/freelancers", { signal }).catch(() => [] as FreelancerView[]),
      ]);
      return {
        applications,
        jobs: new Map(jobs.jobs.map((j) => [j.id, j.title])),
        names: new Map([
          ...freelancers.map((f): [string, string] => [
            f.subject,
            f.displayName ?? f.email ?? f.subject,
          ]),
          // Whoever deleted their account is named so, never by their id.
          ...applications
            .filter((a) => a.freelancerErased)
            .map((a): [string, string] => [a.freelancerId, t("deleted")]),
        ]),
      };
    },
    [jobId],
  );

  const board = loaded.data;
  const nameOf = (id: string) => board?.names.get(id) ?? id;

  const move = async (application: ApplicationView, to: ApplicationStage, reason?: string) => {
    if (!board) return;
    const name = nameOf(application.freelancerId);
    if (!canMove(application.stage, to)) {
      const text = isFinal(application.stage)
        ? t("finalStage")
        : t("notAllowed", { from: stage(application.stage), to: stage(to) });
      setRefusals((r) => new Map(r).set(application.id, text));
      setNotice({ text: t("refused", { name, reason: text }), error: true });
      return;
    }
    setBusy((b) => new Set(b).add(application.id));
    setRefusals((r) => {
      const next = new Map(r);
      next.delete(application.id);
      return next;
    });
    try {
      const dossier = await api<DossierView>(`/v1/applications/${encodeURIComponent(application.id)}/stage`, {
        method: "POST",
        body: { to, expectedVersion: application.version, ...(reason ? { reason } : {}) },
      });
      set((b) => ({ ...b, applications: replaced(b.applications, dossier.application) }));
      setNotice({ text: t("moved", { name, stage: stage(to) }) });
      setTargets((m) => new Map(m).set(application.id, ""));
      // keep the keyboard where the card went
      requestAnimationFrame(() =>
        boardRef.current?.querySelector<HTMLElement>(`[data-testid="application-card-${application.id}"]`)?.focus(),
      );
    } catch (e) {
      // The card stays where it was, with the server's reason on it.
      const text = problemText(e, language);
      setRefusals((r) => new Map(r).set(application.id, text));
      setNotice({ text: t("refused", { name, reason: text }), error: true });
      if (e instanceof ApiError && e.status === 409) {
        // a stale version: fetch the card as it is now, so the next try can pass
        try {
          const fresh = await api<DossierView>(`/v1/applications/${encodeURIComponent(application.id)}`);
          set((b) => ({ ...b, applications: replaced(b.applications, fresh.application) }));
        } catch {
          // the refusal already says what happened
        }
      }
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(application.id);
        return next;
      });
    }
  };

  const onDrop = (event: DragEvent, to: ApplicationStage) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData("text/plain");
    const application = board?.applications.find((a) => a.id === id);
    setDragging(null);
    if (application && application.stage !== to) void move(application, to);
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <LoadState loaded={loaded} reload={reload}>
        {(data) => {
          const byStage = columns(data.applications);
          return (
            <>
              <div className="toolbar card">
                <label className="field">
                  {t("job")}
                  <select
                    id="applications-job"
                    value={jobId}
                    onChange={(e) => navigate(e.target.value ? "/applications/job/" + e.target.value : "/applications")}
                  >
                    <option value="">{t("allJobs")}</option>
                    {[...data.jobs].map(([id, title]) => (
                      <option key={id} value={id}>
                        {title}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <NoticeLine notice={notice} id="pipeline-notice" />
              {data.applications.length === 0 ? <p id="applications-empty">{t("empty")}</p> : null}
              <div className="kanban" id="pipeline" ref={boardRef}>
                {STAGES.map((column) => {
                  const allowed = dragging ? canMove(dragging.stage, column) : false;
                  const className =
                    "kanban-column" +
                    (isFinal(column) ? " final" : "") +
                    (over === column ? (allowed ? " drop" : " drop-refused") : "");
                  return (
                    <section
                      key={column}
                      className={className}
                      data-testid={"kanban-column-" + column}
                      aria-labelledby={"kanban-heading-" + column}
                      onDragOver={(e) => {
                        if (!dragging || dragging.stage === column) return;
                        e.preventDefault(); // a refused drop still lands, to say why
                        e.dataTransfer.dropEffect = allowed ? "move" : "none";
                        setOver(column);
                      }}
                      onDragLeave={() => setOver((o) => (o === column ? null : o))}
                      onDrop={(e) => onDrop(e, column)}
                    >
                      <h2 id={"kanban-heading-" + column}>
                        <span>{stage(column)}</span>
                        <span className="badge">{t("columnCount", { count: byStage[column].length })}</span>
                      </h2>
                      <ol>
                        {byStage[column].map((application) => {
                          const name = nameOf(application.freelancerId);
                          const moves = staffMoves(application.stage);
                          const refusal = refusals.get(application.id);
                          const target = targets.get(application.id) ?? "";
                          const selectId = "move-" + application.id;
                          return (
                            <li
                              key={application.id}
                              className={"kanban-card" + (refusal ? " refused" : "")}
                              data-testid={"application-card-" + application.id}
                              data-stage={application.stage}
                              tabIndex={-1}
                              draggable={moves.length > 0 && !busy.has(application.id)}
                              aria-busy={busy.has(application.id)}
                              onDragStart={(e) => {
                                e.dataTransfer.setData("text/plain", application.id);
                                e.dataTransfer.effectAllowed = "move";
                                setDragging(application);
                              }}
                              onDragEnd={() => {
                                setDragging(null);
                                setOver(null);
                              }}
                            >
                              <h3>{name}</h3>
                              <p className="meta-line">
                                <span>{data.jobs.get(application.jobId) ?? t("unknownJob")}</span>
                                <span>{t("applied", { date: formatDate(language, application.createdAt) })}</span>
                                {application.proposedRateYen ? (
                                  <span>{t("rate", { rate: manYen(language, application.proposedRateYen) })}</span>
                                ) : null}
                              </p>
                              {busy.has(application.id) ? <p className="muted">{t("loadingCard")}</p> : null}
                              {refusal ? (
                                <p className="error" data-testid={"application-refusal-" + application.id}>
                                  {refusal}{" "}
                                  <button
                                    type="button"
                                    className="button subtle"
                                    onClick={() =>
                                      setRefusals((r) => {
                                        const next = new Map(r);
                                        next.delete(application.id);
                                        return next;
                                      })
                                    }
                                  >
                                    {t("dismiss")}
                                  </button>
                                </p>
                              ) : null}
                              {moves.length > 0 ? (
                                <form
                                  className="actions"
                                  onSubmit={(e: FormEvent) => {
                                    e.preventDefault();
                                    if (target) void move(application, target);
                                  }}
                                >
                                  <label className="field" htmlFor={selectId}>
                                    <span className="visually-hidden">
                                      {t("moveTo")} ({name})
                                    </span>
                                    <select
                                      id={selectId}
                                      data-testid={"application-move-" + application.id}
                                      value={target}
                                      disabled={busy.has(application.id)}
                                      onChange={(e) =>
                                        setTargets((m) => new Map(m).set(application.id, e.target.value as ApplicationStage))
                                      }
                                    >
                                      <option value="">{t("moveTo")}…</option>
                                      {moves.map((to) => (
                                        <option key={to} value={to}>
                                          {stage(to)}
                                        </option>
                                      ))}
                                    </select>
                                  </label>
                                  <button type="submit" className="button subtle" disabled={!target || busy.has(application.id)}>
                                    {t("move")}
                                  </button>
                                </form>
                              ) : null}
                              <div className="actions">
                                <button
                                  type="button"
                                  className="button subtle"
                                  aria-expanded={open === application.id}
                                  aria-controls="application-dossier"
                                  data-testid={"application-details-" + application.id}
                                  onClick={() => setOpen(open === application.id ? null : application.id)}
                                >
                                  {t("details")}
                                </button>
                                <Link to={"/messages/" + encodeURIComponent(application.freelancerId)}>{t("message")}</Link>
                                <Link to={"/freelancers/" + encodeURIComponent(application.freelancerId)}>{t("profile")}</Link>
                                {CONTRACTABLE_STAGES.includes(application.stage) ? (
                                  <CreateContractLink freelancerId={application.freelancerId} jobId={application.jobId} applicationId={application.id} testId={"application-contract-" + application.id} />
                                ) : null}
                              </div>
                            </li>
                          );
                        })}
                      </ol>
                    </section>
                  );
                })}
              </div>
              {open ? (
                <Dossier
                  key={open}
                  id={open}
                  name={nameOf(data.applications.find((a) => a.id === open)?.freelancerId ?? "")}
                  onMoved={(application) => set((b) => ({ ...b, applications: replaced(b.applications, application) }))}
                  onMove={(application, to, reason) => move(application, to, reason)}
                  onClose={() => setOpen(null)}
                />
              ) : null}
            </>
          );
        }}
      </LoadState>
    </>
  );
}

type DossierProps = {
  id: string;
  name: string;
  onMoved: (application: ApplicationView) => void;
  onMove: (application: ApplicationView, to: ApplicationStage, reason?: string) => Promise<void>;
  onClose: () => void;
};

/** One application: cover note, history, private notes, interview proposals; reject with reason. */
function Dossier({ id, name, onMoved, onMove, onClose }: DossierProps) {
  const t = useT(messages);
  const stage = useT(ENUM_LABELS);
  const language = useLang();
  const action = useAction();
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const { loaded, reload, set } = useLoad(
    (signal) => api<DossierView>(`/v1/applications/${encodeURIComponent(id)}`, { signal }),
    [id],
  );

  const addNote = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return;
    void action.run(
      async () => {
        await api(`/v1/applications/${encodeURIComponent(id)}/notes`, { method: "POST", body: { body: note } });
        setNote("");
        reload();
        return t("noteAdded");
      },
      (e) => problemText(e, language),
    );
  };

  const cancel = (proposal: InterviewView) =>
    void action.run(
      async () => {
        await api(`/v1/applications/${encodeURIComponent(id)}/interviews/${encodeURIComponent(proposal.id)}/cancel`, {
          method: "POST",
        });
        reload();
        return t("cancelled");
      },
      (e) => problemText(e, language),
    );

  return (
    <section className="card dossier" id="application-dossier" aria-labelledby="dossier-heading">
      <LoadState loaded={loaded} reload={reload}>
        {(dossier) => (
          <>
            <div className="page-head">
              <h2 id="dossier-heading" style={{ margin: 0 }}>
                {t("dossier", { name })} — {dossier.jobTitle ?? t("unknownJob")}{" "}
                <span className={"badge " + dossier.application.stage}>{stage(dossier.application.stage)}</span>
              </h2>
              <button type="button" className="button subtle" onClick={onClose}>
                {t("closeDossier")}
              </button>
            </div>
            <NoticeLine notice={action.notice} id="dossier-notice" />
            <h3>{t("coverNote")}</h3>
            <p style={{ whiteSpace: "pre-wrap" }}>{dossier.application.coverNote ?? t("noCoverNote")}</p>
            {staffMoves(dossier.application.stage).includes("REJECTED") ? (
              <form
                className="actions"
                onSubmit={(e) => {
                  e.preventDefault();
                  void onMove(dossier.application, "REJECTED", reason.trim() || undefined).then(reload);
                }}
              >
                <label className="field" style={{ flex: 1 }}>
                  {t("rejectReason")}
                  <input id="reject-reason" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
                </label>
                <button type="submit" className="button danger" id="reject-application">
                  {t("reject")}
                </button>
              </form>
            ) : null}
            <h3>{t("history")}</h3>
            <ol id="application-history">
              {dossier.history.map((step, i) => (
                <li key={i}>
                  {t("historyLine", {
                    date: formatDate(language, step.at),
                    from: step.from ? stage(step.from) : t("start"),
                    to: stage(step.to),
                    side: t(step.side === "TENANT" ? "sideTENANT" : "sideFREELANCER"),
                  })}
                  {stepReason(step, language) ? ` — ${t("historyReason", { reason: stepReason(step, language)! })}` : ""}
                </li>
              ))}
            </ol>
            <h3>{t("interviews")}</h3>
            {dossier.interviews.length === 0 ? <p className="muted">{t("noInterviews")}</p> : null}
            <ul className="plain" id="application-interviews">
              {dossier.interviews.map((proposal) => (
                <li key={proposal.id} className="card" data-testid={"interview-" + proposal.id}>
                  <p>
                    <span className={"badge " + proposal.status}>{stage(proposal.status)}</span>{" "}
                    {formatDate(language, proposal.proposedAt)}
                  </p>
                  <p>{t("slotsOffered")}:</p>
                  <ul>
                    {proposal.slots.map((slot) => (
                      <li key={slot.start}>
                        {formatDate(language, slot.start)} – {formatDate(language, slot.end)}
                      </li>
                    ))}
                  </ul>
                  {proposal.location ? <p>{proposal.location}</p> : null}
                  {proposal.meetingUrl ? (
                    <p>
                      <a href={proposal.meetingUrl} target="_blank" rel="noreferrer noopener">
                        {proposal.meetingUrl}
                      </a>
                    </p>
                  ) : null}
                  {proposal.chosen ? <p>{t("chosen", { time: formatDate(language, proposal.chosen.start) })}</p> : null}
                  {proposal.answer ? <p>{t("answer", { answer: proposal.answer })}</p> : null}
                  {proposal.status === "PROPOSED" ? (
                    <button type="button" className="button subtle" disabled={action.busy} onClick={() => cancel(proposal)}>
                      {t("cancel")}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
            {interviewsPossible(dossier.application.stage) ? (
              <ProposeForm
                applicationId={id}
                onProposed={(interview) => {
                  set({ ...dossier, interviews: [...dossier.interviews, interview] });
                  onMoved(dossier.application);
                }}
              />
            ) : (
              <p className="muted">{t("noMoreInterviews")}</p>
            )}
            <h3>{t("notes")}</h3>
            {dossier.notes.length === 0 ? <p className="muted">{t("noNotes")}</p> : null}
            <ul id="application-notes">
              {dossier.notes.map((n) => (
                <li key={n.id}>
                  <span className="muted">{formatDate(language, n.writtenAt)}</span> <span style={{ whiteSpace: "pre-wrap" }}>{n.body}</span>
                </li>
              ))}
            </ul>
            <form onSubmit={addNote} className="stack">
              <label className="field">
                {t("noteBody")}
                <textarea id="note-body" maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
              <div className="actions">
                <button type="submit" className="button" disabled={action.busy || !note.trim()} id="add-note">
                  {t("addNote")}
                </button>
              </div>
            </form>
          </>
        )}
      </LoadState>
    </section>
  );
}

function ProposeForm({ applicationId, onProposed }: { applicationId: string; onProposed: (i: InterviewView) => void }) {
  const t = useT(messages);
  const language = useLang();
  const action = useAction();
  const [slots, setSlots] = useState<SlotDraft[]>([{ start: "", end: "" }]);
  const [location, setLocation] = useState("");
  const [meetingUrl, setMeetingUrl] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const instants = slots.map((s) => ({ start: instantOfLocal(s.start) ?? "", end: instantOfLocal(s.end) ?? "" }));
    const problem = checkProposal(instants, meetingUrl, location, new Date());
    if (problem) {
      const key = problem.key === "meetingUrl" ? "meetingUrlError" : problem.key;
      setError(t(key, { n: (problem.slot ?? 0) + 1 }));
      return;
    }
    setError(null);
    void action.run(
      async () => {
        const interview = await api<InterviewView>(`/v1/applications/${encodeURIComponent(applicationId)}/interviews`, {
          method: "POST",
          body: {
            slots: instants.filter((s) => s.start),
            ...(location.trim() ? { location: location.trim() } : {}),
            ...(meetingUrl.trim() ? { meetingUrl: meetingUrl.trim() } : {}),
          },
        });
        onProposed(interview);
        setSlots([{ start: "", end: "" }]);
        return t("proposed");
      },
      (e) => problemText(e, language),
    );
  };

  return (
    <form onSubmit={submit} id="interview-form" noValidate>
      <fieldset className="group">
        <legend>{t("propose")}</legend>
        <p className="muted">{t("proposeHint", { max: MAX_SLOTS })}</p>
        <div className="slots">
          {slots.map((slot, i) => (
            <div className="slot-row" key={i} role="group" aria-label={t("slot", { n: i + 1 })}>
              <label className="field">
                {t("slotStart", { n: i + 1 })}
                <input
                  type="datetime-local"
                  id={`slot-start-${i}`}
                  value={slot.start}
                  onChange={(e) => setSlots(slots.map((s, j) => (j === i ? { ...s, start: e.target.value } : s)))}
                />
              </label>
              <label className="field">
                {t("slotEnd", { n: i + 1 })}
                <input
                  type="datetime-local"
                  id={`slot-end-${i}`}
                  value={slot.end}
                  min={slot.start || undefined}
                  onChange={(e) => setSlots(slots.map((s, j) => (j === i ? { ...s, end: e.target.value } : s)))}
                />
              </label>
              {slots.length > 1 ? (
                <button type="button" className="button subtle" onClick={() => setSlots(slots.filter((_, j) => j !== i))}>
                  {t("removeSlot", { n: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
        </div>
        {slots.length < MAX_SLOTS ? (
          <p>
            <button type="button" className="button subtle" onClick={() => setSlots([...slots, { start: "", end: "" }])}>
              {t("addSlot")}
            </button>
          </p>
        ) : null}
        <div className="form-grid">
          <label className="field">
            {t("location")}
            <input id="interview-location" maxLength={200} value={location} onChange={(e) => setLocation(e.target.value)} />
          </label>
          <label className="field">
            {t("meetingUrl")}
            <input id="interview-url" type="url" value={meetingUrl} onChange={(e) => setMeetingUrl(e.target.value)} />
          </label>
        </div>
        {error ? (
          <p className="error" role="alert" id="interview-error">
            {error}
          </p>
        ) : null}
        <NoticeLine notice={action.notice} id="interview-notice" />
        <button type="submit" className="button" disabled={action.busy} id="propose-interview">
          {t("send")}
        </button>
      </fieldset>
    </form>
  );
}
