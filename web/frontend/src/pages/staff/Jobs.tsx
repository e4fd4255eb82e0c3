import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link, navigate } from "@proxima/frontend-core/router";
import { useSession } from "../../session";
import {
  CONTRACT_TYPES,
  CULTURES,
  JOB_STATUSES,
  WORK_STYLES,
  type JobSearchResult,
  type JobStatus,
  type JobView,
  type WorkspaceView,
} from "../apiTypes";
import { rateRange } from "../shared/format";
import { problemText, serverErrors, type FieldErrors } from "../shared/problems";
import { FieldError, invalid, LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { ENUM_LABELS } from "../shared/labels";
import { PREFECTURES } from "../freelancer/jobQuery";
import {
  checkJob,
  draftOfJob,
  EMPTY_JOB,
  JOB_ALIASES,
  JOB_FIELDS,
  jobActions,
  type JobDraft,
  type JobErrorKey,
  type JobField,
} from "./jobForm";

const messages = defineMessages({
  ja: {
    title: "案件",
    intro: "自社の案件を作成・公開・募集終了できます。公開中の案件だけがフリーランスに表示されます。",
    newJob: "案件を作成",
    search: "キーワード",
    status: "状態",
    all: "すべて",
    filter: "絞り込み",
    empty: "条件に合う案件はありません。",
    count: "{count} 件",
    moreCount: "{count} 件以上",
    jobTitle: "案件名",
    client: "クライアント",
    rate: "単価（月額）",
    workStyle: "働き方",
    updated: "更新日",
    actions: "操作",
    edit: "編集",
    view: "詳細",
    candidates: "候補者",
    applications: "選考",
    publish: "公開する",
    close: "募集を終了",
    delete: "削除",
    confirmClose: "「{title}」の募集を終了しますか？終了すると再公開はできません。",
    confirmDelete: "下書き「{title}」を削除しますか？",
    published: "「{title}」を公開しました。",
    closed: "「{title}」の募集を終了しました。",
    deleted: "下書きを削除しました。",
    more: "さらに表示",
    taxIncl: "税込",
    taxExcl: "税抜",
    noRate: "単価未設定",
  },
  en: {
    title: "Jobs",
    intro: "Create, publish and close your jobs. Only open jobs are shown to freelancers.",
    newJob: "New job",
    search: "Keywords",
    status: "Status",
    all: "All",
    filter: "Filter",
    empty: "No job matches.",
    count: "{count} jobs",
    moreCount: "{count}+ jobs",
    jobTitle: "Title",
    client: "Client",
    rate: "Monthly rate",
    workStyle: "Work style",
    updated: "Updated",
    actions: "Actions",
    edit: "Edit",
    view: "Details",
    candidates: "Candidates",
    applications: "Applications",
    publish: "Publish",
    close: "Close",
    delete: "Delete",
    confirmClose: "Close \"{title}\"? A closed job cannot be reopened.",
    confirmDelete: "Delete the draft \"{title}\"?",
    published: "\"{title}\" is open.",
    closed: "\"{title}\" is closed.",
    deleted: "The draft is deleted.",
    more: "Show more",
    taxIncl: "tax incl.",
    taxExcl: "tax excl.",
    noRate: "No rate set",
  },
});

/** Publishes or closes a job by id: the list has no versions, so read the job first. */
async function changeState(id: string, action: "publish" | "close"): Promise<JobView> {
  const job = await api<JobView>(`/v1/jobs/${encodeURIComponent(id)}`);
  return api<JobView>(`/v1/jobs/${encodeURIComponent(id)}/${action}`, {
    method: "POST",
    body: { expectedVersion: job.version },
  });
}

/** The tenant's jobs in every state. */
export function Jobs() {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const [status, setStatus] = useState<JobStatus | "">("");
  const [text, setText] = useState("");
  const [query, setQuery] = useState({ status: "" as JobStatus | "", text: "" });
  const [extra, setExtra] = useState<JobSearchResult["jobs"]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const action = useAction();

  const { loaded, reload } = useLoad(
    async (signal) => {
      const params = new URLSearchParams({ limit: "50" });
      if (query.status) params.set("status", query.status);
      if (query.text) params.set("q", query.text);
      const result = await api<JobSearchResult>(`/v1/jobs?${params}`, { signal });
      setExtra([]);
      setCursor(result.nextCursor ?? null);
      return result;
    },
    [query],
  );

  const more = () =>
    void action.run(
      async () => {
        const params = new URLSearchParams({ limit: "50", cursor: cursor! });
        if (query.status) params.set("status", query.status);
        if (query.text) params.set("q", query.text);
        const page = await api<JobSearchResult>(`/v1/jobs?${params}`);
        setExtra((before) => [...before, ...page.jobs]);
        setCursor(page.nextCursor ?? null);
        return null;
      },
      (e) => problemText(e, language),
    );

  const act = (id: string, title: string, kind: "publish" | "close" | "delete") => {
    if (kind === "close" && !window.confirm(t("confirmClose", { title }))) return;
    if (kind === "delete" && !window.confirm(t("confirmDelete", { title }))) return;
    void action.run(
      async () => {
        if (kind === "delete") {
          await api(`/v1/jobs/${encodeURIComponent(id)}`, { method: "DELETE" });
        } else {
          await changeState(id, kind);
        }
        reload();
        return kind === "delete" ? t("deleted") : t(kind === "publish" ? "published" : "closed", { title });
      },
      (e) => problemText(e, language),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ status, text: text.trim() });
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        <Link to="/jobs/new" className="button accent">
          {t("newJob")}
        </Link>
      </div>
      <form className="toolbar card" role="search" onSubmit={submit} id="job-filter">
        <label className="field">
          {t("search")}
          <input type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label className="field">
          {t("status")}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value as JobStatus | "")}>
            <option value="">{t("all")}</option>
            {JOB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {enums(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("filter")}
        </button>
      </form>
      <NoticeLine notice={action.notice} id="jobs-notice" />
      <LoadState loaded={loaded} reload={reload}>
        {(result) => {
          const jobs = [...result.jobs, ...extra];
          return (
            <>
              <p className="muted" aria-live="polite" id="jobs-count">
                {result.total != null
                  ? t(result.totalExact === false ? "moreCount" : "count", { count: result.total })
                  : null}
              </p>
              {jobs.length === 0 ? (
                <p id="jobs-empty">{t("empty")}</p>
              ) : (
                <div className="table-wrap">
                  <table className="grid responsive" id="jobs-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("jobTitle")}</th>
                        <th scope="col">{t("status")}</th>
                        <th scope="col">{t("client")}</th>
                        <th scope="col">{t("rate")}</th>
                        <th scope="col">{t("workStyle")}</th>
                        <th scope="col">{t("updated")}</th>
                        <th scope="col">{t("actions")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {jobs.map((job) => {
                        const can = jobActions(job.status);
                        const rate = rateRange(language, job.rateMinYen, job.rateMaxYen);
                        return (
                          <tr key={job.id} data-testid={"job-row-" + job.id} data-status={job.status}>
                            <td data-label={t("jobTitle")}>
                              <Link to={"/jobs/" + job.id}>{job.title}</Link>
                            </td>
                            <td data-label={t("status")}>
                              <span className={"badge " + job.status}>{enums(job.status)}</span>
                            </td>
                            <td data-label={t("client")}>{job.workspaceName ?? ""}</td>
                            <td data-label={t("rate")}>
                              {rate ? `${rate}（${t(job.rateTaxIncluded ? "taxIncl" : "taxExcl")}）` : t("noRate")}
                            </td>
                            <td data-label={t("workStyle")}>
                              {enums(job.workStyle)}
                              {job.location ? ` · ${job.location}` : ""}
                            </td>
                            <td data-label={t("updated")}>{formatDate(language, job.updatedAt)}</td>
                            <td data-label={t("actions")}>
                              <div className="actions">
                                <Link to={"/jobs/" + job.id}>{can.edit ? t("edit") : t("view")}</Link>
                                {job.status === "OPEN" ? (
                                  <Link to={"/candidates/" + job.id}>{t("candidates")}</Link>
                                ) : null}
                                <Link to={"/applications/job/" + job.id}>{t("applications")}</Link>
                                {can.publish ? (
                                  <button
                                    type="button"
                                    className="button"
                                    disabled={action.busy}
                                    data-testid={"job-publish-" + job.id}
                                    onClick={() => act(job.id, job.title, "publish")}
                                  >
                                    {t("publish")}
                                  </button>
                                ) : null}
                                {can.close ? (
                                  <button
                                    type="button"
                                    className="button subtle"
                                    disabled={action.busy}
                                    data-testid={"job-close-" + job.id}
                                    onClick={() => act(job.id, job.title, "close")}
                                  >
                                    {t("close")}
                                  </button>
                                ) : null}
                                {can.delete ? (
                                  <button
                                    type="button"
                                    className="button danger"
                                    disabled={action.busy}
                                    data-testid={"job-delete-" + job.id}
                                    onClick={() => act(job.id, job.title, "delete")}
                                  >
                                    {t("delete")}
                                  </button>
                                ) : null}
                              </div>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              {cursor ? (
                <p>
                  <button type="button" className="button subtle" onClick={more} disabled={action.busy} id="jobs-more">
                    {t("more")}
                  </button>
                </p>
              ) : null}
            </>
          );
        }}
      </LoadState>
    </>
  );
}

const formMessages = defineMessages({
  ja: {
    newTitle: "案件を作成",
    editTitle: "案件を編集",
    viewTitle: "案件の詳細",
    back: "案件一覧へ",
    basics: "基本情報",
    skills: "スキル",
    terms: "条件",
    workspaceId: "クライアント企業",
    ownTenant: "自社（クライアント指定なし）",
    title: "案件名（200字まで）",
    description: "業務内容（20,000字まで）",
    requiredSkills: "必須スキル（1行に1つ。「Java 3」のように経験年数も書けます）",
    preferredSkills: "歓迎スキル（1行に1つ）",
    rateMinYen: "単価 下限（万円/月）",
    rateMaxYen: "単価 上限（万円/月）",
    rateTaxIncluded: "単価は税込",
    settlementMinHours: "精算幅 下限（時間/月）",
    settlementMaxHours: "精算幅 上限（時間/月）",
    daysMin: "週の稼働日数 下限",
    daysMax: "週の稼働日数 上限",
    workStyle: "働き方",
    location: "勤務地（100字まで・ハイブリッド/常駐は必須）",
    prefecture: "都道府県",
    prefectureFromLocation: "勤務地から判定",
    station: "最寄り駅（50字まで）",
    startDate: "開始日",
    durationMonths: "想定期間（月）",
    contractType: "契約形態",
    trialAvailable: "お試し期間あり",
    paymentTermsDays: "支払いサイト（日）",
    culture: "企業タイプ",
    unset: "指定なし",
    saveDraft: "下書きを保存",
    save: "保存",
    saveAndPublish: "保存して公開",
    publish: "公開する",
    close: "募集を終了",
    created: "下書きを作成しました。",
    saved: "保存しました（版 {version}）。",
    published: "公開しました。",
    closed: "募集を終了しました。",
    status: "状態: {status}（版 {version}）",
    closedNote: "募集終了した案件は編集できません。",
    fixErrors: "入力内容を確認してください（{count} 件）。",
    stale: "ほかのスタッフが先に更新しました。最新の内容を読み込みました。もう一度編集してください。",
    required: "入力してください。",
    tooLong: "文字数が上限を超えています。",
    notNumber: "数値で入力してください。",
    rateRange: "1〜1,000万円の範囲で入力してください。",
    rateOrder: "下限が上限を超えています。",
    hoursRange: "1〜400時間の範囲で入力してください。",
    hoursOrder: "下限が上限を超えています。",
    daysRange: "1〜7日の範囲で入力してください。",
    daysOrder: "下限が上限を超えています。",
    locationNeeded: "ハイブリッド・常駐の案件には勤務地が必要です。",
    durationRange: "1〜120か月の範囲で入力してください。",
    paymentRange: "0〜120日の範囲で入力してください。",
    skillName: "スキル名が空の行があります。",
    skillNameLength: "スキル名は100字以内の文字で入力してください。",
    skillYears: "経験年数は0〜40年で入力してください。",
    skillCount: "スキルは30個までです。",
  },
  en: {
    newTitle: "New job",
    editTitle: "Edit job",
    viewTitle: "Job details",
    back: "Back to jobs",
    basics: "Basics",
    skills: "Skills",
    terms: "Terms",
    workspaceId: "Client company",
    ownTenant: "Ourselves (no client)",
    title: "Title (up to 200 characters)",
    description: "Description (up to 20,000 characters)",
    requiredSkills: "Required skills (one a line; \"Java 3\" asks for 3 years)",
    preferredSkills: "Preferred skills (one a line)",
    rateMinYen: "Rate from (10k JPY a month)",
    rateMaxYen: "Rate up to (10k JPY a month)",
    rateTaxIncluded: "Rate includes tax",
    settlementMinHours: "Settlement from (hours a month)",
    settlementMaxHours: "Settlement up to (hours a month)",
    daysMin: "Days a week, at least",
    daysMax: "Days a week, at most",
    workStyle: "Work style",
    location: "Location (up to 100; required for hybrid and on site)",
    prefecture: "Prefecture",
    prefectureFromLocation: "From the location",
    station: "Nearest station (up to 50)",
    startDate: "Start date",
    durationMonths: "Duration (months)",
    contractType: "Contract type",
    trialAvailable: "Trial period possible",
    paymentTermsDays: "Payment terms (days)",
    culture: "Organisation type",
    unset: "Not set",
    saveDraft: "Save draft",
    save: "Save",
    saveAndPublish: "Save and publish",
    publish: "Publish",
    close: "Close",
    created: "Draft created.",
    saved: "Saved (version {version}).",
    published: "Published.",
    closed: "Closed.",
    status: "Status: {status} (version {version})",
    closedNote: "A closed job cannot be edited.",
    fixErrors: "Please check the form ({count} problems).",
    stale: "Someone else changed this job first. The latest is loaded; please edit again.",
    required: "Required.",
    tooLong: "Too long.",
    notNumber: "Enter a number.",
    rateRange: "Between 1 and 1,000 (10k JPY).",
    rateOrder: "The minimum is above the maximum.",
    hoursRange: "Between 1 and 400 hours.",
    hoursOrder: "The minimum is above the maximum.",
    daysRange: "Between 1 and 7 days.",
    daysOrder: "The minimum is above the maximum.",
    locationNeeded: "A hybrid or on-site job needs a location.",
    durationRange: "Between 1 and 120 months.",
    paymentRange: "Between 0 and 120 days.",
    skillName: "A line has no skill name.",
    skillNameLength: "A skill name is at most 100 printable characters.",
    skillYears: "Years between 0 and 40.",
    skillCount: "At most 30 skills.",
  },
});

const FORM_ID = "job-form";

/** `/jobs/new` and `/jobs/:jobId`: the whole job, checked as the server checks it. */
export function JobEditor({ params }: { params: Record<string, string> }) {
  const t = useT(formMessages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const session = useSession();
  const jobId = params.jobId ?? null;
  const [job, setJob] = useState<JobView | null>(null);
  const [draft, setDraft] = useState<JobDraft>(EMPTY_JOB);
  const [errors, setErrors] = useState<FieldErrors<JobField>>({});
  const action = useAction();

  const { loaded, reload } = useLoad(
    async (signal) => {
      const workspaces =
        session.tenant?.type === "AGENCY"
          ? await api<WorkspaceView[]>("/v1/workspaces", { signal }).catch(() => [] as WorkspaceView[])
          : [];
      if (jobId) {
        const found = await api<JobView>(`/v1/jobs/${encodeURIComponent(jobId)}`, { signal });
        setJob(found);
        setDraft(draftOfJob(found.details));
      }
      return workspaces;
    },
    [jobId],
  );

  const set = <K extends keyof JobDraft>(key: K, value: JobDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const readOnly = job?.status === "CLOSED";

  const save = (publish: boolean) => {
    const check = checkJob(draft);
    const keys = Object.entries(check.keys) as [JobField, JobErrorKey][];
    if (!check.details) {
      setErrors({
        ...Object.fromEntries(keys.map(([field, key]) => [field, t(key)])),
        form: t("fixErrors", { count: keys.length }),
      });
      document.getElementById(`${FORM_ID}-${keys[0][0]}`)?.focus();
      return;
    }
    setErrors({});
    void action.run(
      async () => {
        let saved: JobView;
        if (job) {
          saved = await api<JobView>(`/v1/jobs/${encodeURIComponent(job.id)}`, {
            method: "PUT",
            body: { details: check.details, expectedVersion: job.version },
          });
        } else {
          saved = await api<JobView>("/v1/jobs", { method: "POST", body: check.details });
        }
        if (publish && saved.status === "DRAFT") {
          saved = await api<JobView>(`/v1/jobs/${encodeURIComponent(saved.id)}/publish`, {
            method: "POST",
            body: { expectedVersion: saved.version },
          });
        }
        setJob(saved);
        setDraft(draftOfJob(saved.details));
        if (!job) navigate("/jobs/" + saved.id);
        return publish ? t("published") : job ? t("saved", { version: saved.version }) : t("created");
      },
      (e) => {
        if (e instanceof ApiError && e.status === 409 && job) {
          reload();
          return t("stale");
        }
        const found = serverErrors(e, language, JOB_FIELDS, JOB_ALIASES);
        setErrors(found);
        return found.form ?? Object.values(found)[0] ?? problemText(e, language);
      },
    );
  };

  const close = () =>
    void action.run(
      async () => {
        const closed = await api<JobView>(`/v1/jobs/${encodeURIComponent(job!.id)}/close`, {
          method: "POST",
          body: { expectedVersion: job!.version },
        });
        setJob(closed);
        return t("closed");
      },
      (e) => problemText(e, language),
    );

  const field = (name: JobField) => ({
    ...invalid(FORM_ID, name, errors[name]),
    disabled: readOnly,
  });
  const error = (name: JobField) => <FieldError id={`${FORM_ID}-${name}-error`} text={errors[name]} />;
  const heading = !jobId ? t("newTitle") : readOnly ? t("viewTitle") : t("editTitle");

  return (
    <>
      <p>
        <Link to="/jobs">← {t("back")}</Link>
      </p>
      <h1>{heading}</h1>
      <LoadState loaded={loaded} reload={reload}>
        {(workspaces) => (
          <form
            className="card"
            id={FORM_ID}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save(false);
            }}
            aria-describedby={errors.form ? `${FORM_ID}-form-error` : undefined}
          >
            {job ? (
              <p id="job-status" data-status={job.status}>
                <span className={"badge " + job.status}>
                  {t("status", { status: enums(job.status), version: job.version })}
                </span>
                {readOnly ? <span className="muted"> {t("closedNote")}</span> : null}
              </p>
            ) : null}
            {errors.form ? (
              <p className="form-error" id={`${FORM_ID}-form-error`} role="alert">
                {errors.form}
              </p>
            ) : null}
            <fieldset className="group">
              <legend>{t("basics")}</legend>
              <div className="form-grid">
                {workspaces.length > 0 ? (
                  <label className="field">
                    {t("workspaceId")}
                    <select {...field("workspaceId")} value={draft.workspaceId} onChange={(e) => set("workspaceId", e.target.value)}>
                      <option value="">{t("ownTenant")}</option>
                      {workspaces.map((w) => (
                        <option key={w.id} value={w.id}>
                          {w.name}
                        </option>
                      ))}
                    </select>
                    {error("workspaceId")}
                  </label>
                ) : null}
                <label className="field span-all">
                  {t("title")}
                  <input {...field("title")} required maxLength={200} value={draft.title} onChange={(e) => set("title", e.target.value)} />
                  {error("title")}
                </label>
                <label className="field span-all">
                  {t("description")}
                  <textarea
                    {...field("description")}
                    required
                    rows={8}
                    value={draft.description}
                    onChange={(e) => set("description", e.target.value)}
                  />
                  {error("description")}
                </label>
              </div>
            </fieldset>
            <fieldset className="group">
              <legend>{t("skills")}</legend>
              <div className="form-grid">
                <label className="field">
                  {t("requiredSkills")}
                  <textarea {...field("requiredSkills")} rows={5} value={draft.requiredSkills} onChange={(e) => set("requiredSkills", e.target.value)} />
                  {error("requiredSkills")}
                </label>
                <label className="field">
                  {t("preferredSkills")}
                  <textarea {...field("preferredSkills")} rows={5} value={draft.preferredSkills} onChange={(e) => set("preferredSkills", e.target.value)} />
                  {error("preferredSkills")}
                </label>
              </div>
            </fieldset>
            <fieldset className="group">
              <legend>{t("terms")}</legend>
              <div className="form-grid">
                <label className="field">
                  {t("rateMinYen")}
                  <input {...field("rateMinYen")} type="number" inputMode="decimal" min={1} max={1000} step={0.1} value={draft.rateMinManYen} onChange={(e) => set("rateMinManYen", e.target.value)} />
                  {error("rateMinYen")}
                </label>
                <label className="field">
                  {t("rateMaxYen")}
                  <input {...field("rateMaxYen")} type="number" inputMode="decimal" min={1} max={1000} step={0.1} value={draft.rateMaxManYen} onChange={(e) => set("rateMaxManYen", e.target.value)} />
                  {error("rateMaxYen")}
                </label>
                <label className="field check">
                  <input {...field("rateTaxIncluded")} type="checkbox" checked={draft.rateTaxIncluded} onChange={(e) => set("rateTaxIncluded", e.target.checked)} />
                  <span>{t("rateTaxIncluded")}</span>
                </label>
                <label className="field">
                  {t("settlementMinHours")}
                  <input {...field("settlementMinHours")} type="number" min={1} max={400} value={draft.settlementMinHours} onChange={(e) => set("settlementMinHours", e.target.value)} />
                  {error("settlementMinHours")}
                </label>
                <label className="field">
                  {t("settlementMaxHours")}
                  <input {...field("settlementMaxHours")} type="number" min={1} max={400} value={draft.settlementMaxHours} onChange={(e) => set("settlementMaxHours", e.target.value)} />
                  {error("settlementMaxHours")}
                </label>
                <label className="field">
                  {t("daysMin")}
                  <input {...field("daysMin")} type="number" required min={1} max={7} value={draft.daysMin} onChange={(e) => set("daysMin", e.target.value)} />
                  {error("daysMin")}
                </label>
                <label className="field">
                  {t("daysMax")}
                  <input {...field("daysMax")} type="number" required min={1} max={7} value={draft.daysMax} onChange={(e) => set("daysMax", e.target.value)} />
                  {error("daysMax")}
                </label>
                <label className="field">
                  {t("workStyle")}
                  <select {...field("workStyle")} value={draft.workStyle} onChange={(e) => set("workStyle", e.target.value as JobDraft["workStyle"])}>
                    {WORK_STYLES.map((s) => (
                      <option key={s} value={s}>
                        {enums(s)}
                      </option>
                    ))}
                  </select>
                  {error("workStyle")}
                </label>
                <label className="field">
                  {t("location")}
                  <input {...field("location")} maxLength={100} required={draft.workStyle !== "REMOTE"} value={draft.location} onChange={(e) => set("location", e.target.value)} />
                  {error("location")}
                </label>
                <label className="field">
                  {t("prefecture")}
                  <select {...field("prefecture")} value={draft.prefecture} onChange={(e) => set("prefecture", e.target.value)}>
                    <option value="">{t("prefectureFromLocation")}</option>
                    {PREFECTURES.map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                  {error("prefecture")}
                </label>
                <label className="field">
                  {t("station")}
                  <input {...field("station")} maxLength={50} value={draft.station} onChange={(e) => set("station", e.target.value)} />
                  {error("station")}
                </label>
                <label className="field">
                  {t("startDate")}
                  <input {...field("startDate")} type="date" value={draft.startDate} onChange={(e) => set("startDate", e.target.value)} />
                  {error("startDate")}
                </label>
                <label className="field">
                  {t("durationMonths")}
                  <input {...field("durationMonths")} type="number" min={1} max={120} value={draft.durationMonths} onChange={(e) => set("durationMonths", e.target.value)} />
                  {error("durationMonths")}
                </label>
                <label className="field">
                  {t("contractType")}
                  <select {...field("contractType")} value={draft.contractType} onChange={(e) => set("contractType", e.target.value as JobDraft["contractType"])}>
                    {CONTRACT_TYPES.map((c) => (
                      <option key={c} value={c}>
                        {enums(c)}
                      </option>
                    ))}
                  </select>
                  {error("contractType")}
                </label>
                <label className="field check">
                  <input {...field("trialAvailable")} type="checkbox" checked={draft.trialAvailable} onChange={(e) => set("trialAvailable", e.target.checked)} />
                  <span>{t("trialAvailable")}</span>
                </label>
                <label className="field">
                  {t("paymentTermsDays")}
                  <input {...field("paymentTermsDays")} type="number" min={0} max={120} value={draft.paymentTermsDays} onChange={(e) => set("paymentTermsDays", e.target.value)} />
                  {error("paymentTermsDays")}
                </label>
                <label className="field">
                  {t("culture")}
                  <select {...field("culture")} value={draft.culture} onChange={(e) => set("culture", e.target.value as JobDraft["culture"])}>
                    <option value="">{t("unset")}</option>
                    {CULTURES.map((c) => (
                      <option key={c} value={c}>
                        {enums(c)}
                      </option>
                    ))}
                  </select>
                  {error("culture")}
                </label>
              </div>
            </fieldset>
            <NoticeLine notice={action.notice} id="job-form-notice" />
            {!readOnly ? (
              <div className="actions">
                <button type="submit" className="button" disabled={action.busy} id="job-save">
                  {job && job.status !== "DRAFT" ? t("save") : t("saveDraft")}
                </button>
                {!job || job.status === "DRAFT" ? (
                  <button type="button" className="button accent" disabled={action.busy} id="job-save-publish" onClick={() => save(true)}>
                    {t("saveAndPublish")}
                  </button>
                ) : null}
                {job?.status === "OPEN" ? (
                  <button type="button" className="button subtle" disabled={action.busy} id="job-close" onClick={close}>
                    {t("close")}
                  </button>
                ) : null}
              </div>
            ) : null}
          </form>
        )}
      </LoadState>
    </>
  );
}
