import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { WORK_STYLES, type DossierView, type JobCard, type JobSearchResult, type JobSort, type PostingView, type RecommendationView, type WorkStyle } from "../apiTypes";
import { Explanation } from "../shared/Explanation";
import { summary } from "../shared/explain";
import { rateRange } from "../shared/format";
import { ENUM_LABELS } from "../shared/labels";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { checkApplication, COVER_NOTE_LIMIT } from "./applyForm";

const messages = defineMessages({
  ja: {
    title: "案件を探す",
    intro: "公開中の案件を探して応募できます。おすすめは、プロフィールと稼働状況、似た関心を持つ人の閲覧傾向から選んでいます。",
    recommended: "あなたへのおすすめ",
    noRecommendations: "おすすめはまだありません。プロフィールと稼働状況を登録すると表示されます。",
    coldStart: "プロフィールに基づくおすすめ",
    similar: "あなたが見た案件に関心を持つ人が見ている案件",
    why: "おすすめの理由",
    search: "検索",
    keywords: "キーワード",
    skill: "スキル（カンマ区切り）",
    workStyle: "働き方",
    any: "指定なし",
    sort: "並び順",
    RELEVANCE: "関連度順",
    NEWEST: "新着順",
    RATE: "単価の高い順",
    START_DATE: "開始日の早い順",
    submit: "検索",
    count: "{count} 件",
    moreCount: "{count} 件以上",
    empty: "条件に合う案件はありません。",
    more: "さらに表示",
    details: "詳細・応募",
    by: "掲載: {name}",
    days: "週{min}〜{max}日",
    start: "開始 {date}",
    months: "{months}か月",
    noRate: "単価応相談",
    back: "案件一覧へ",
    description: "業務内容",
    required: "必須スキル",
    preferred: "歓迎スキル",
    conditions: "条件",
    rate: "単価（月額）",
    taxIncl: "税込",
    taxExcl: "税抜",
    settlementHours: "{min}〜{max}時間",
    settlementLabel: "精算幅",
    paymentLabel: "支払いサイト",
    contract: "契約形態",
    paymentDays: "{days}日",
    trial: "お試し期間あり",
    location: "勤務地",
    culture: "企業タイプ",
    published: "公開日 {date}",
    apply: "この案件に応募する",
    coverNote: "応募メッセージ（任意・4,000字まで）",
    proposedRate: "希望単価（任意・万円/月）",
    sendApplication: "応募する",
    applied: "応募しました。進捗は「応募状況」で確認できます。",
    already: "この案件にはすでに応募しています。",
    tooLong: "4,000字以内にしてください。",
    rateRange: "1〜1,000万円の範囲で入力してください。",
    notNumber: "数値で入力してください。",
    remaining: "残り {count} 字",
    myApplications: "応募状況を見る",
    message: "{name} にメッセージ",
  },
  en: {
    title: "Find jobs",
    intro: "Search open jobs and apply. Recommendations come from your profile and availability and from what people with similar interests looked at.",
    recommended: "Recommended for you",
    noRecommendations: "No recommendations yet. Fill in your profile and availability to get some.",
    coldStart: "Based on your profile",
    similar: "Seen by people interested in jobs you looked at",
    why: "Why it is recommended",
    search: "Search",
    keywords: "Keywords",
    skill: "Skills (comma separated)",
    workStyle: "Work style",
    any: "Any",
    sort: "Order",
    RELEVANCE: "Relevance",
    NEWEST: "Newest",
    RATE: "Highest rate",
    START_DATE: "Soonest start",
    submit: "Search",
    count: "{count} jobs",
    moreCount: "{count}+ jobs",
    empty: "No job matches.",
    more: "Show more",
    details: "Details and apply",
    by: "Posted by {name}",
    days: "{min}–{max} days a week",
    start: "Starts {date}",
    months: "{months} months",
    noRate: "Rate negotiable",
    back: "Back to jobs",
    description: "Description",
    required: "Required skills",
    preferred: "Preferred skills",
    conditions: "Terms",
    rate: "Monthly rate",
    taxIncl: "tax incl.",
    taxExcl: "tax excl.",
    settlementHours: "{min}–{max} h",
    settlementLabel: "Settlement",
    paymentLabel: "Payment terms",
    contract: "Contract",
    paymentDays: "{days} days after month end",
    trial: "Trial period possible",
    location: "Location",
    culture: "Organisation",
    published: "Published {date}",
    apply: "Apply for this job",
    coverNote: "Cover note (optional, up to 4,000)",
    proposedRate: "Your rate (optional, 10k JPY a month)",
    sendApplication: "Apply",
    applied: "Applied. Follow it under My applications.",
    already: "You already applied to this job.",
    tooLong: "At most 4,000 characters.",
    rateRange: "Between 1 and 1,000 (10k JPY).",
    notNumber: "Enter a number.",
    remaining: "{count} characters left",
    myApplications: "See my applications",
    message: "Message {name}",
  },
});

