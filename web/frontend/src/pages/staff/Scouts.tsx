import { useEffect, useState, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import type { AllowanceView, FreelancerView, JobSearchResult, ScoutView } from "../apiTypes";
import { CreateContractLink } from "../contracts/CreateContractLink";
import { ENUM_LABELS } from "../shared/labels";
import { problemText, serverErrors, type FieldErrors } from "../shared/problems";
import { FieldError, invalid, LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { checkScout, quotaLevel, quotaText, SCOUT_MESSAGE_LIMIT, type ScoutErrorKey } from "./scouts";

const messages = defineMessages({
  ja: {
    title: "スカウト",
    intro: "プロフィールを共有しているフリーランスにスカウトを送ります。スカウトはメッセージとして届き、本人が承諾・辞退で回答します。",
    quota: "今月のスカウト枠",
    quotaUnknown: "スカウト枠を取得できませんでした。",
    send: "スカウトを送る",
    freelancerId: "送り先",
    chooseFreelancer: "フリーランスを選択",
    noFreelancers: "プロフィールを共有しているフリーランスがいません。",
    jobId: "案件（任意・公開中のみ）",
    noJob: "案件を指定しない",
    message: "メッセージ（4,000字まで）",
    remaining: "残り {count} 字",
    submit: "送信（枠を1件使います）",
    sent: "{name} さんにスカウトを送りました。",
    freelancerRequired: "送り先を選択してください。",
    messageRequired: "メッセージを入力してください。",
    messageTooLong: "メッセージは4,000字以内にしてください。",
    quotaSpent: "今月のスカウト枠を使い切りました。",
    sentList: "送信済みのスカウト",
    empty: "まだスカウトを送っていません。",
    to: "送り先",
    job: "案件",
    status: "状態",
    sentAt: "送信日時",
    answer: "回答",
    none: "—",
    conversation: "会話を開く",
    filterJob: "案件で絞り込み",
    allJobs: "すべて",
  },
  en: {
    title: "Scouts",
    intro: "Scout freelancers who share their profile with you. A scout arrives as a message; they accept or decline.",
    quota: "This month's scouts",
    quotaUnknown: "The scout allowance could not be loaded.",
    send: "Send a scout",
    freelancerId: "To",
    chooseFreelancer: "Choose a freelancer",
    noFreelancers: "No freelancer shares their profile with you yet.",
    jobId: "Job (optional, open jobs only)",
    noJob: "No particular job",
    message: "Message (up to 4,000 characters)",
    remaining: "{count} characters left",
    submit: "Send (uses one scout)",
    sent: "Scout sent to {name}.",
    freelancerRequired: "Choose who to scout.",
    messageRequired: "Write a message.",
    messageTooLong: "The message is at most 4,000 characters.",
    quotaSpent: "This month's scouts are spent.",
    sentList: "Sent scouts",
    empty: "No scouts sent yet.",
    to: "To",
    job: "Job",
    status: "Status",
    sentAt: "Sent",
    answer: "Answer",
    none: "—",
    conversation: "Open conversation",
    filterJob: "Filter by job",
    allJobs: "All",
  },
});

const FORM_ID = "scout-form";

type Context = {
  allowance: AllowanceView | null;
  freelancers: FreelancerView[];
  jobs: { id: string; title: string; status: string }[];
};

/** `/scouts` and `/scouts/to/:freelancerId(/:jobId)`: the allowance, a scout form, sent scouts. */
export function Scouts({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const [freelancerId, setFreelancerId] = useState(params.freelancerId ?? "");
  const [jobId, setJobId] = useState(params.jobId ?? "");
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"freelancerId" | "jobId" | "message">>({});
  const [filterJob, setFilterJob] = useState("");
  const action = useAction();

  useEffect(() => {
    setFreelancerId(params.freelancerId ?? "");
    setJobId(params.jobId ?? "");
  }, [params.freelancerId, params.jobId]);

  const context = useLoad<Context>(
    async (signal) => {
      const [allowance, freelancers, jobs] = await Promise.all([
        api<AllowanceView>("/v1/scouts/allowance", { signal }).catch((e) => {
          if (e instanceof DOMException) throw e;
          return null;
        }),
        api<FreelancerView[]>("/v1/freelancers", { signal }),
        api<JobSearchResult>("/v1/jobs?limit=100&sort=NEWEST", { signal }),
      ]);
      return { allowance, freelancers, jobs: jobs.jobs.map((j) => ({ id: j.id, title: j.title, status: j.status })) };
    },
    [],
  );
  const sent = useLoad(
    (signal) =>
      api<ScoutView[]>(`/v1/scouts?limit=200${filterJob ? "&jobId=" + encodeURIComponent(filterJob) : ""}`, { signal }),
    [filterJob],
  );

  const data = context.loaded.data;
  const nameOf = (id: string) => {
    const found = data?.freelancers.find((f) => f.subject === id);
    return found?.displayName ?? found?.email ?? id;
  };
  const titleOf = (id: string | null | undefined) => (id ? (data?.jobs.find((j) => j.id === id)?.title ?? id) : t("none"));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const keys = checkScout(freelancerId, message, data?.allowance ?? null);
    const entries = Object.entries(keys) as [keyof typeof keys, ScoutErrorKey][];
    if (entries.length) {
      setErrors(Object.fromEntries(entries.map(([field, key]) => [field, t(key)])));
      const first = entries.find(([f]) => f !== "form");
      if (first) document.getElementById(`${FORM_ID}-${first[0]}`)?.focus();
      return;
    }
    setErrors({});
    void action.run(
      async () => {
        await api<ScoutView>("/v1/scouts", {
          method: "POST",
          body: { freelancerId, message: message.trim(), ...(jobId ? { jobId } : {}) },
        });
        setMessage("");
        sent.reload();
        context.reload();
        return t("sent", { name: nameOf(freelancerId) });
      },
      (e) => {
        const found = serverErrors(e, language, ["freelancerId", "jobId", "message"] as const);
        setErrors(found);
        if (e instanceof ApiError && e.status === 403) context.reload(); // the allowance may be spent
        return found.form ?? Object.values(found)[0] ?? problemText(e, language);
      },
    );
  };

  const allowance = data?.allowance ?? null;
  const left = SCOUT_MESSAGE_LIMIT - [...message].length;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <LoadState loaded={context.loaded} reload={context.reload}>
        {(ctx) => (
          <>
            <section className="card" aria-labelledby="quota-heading">
              <h2 id="quota-heading" style={{ marginTop: 0 }}>
                {t("quota")}
              </h2>
              {ctx.allowance ? (
                <div className="quota">
                  <meter
                    min={0}
                    max={ctx.allowance.limit}
                    low={Math.max(1, Math.floor(ctx.allowance.limit * 0.1)) + 0.5}
                    optimum={ctx.allowance.limit}
                    value={ctx.allowance.remaining}
                    aria-hidden="true"
                  />
                  <p
                    id="scout-quota"
                    aria-live="polite"
                    data-remaining={ctx.allowance.remaining}
                    data-limit={ctx.allowance.limit}
                    className={quotaLevel(ctx.allowance) === "ok" ? "" : "error"}
                  >
                    {quotaText(language, ctx.allowance)}
                  </p>
                </div>
              ) : (
                <p id="scout-quota" className="error" role="alert">
                  {t("quotaUnknown")}
                </p>
              )}
            </section>
            <form className="card" id={FORM_ID} onSubmit={submit} noValidate style={{ marginTop: 16 }}>
              <h2 style={{ marginTop: 0 }}>{t("send")}</h2>
              {errors.form ? (
                <p className="form-error" role="alert" id={`${FORM_ID}-form-error`}>
                  {errors.form}
                </p>
              ) : null}
              {ctx.freelancers.length === 0 ? <p className="muted">{t("noFreelancers")}</p> : null}
              <div className="form-grid">
                <label className="field">
                  {t("freelancerId")}
                  <select
                    {...invalid(FORM_ID, "freelancerId", errors.freelancerId)}
                    value={freelancerId}
                    required
                    onChange={(e) => setFreelancerId(e.target.value)}
                  >
                    <option value="">{t("chooseFreelancer")}</option>
                    {freelancerId && !ctx.freelancers.some((f) => f.subject === freelancerId) ? (
                      <option value={freelancerId}>{freelancerId}</option>
                    ) : null}
                    {ctx.freelancers.map((f) => (
                      <option key={f.subject} value={f.subject}>
                        {f.displayName ?? f.email ?? f.subject}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${FORM_ID}-freelancerId-error`} text={errors.freelancerId} />
                </label>
                <label className="field">
                  {t("jobId")}
                  <select {...invalid(FORM_ID, "jobId", errors.jobId)} value={jobId} onChange={(e) => setJobId(e.target.value)}>
                    <option value="">{t("noJob")}</option>
                    {ctx.jobs
                      .filter((j) => j.status === "OPEN" || j.id === jobId)
                      .map((j) => (
                        <option key={j.id} value={j.id}>
                          {j.title}
                        </option>
                      ))}
                  </select>
                  <FieldError id={`${FORM_ID}-jobId-error`} text={errors.jobId} />
                </label>
                <label className="field span-all">
                  {t("message")}
                  <textarea
                    {...invalid(FORM_ID, "message", errors.message)}
                    rows={6}
                    required
                    value={message}
                    onChange={(e) => setMessage(e.target.value)}
                  />
                  <span className={"hint" + (left < 0 ? " error" : "")} aria-live="polite">
                    {t("remaining", { count: left })}
                  </span>
                  <FieldError id={`${FORM_ID}-message-error`} text={errors.message} />
                </label>
              </div>
              <NoticeLine notice={action.notice} id="scout-notice" />
              <button
                type="submit"
                className="button accent"
                id="send-scout"
                disabled={action.busy || (allowance !== null && allowance.remaining <= 0)}
              >
                {t("submit")}
              </button>
            </form>
          </>
        )}
      </LoadState>
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">{t("sentList")}</h2>
        {data ? (
          <div className="toolbar">
            <label className="field">
              {t("filterJob")}
              <select id="scouts-filter-job" value={filterJob} onChange={(e) => setFilterJob(e.target.value)}>
                <option value="">{t("allJobs")}</option>
                {data.jobs.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.title}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ) : null}
        <LoadState loaded={sent.loaded} reload={sent.reload}>
          {(scouts) =>
            scouts.length === 0 ? (
              <p id="scouts-empty">{t("empty")}</p>
            ) : (
              <div className="table-wrap">
                <table className="grid responsive" id="scouts-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("to")}</th>
                      <th scope="col">{t("job")}</th>
                      <th scope="col">{t("status")}</th>
                      <th scope="col">{t("sentAt")}</th>
                      <th scope="col">{t("answer")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {scouts.map((scout) => (
                      <tr key={scout.id} data-testid={"scout-row-" + scout.id} data-status={scout.status}>
                        <td data-label={t("to")}>
                          {nameOf(scout.freelancerId)}{" "}
                          <Link to={"/messages/" + encodeURIComponent(scout.freelancerId)}>{t("conversation")}</Link>
                        </td>
                        <td data-label={t("job")}>{titleOf(scout.jobId)}</td>
                        <td data-label={t("status")}>
                          <span className={"badge " + scout.status}>{enums(scout.status)}</span>
                        </td>
                        <td data-label={t("sentAt")}>{formatDate(language, scout.sentAt)}</td>
                        <td data-label={t("answer")}>
                          {scout.answeredAt ? formatDate(language, scout.answeredAt) + " " : ""}
                          {scout.answer ?? ""}
                          {scout.status === "ACCEPTED" ? (
                            <CreateContractLink freelancerId={scout.freelancerId} jobId={scout.jobId} testId={"scout-contract-" + scout.id} />
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </LoadState>
      </section>
    </>
  );
}