type T = ReturnType<typeof useT<keyof (typeof messages)["ja"]>>;

function JobSummary({ job, t }: { job: JobCard | (PostingView["details"] & { tenantName?: string }); t: T }) {
  const language = useLang();
  const enums = useT(ENUM_LABELS);
  const rate = rateRange(language, job.rateMinYen, job.rateMaxYen);
  return (
    <p className="meta-line">
      <span>{rate ? `${rate}（${t(job.rateTaxIncluded ? "taxIncl" : "taxExcl")}）` : t("noRate")}</span>
      <span>
        {enums(job.workStyle)}
        {job.location ? ` · ${job.location}` : ""}
      </span>
      <span>{t("days", { min: job.daysMin, max: job.daysMax })}</span>
      {job.startDate ? <span>{t("start", { date: formatDate(language, job.startDate) })}</span> : null}
      {job.durationMonths ? <span>{t("months", { months: job.durationMonths })}</span> : null}
      <span>{enums(job.contractType)}</span>
    </p>
  );
}

/** `/jobs`: recommendations and a search of every open job. */
export function JobSearch() {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const [form, setForm] = useState({ q: "", skill: "", workStyle: "" as WorkStyle | "", sort: "" as JobSort | "" });
  const [query, setQuery] = useState(form);
  const [extra, setExtra] = useState<JobCard[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const more = useAction();

  const recommendations = useLoad((signal) => api<RecommendationView[]>("/v1/me/recommendations?limit=6", { signal }), []);
  const params = (q: typeof query) => {
    const p = new URLSearchParams({ limit: "20" });
    if (q.q.trim()) p.set("q", q.q.trim());
    if (q.skill.trim()) p.set("skill", q.skill.trim());
    if (q.workStyle) p.set("workStyle", q.workStyle);
    if (q.sort) p.set("sort", q.sort);
    return p;
  };
  const results = useLoad(
    async (signal) => {
      const result = await api<JobSearchResult>(`/v1/postings?${params(query)}`, { signal });
      setExtra([]);
      setCursor(result.nextCursor ?? null);
      return result;
    },
    [query],
  );

  const loadMore = () =>
    void more.run(
      async () => {
        const p = params(query);
        p.set("cursor", cursor!);
        const page = await api<JobSearchResult>(`/v1/postings?${p}`);
        setExtra((before) => [...before, ...page.jobs]);
        setCursor(page.nextCursor ?? null);
        return null;
      },
      (e) => problemText(e, language),
    );

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <section aria-labelledby="recommended-heading">
        <h2 id="recommended-heading">{t("recommended")}</h2>
        <LoadState loaded={recommendations.loaded} reload={recommendations.reload}>
          {(list) =>
            list.length === 0 ? (
              <p id="recommendations-empty">{t("noRecommendations")}</p>
            ) : (
              <ul className="plain" id="recommendations">
                {list.map((r) => (
                  <li key={r.job.id} className="card" data-testid={"recommendation-" + r.job.id}>
                    <h3 style={{ margin: 0 }}>
                      <Link to={"/jobs/" + r.job.id}>{r.job.details.title}</Link>
                    </h3>
                    <p className="muted" style={{ margin: 0 }}>
                      {t("by", { name: r.job.tenantName })}
                    </p>
                    <JobSummary job={r.job.details} t={t} />
                    <details>
                      <summary>
                        {t("why")}: {summary(language, r.fit)}
                      </summary>
                      <p className="muted">{r.coldStart ? t("coldStart") : r.similarToJobsYouInteractedWith.length ? t("similar") : ""}</p>
                      <Explanation explanation={r.fit} id={"recommendation-explanation-" + r.job.id} />
                    </details>
                  </li>
                ))}
              </ul>
            )
          }
        </LoadState>
      </section>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t("search")}</h2>
        <form
          className="toolbar card"
          role="search"
          id="posting-search"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setQuery(form);
          }}
        >
          <label className="field">
            {t("keywords")}
            <input type="search" id="posting-q" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
          </label>
          <label className="field">
            {t("skill")}
            <input id="posting-skill" value={form.skill} onChange={(e) => setForm({ ...form, skill: e.target.value })} />
          </label>
          <label className="field">
            {t("workStyle")}
            <select id="posting-work-style" value={form.workStyle} onChange={(e) => setForm({ ...form, workStyle: e.target.value as WorkStyle | "" })}>
              <option value="">{t("any")}</option>
              {WORK_STYLES.map((s) => (
                <option key={s} value={s}>
                  {enums(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t("sort")}
            <select id="posting-sort" value={form.sort} onChange={(e) => setForm({ ...form, sort: e.target.value as JobSort | "" })}>
              <option value="">{t("any")}</option>
              {(["RELEVANCE", "NEWEST", "RATE", "START_DATE"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(s)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t("submit")}
          </button>
        </form>
        <LoadState loaded={results.loaded} reload={results.reload}>
          {(result) => {
            const jobs = [...result.jobs, ...extra];
            return (
              <>
                <p className="muted" aria-live="polite" id="postings-count">
                  {result.total != null ? t(result.totalExact === false ? "moreCount" : "count", { count: result.total }) : ""}
                </p>
                {jobs.length === 0 ? <p id="postings-empty">{t("empty")}</p> : null}
                <ul className="plain" id="postings">
                  {jobs.map((job) => (
                    <li key={job.id} className="card" data-testid={"posting-" + job.id}>
                      <h3 style={{ margin: 0 }}>
                        <Link to={"/jobs/" + job.id}>{job.title}</Link>
                      </h3>
                      <p className="muted" style={{ margin: 0 }}>
                        {t("by", { name: job.tenantName })}
                      </p>
                      <JobSummary job={job} t={t} />
                      {job.requiredSkills.length ? (
                        <ul className="tags" aria-label={t("required")}>
                          {job.requiredSkills.map((s) => (
                            <li key={s} className="tag required">
                              {s}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {job.excerpt ? <p style={{ margin: 0 }}>{job.excerpt}</p> : null}
                    </li>
                  ))}
                </ul>
                <NoticeLine notice={more.notice} />
                {cursor ? (
                  <button type="button" className="button subtle" onClick={loadMore} disabled={more.busy} id="postings-more">
                    {t("more")}
                  </button>
                ) : null}
              </>
            );
          }}
        </LoadState>
      </section>
    </>
  );
}

/** `/jobs/:jobId`: an open job in full, and the application form. */
export function Posting({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const id = params.jobId;
  const [coverNote, setCoverNote] = useState("");
  const [rate, setRate] = useState("");
  const [errors, setErrors] = useState<Partial<Record<"coverNote" | "proposedRateYen", string>>>({});
  const [applied, setApplied] = useState(false);
  const action = useAction();
  const { loaded, reload } = useLoad((signal) => api<PostingView>(`/v1/postings/${encodeURIComponent(id)}`, { signal }), [id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkApplication(coverNote, rate);
    setErrors(Object.fromEntries(Object.entries(check.errors).map(([k, v]) => [k, t(v)])));
    if (!check.body) return;
    void action.run(
      async () => {
        await api<DossierView>(`/v1/postings/${encodeURIComponent(id)}/applications`, { method: "POST", body: check.body });
        setApplied(true);
        return t("applied");
      },
      (e) => {
        if (e instanceof ApiError && e.status === 409) {
          setApplied(true);
          return t("already");
        }
        if (e instanceof ApiError && e.status === 400 && /proposedRateYen/.test(e.detail)) {
          setErrors({ proposedRateYen: e.detail });
        }
        return problemText(e, language);
      },
    );
  };

  return (
    <>
      <p>
        <Link to="/jobs">← {t("back")}</Link>
      </p>
      <LoadState loaded={loaded} reload={reload}>
        {(posting) => {
          const d = posting.details;
          const rateText = rateRange(language, d.rateMinYen, d.rateMaxYen);
          return (
            <article id="posting" data-job-id={posting.id}>
              <h1>{d.title}</h1>
              <p className="muted">
                {t("by", { name: posting.tenantName })}
                {posting.publishedAt ? ` · ${t("published", { date: formatDate(language, posting.publishedAt) })}` : ""}
              </p>
              <JobSummary job={d} t={t} />
              <section className="card">
                <h2 style={{ marginTop: 0 }}>{t("description")}</h2>
                <p style={{ whiteSpace: "pre-wrap" }}>{d.description}</p>
                <h3>{t("required")}</h3>
                <ul className="tags">
                  {d.requiredSkills.map((s) => (
                    <li key={s.skill} className="tag required">
                      {s.skill}
                      {s.years != null ? ` ${s.years}+` : ""}
                    </li>
                  ))}
                </ul>
                {d.preferredSkills.length ? (
                  <>
                    <h3>{t("preferred")}</h3>
                    <ul className="tags">
                      {d.preferredSkills.map((s) => (
                        <li key={s.skill} className="tag">
                          {s.skill}
                          {s.years != null ? ` ${s.years}+` : ""}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <h3>{t("conditions")}</h3>
                <dl className="explain">
                  <div>
                    <dt>{t("rate")}</dt>
                    <dd>{rateText ? `${rateText}（${t(d.rateTaxIncluded ? "taxIncl" : "taxExcl")}）` : t("noRate")}</dd>
                  </div>
                  {d.settlementMinHours != null || d.settlementMaxHours != null ? (
                    <div>
                      <dt>{t("settlementLabel")}</dt>
                      <dd>{t("settlementHours", { min: d.settlementMinHours ?? "—", max: d.settlementMaxHours ?? "—" })}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t("contract")}</dt>
                    <dd>
                      {enums(d.contractType)}
                      {d.trialAvailable ? ` · ${t("trial")}` : ""}
                    </dd>
                  </div>
                  {d.paymentTermsDays != null ? (
                    <div>
                      <dt>{t("paymentLabel")}</dt>
                      <dd>{t("paymentDays", { days: d.paymentTermsDays })}</dd>
                    </div>
                  ) : null}
                  {d.culture ? (
                    <div>
                      <dt>{t("culture")}</dt>
                      <dd>{enums(d.culture)}</dd>
                    </div>
                  ) : null}
                </dl>
                <p>
                  <Link to={"/messages/" + encodeURIComponent(posting.tenantSlug)}>{t("message", { name: posting.tenantName })}</Link>
                </p>
              </section>
              <form className="card" onSubmit={submit} id="apply-form" noValidate style={{ marginTop: 16 }}>
                <h2 style={{ marginTop: 0 }}>{t("apply")}</h2>
                <div className="form-grid">
                  <label className="field span-all">
                    {t("coverNote")}
                    <textarea
                      id="apply-cover-note"
                      rows={6}
                      value={coverNote}
                      disabled={applied}
                      onChange={(e) => setCoverNote(e.target.value)}
                      aria-invalid={errors.coverNote ? true : undefined}
                      aria-describedby={"apply-cover-note-count" + (errors.coverNote ? " apply-cover-note-error" : "")}
                    />
                    <span className="hint" id="apply-cover-note-count">
                      {t("remaining", { count: COVER_NOTE_LIMIT - [...coverNote].length })}
                    </span>
                    {errors.coverNote ? (
                      <span className="field-error error" id="apply-cover-note-error">
                        {errors.coverNote}
                      </span>
                    ) : null}
                  </label>
                  <label className="field">
                    {t("proposedRate")}
                    <input
                      id="apply-rate"
                      type="number"
                      min={1}
                      max={1000}
                      step={0.1}
                      inputMode="decimal"
                      value={rate}
                      disabled={applied}
                      onChange={(e) => setRate(e.target.value)}
                      aria-invalid={errors.proposedRateYen ? true : undefined}
                      aria-describedby={errors.proposedRateYen ? "apply-rate-error" : undefined}
                    />
                    {errors.proposedRateYen ? (
                      <span className="field-error error" id="apply-rate-error">
                        {errors.proposedRateYen}
                      </span>
                    ) : null}
                  </label>
                </div>
                <NoticeLine notice={action.notice} id="apply-notice" />
                {applied ? (
                  <Link to="/applications">{t("myApplications")}</Link>
                ) : (
                  <button type="submit" className="button accent" disabled={action.busy} id="apply-submit">
                    {t("sendApplication")}
                  </button>
                )}
              </form>
            </article>
          );
        }}
      </LoadState>
    </>
  );
}
