import { useEffect, useMemo, useState, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link, navigate, useLocationSearch } from "@proxima/frontend-core/router";
import {
  CONTRACT_TYPES,
  CULTURES,
  WORK_STYLES,
  type ContractType,
  type Culture,
  type DossierView,
  type FacetCount,
  type JobCard,
  type JobSearchResult,
  type JobSort,
  type PostingView,
  type RecommendationView,
  type WorkStyle,
} from "../apiTypes";
import { Explanation } from "../shared/Explanation";
import { summary } from "../shared/explain";
import { integerOf, listOf, manYenOfYen, rateRange, yenOfManYen } from "../shared/format";
import { ENUM_LABELS } from "../shared/labels";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { checkApplication, COVER_NOTE_LIMIT } from "./applyForm";
import { FavouriteButton, SimilarJobs, useFavourites } from "./Favourites";
import { activeFilterCount, facetCount, filtersQuery, parseFilters, PREFECTURES, toggle, type JobFilters } from "./jobQuery";
import type { PlacedJobCard, SavedSearchView } from "./searchTypes";

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
    keywordsHint: "例: 決済 golang",
    rateRangeLabel: "単価（月額）",
    rateMin: "単価の下限（万円）",
    rateMax: "単価の上限（万円）",
    manYen: "万円",
    daysLabel: "週の稼働日数",
    daysOption: "週{days}日で可",
    prefecture: "都道府県",
    station: "最寄り駅",
    stationHint: "例: 渋谷",
    settlementMin: "精算幅の下限（時間）",
    settlementMax: "精算幅の上限（時間）",
    hours: "時間",
    paymentWithin: "{days}日以内",
    startBy: "開始時期（この日までに開始）",
    clear: "条件をクリア",
    saveName: "この条件を保存（名前）",
    save: "保存して新着を通知",
    saveNameRequired: "保存する検索の名前を入力してください。",
    saved: "「{name}」を保存しました。新しい案件が条件に合うとお知らせします。",
    savedSearches: "保存した検索条件",
    favourites: "気になる案件",
    station_: "{station}駅",
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
    keywordsHint: "e.g. payments golang",
    rateRangeLabel: "Monthly rate",
    rateMin: "Rate from (10k JPY)",
    rateMax: "Rate up to (10k JPY)",
    manYen: "×10k JPY",
    daysLabel: "Days a week",
    daysOption: "{days} days a week is fine",
    prefecture: "Prefecture",
    station: "Nearest station",
    stationHint: "e.g. Shibuya",
    settlementMin: "Settlement from (hours)",
    settlementMax: "Settlement up to (hours)",
    hours: "h",
    paymentWithin: "within {days} days",
    startBy: "Starts by",
    clear: "Clear filters",
    saveName: "Save this search as",
    save: "Save and alert me",
    saveNameRequired: "Name the search to save it.",
    saved: "Saved “{name}”. We will tell you when new jobs match it.",
    savedSearches: "Saved searches",
    favourites: "Favourite jobs",
    station_: "{station} Station",
  },
});

export type T = ReturnType<typeof useT<keyof (typeof messages)["ja"]>>;
export { messages as jobSearchMessages };

export function JobSummary({ job, t }: { job: PlacedJobCard | (PostingView["details"] & { tenantName?: string; station?: string | null }); t: T }) {
  const language = useLang();
  const enums = useT(ENUM_LABELS);
  const rate = rateRange(language, job.rateMinYen, job.rateMaxYen);
  return (
    <p className="meta-line">
      <span>{rate ? `${rate}（${t(job.rateTaxIncluded ? "taxIncl" : "taxExcl")}）` : t("noRate")}</span>
      <span>
        {enums(job.workStyle)}
        {job.location ? ` · ${job.location}` : ""}
        {"station" in job && job.station ? ` · ${t("station_", { station: job.station })}` : ""}
      </span>
      <span>{t("days", { min: job.daysMin, max: job.daysMax })}</span>
      {job.startDate ? <span>{t("start", { date: formatDate(language, job.startDate) })}</span> : null}
      {job.durationMonths ? <span>{t("months", { months: job.durationMonths })}</span> : null}
      <span>{enums(job.contractType)}</span>
    </p>
  );
}

/** One checkbox list of the filter panel, each value with its facet count. */
function CheckFacet<K extends "workStyle" | "contractType" | "culture">(props: {
  name: K;
  legend: string;
  values: readonly JobFilters[K][number][];
  filters: JobFilters;
  facets: Record<string, FacetCount[]> | null | undefined;
  label: (value: string) => string;
  onChange: (next: JobFilters) => void;
}) {
  const chosen = props.filters[props.name] as string[];
  return (
    <fieldset className="checks" id={"filter-" + props.name} style={{ flexDirection: "column", gap: 2 }}>
      <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>{props.legend}</legend>
      {props.values.map((value) => (
        <label key={value} style={{ display: "flex", gap: 6, alignItems: "center" }}>
          <input
            type="checkbox"
            name={props.name}
            value={value}
            checked={chosen.includes(value)}
            onChange={() => props.onChange(toggle(props.filters, props.name, value as never))}
          />
          <span>{props.label(value)}</span>
          {props.facets ? <span className="muted" data-facet-count={value}>({facetCount(props.facets, props.name, value)})</span> : null}
        </label>
      ))}
    </fieldset>
  );
}

type FilterForm = {
  q: string;
  skill: string;
  rateAtLeast: string;
  rateAtMost: string;
  days: string;
  prefecture: string;
  station: string;
  settlementMinAtLeast: string;
  settlementMaxAtMost: string;
  paymentTermsAtMost: string;
  startBy: string;
};

function formOf(filters: JobFilters): FilterForm {
  return {
    q: filters.q,
    skill: filters.skill.join(", "),
    rateAtLeast: manYenOfYen(filters.rateAtLeast),
    rateAtMost: manYenOfYen(filters.rateAtMost),
    days: filters.days == null ? "" : String(filters.days),
    prefecture: filters.prefecture[0] ?? "",
    station: filters.station,
    settlementMinAtLeast: filters.settlementMinAtLeast == null ? "" : String(filters.settlementMinAtLeast),
    settlementMaxAtMost: filters.settlementMaxAtMost == null ? "" : String(filters.settlementMaxAtMost),
    paymentTermsAtMost: filters.paymentTermsAtMost == null ? "" : String(filters.paymentTermsAtMost),
    startBy: filters.startBy,
  };
}

function wholeOrNull(text: string): number | null {
  const value = integerOf(text);
  return value == null || Number.isNaN(value) ? null : value;
}

function filtersOf(form: FilterForm, base: JobFilters): JobFilters {
  const yen = (text: string) => {
    const value = yenOfManYen(text);
    return value == null || Number.isNaN(value) ? null : value;
  };
  return {
    ...base,
    q: form.q.trim(),
    skill: listOf(form.skill),
    rateAtLeast: yen(form.rateAtLeast),
    rateAtMost: yen(form.rateAtMost),
    days: wholeOrNull(form.days),
    prefecture: form.prefecture ? [form.prefecture] : [],
    station: form.station.trim(),
    settlementMinAtLeast: wholeOrNull(form.settlementMinAtLeast),
    settlementMaxAtMost: wholeOrNull(form.settlementMaxAtMost),
    paymentTermsAtMost: wholeOrNull(form.paymentTermsAtMost),
    startBy: form.startBy,
  };
}

function go(filters: JobFilters) {
  const query = filtersQuery(filters);
  navigate("/jobs" + (query ? "?" + query : ""));
}

/** `/jobs`: recommendations and a search of every open job, the whole search in the URL. */
export function JobSearch() {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const search = useLocationSearch();
  const filters = useMemo(() => parseFilters(search), [search]);
  const [form, setForm] = useState<FilterForm>(() => formOf(filters));
  const [extra, setExtra] = useState<JobCard[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [saveName, setSaveName] = useState("");
  const more = useAction();
  const saving = useAction();
  const favourites = useFavourites();

  // Back, forward and a shared link change the URL, not the form: the form follows.
  useEffect(() => setForm(formOf(filters)), [filters]);

  const recommendations = useLoad((signal) => api<RecommendationView[]>("/v1/me/recommendations?limit=6", { signal }), []);
  const query = filtersQuery(filters);
  const results = useLoad(
    async (signal) => {
      const result = await api<JobSearchResult>(`/v1/postings?${query}${query ? "&" : ""}limit=20`, { signal });
      setExtra([]);
      setCursor(result.nextCursor ?? null);
      return result;
    },
    [query],
  );

  const loadMore = () =>
    void more.run(
      async () => {
        const page = await api<JobSearchResult>(`/v1/postings?${query}${query ? "&" : ""}limit=20&cursor=${encodeURIComponent(cursor!)}`);
        setExtra((before) => [...before, ...page.jobs]);
        setCursor(page.nextCursor ?? null);
        return null;
      },
      (e) => problemText(e, language),
    );

  const saveSearch = (event: FormEvent) => {
    event.preventDefault();
    const name = saveName.trim();
    if (!name) {
      saving.setNotice({ text: t("saveNameRequired"), error: true });
      return;
    }
    void saving.run(
      async () => {
        await api<SavedSearchView>("/v1/me/saved-searches", {
          method: "POST",
          body: { name, query: filtersQuery({ ...filters, sort: "" }), alerts: true },
        });
        setSaveName("");
        return t("saved", { name });
      },
      (e) => problemText(e, language),
    );
  };

  const facets = results.loaded.data?.facets ?? null;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <p>
        <Link to="/saved-searches" id="saved-searches-link">
          {t("savedSearches")}
        </Link>
        {" · "}
        <Link to="/favourites" id="favourites-link">
          {t("favourites")}
        </Link>
      </p>
      {filtersQuery(filters) === "" ? (
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
      ) : null}
      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t("search")}</h2>
        <div style={{ display: "grid", gridTemplateColumns: "minmax(220px, 280px) 1fr", gap: 16, alignItems: "start" }}>
          <form
            className="card"
            role="search"
            id="posting-search"
            style={{ display: "flex", flexDirection: "column", gap: 10 }}
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              go(filtersOf(form, filters));
            }}
          >
            <label className="field">
              {t("keywords")}
              <input type="search" id="posting-q" value={form.q} placeholder={t("keywordsHint")} onChange={(e) => setForm({ ...form, q: e.target.value })} />
            </label>
            <label className="field">
              {t("skill")}
              <input id="posting-skill" value={form.skill} placeholder="Go, k8s" onChange={(e) => setForm({ ...form, skill: e.target.value })} />
            </label>
            <div className="field">
              <span>{t("rateRangeLabel")}</span>
              <span style={{ display: "flex", gap: 4, alignItems: "center" }}>
                <input id="posting-rate-min" inputMode="decimal" style={{ width: "5em", minWidth: 0 }} aria-label={t("rateMin")} value={form.rateAtLeast} onChange={(e) => setForm({ ...form, rateAtLeast: e.target.value })} />
                〜
                <input id="posting-rate-max" inputMode="decimal" style={{ width: "5em", minWidth: 0 }} aria-label={t("rateMax")} value={form.rateAtMost} onChange={(e) => setForm({ ...form, rateAtMost: e.target.value })} />
                <span className="muted" style={{ whiteSpace: "nowrap" }}>{t("manYen")}</span>
              </span>
            </div>
            <label className="field">
              {t("daysLabel")}
              <select id="posting-days" value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })}>
                <option value="">{t("any")}</option>
                {[1, 2, 3, 4, 5].map((d) => (
                  <option key={d} value={d}>
                    {t("daysOption", { days: d })}
                    {facets ? ` (${facetCount(facets, "days", String(d))})` : ""}
                  </option>
                ))}
              </select>
            </label>
            <CheckFacet name="workStyle" legend={t("workStyle")} values={WORK_STYLES} filters={filters} facets={facets} label={(v) => enums(v as WorkStyle)} onChange={go} />
            <label className="field">
              {t("prefecture")}
              <select id="posting-prefecture" value={form.prefecture} onChange={(e) => setForm({ ...form, prefecture: e.target.value })}>
                <option value="">{t("any")}</option>
                {PREFECTURES.map((p) => (
                  <option key={p} value={p}>
                    {p}
                    {facets && facetCount(facets, "prefecture", p) ? ` (${facetCount(facets, "prefecture", p)})` : ""}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t("station")}
              <input id="posting-station" value={form.station} placeholder={t("stationHint")} onChange={(e) => setForm({ ...form, station: e.target.value })} />
            </label>
            <CheckFacet name="contractType" legend={t("contract")} values={CONTRACT_TYPES} filters={filters} facets={facets} label={(v) => enums(v as ContractType)} onChange={go} />
            <div className="field">
              <span>{t("settlementLabel")}</span>
              <span style={{ display: "flex", gap: 4, alignItems: "center" }}>
                <input id="posting-settlement-min" inputMode="numeric" style={{ width: "5em", minWidth: 0 }} aria-label={t("settlementMin")} value={form.settlementMinAtLeast} onChange={(e) => setForm({ ...form, settlementMinAtLeast: e.target.value })} />
                〜
                <input id="posting-settlement-max" inputMode="numeric" style={{ width: "5em", minWidth: 0 }} aria-label={t("settlementMax")} value={form.settlementMaxAtMost} onChange={(e) => setForm({ ...form, settlementMaxAtMost: e.target.value })} />
                <span className="muted" style={{ whiteSpace: "nowrap" }}>{t("hours")}</span>
              </span>
            </div>
            <label className="field">
              {t("paymentLabel")}
              <select id="posting-payment" value={form.paymentTermsAtMost} onChange={(e) => setForm({ ...form, paymentTermsAtMost: e.target.value })}>
                <option value="">{t("any")}</option>
                {[15, 30, 45, 60].map((d) => (
                  <option key={d} value={d}>
                    {t("paymentWithin", { days: d })}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t("startBy")}
              <input id="posting-start-by" type="date" value={form.startBy} onChange={(e) => setForm({ ...form, startBy: e.target.value })} />
            </label>
            <CheckFacet name="culture" legend={t("culture")} values={CULTURES} filters={filters} facets={facets} label={(v) => enums(v as Culture)} onChange={go} />
            <button type="submit" className="button" id="posting-submit">
              {t("submit")}
            </button>
            {activeFilterCount(filters) || filters.q ? (
              <button type="button" className="button subtle" id="posting-clear" onClick={() => navigate("/jobs")}>
                {t("clear")}
              </button>
            ) : null}
          </form>
          <div>
            <div className="toolbar" style={{ justifyContent: "space-between" }}>
              <label className="field">
                {t("sort")}
                <select id="posting-sort" value={filters.sort} onChange={(e) => go({ ...filters, sort: e.target.value as JobSort | "" })}>
                  <option value="">{t(filters.q ? "RELEVANCE" : "NEWEST")}</option>
                  {(["NEWEST", "RATE", "RELEVANCE", "START_DATE"] as const).map((s) => (
                    <option key={s} value={s}>
                      {t(s)}
                    </option>
                  ))}
                </select>
              </label>
              <form onSubmit={saveSearch} id="save-search" className="toolbar" style={{ margin: 0 }}>
                <label className="field">
                  {t("saveName")}
                  <input id="save-search-name" value={saveName} maxLength={100} onChange={(e) => setSaveName(e.target.value)} />
                </label>
                <button type="submit" className="button subtle" disabled={saving.busy} id="save-search-submit">
                  {t("save")}
                </button>
              </form>
            </div>
            <NoticeLine notice={saving.notice} id="save-search-notice" />
            <LoadState loaded={results.loaded} reload={results.reload}>
              {(result) => {
                const jobs = [...result.jobs, ...extra] as PlacedJobCard[];
                return (
                  <>
                    <p className="muted" aria-live="polite" id="postings-count">
                      {result.total != null ? t(result.totalExact === false ? "moreCount" : "count", { count: result.total }) : ""}
                    </p>
                    {jobs.length === 0 ? <p id="postings-empty">{t("empty")}</p> : null}
                    <ul className="plain" id="postings">
                      {jobs.map((job) => (
                        <li key={job.id} className="card" data-testid={"posting-" + job.id}>
                          <div style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
                            <h3 style={{ margin: 0 }}>
                              <Link to={"/jobs/" + job.id}>{job.title}</Link>
                            </h3>
                            <FavouriteButton jobId={job.id} favourites={favourites} />
                          </div>
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
          </div>
        </div>
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
  const favourites = useFavourites();

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
          const placed = d as typeof d & { prefecture?: string | null; station?: string | null };
          const rateText = rateRange(language, d.rateMinYen, d.rateMaxYen);
          return (
            <article id="posting" data-job-id={posting.id}>
              <div style={{ display: "flex", justifyContent: "space-between", gap: 8, alignItems: "center" }}>
                <h1>{d.title}</h1>
                <FavouriteButton jobId={posting.id} favourites={favourites} />
              </div>
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
                  {placed.prefecture || placed.station ? (
                    <div>
                      <dt>{t("location")}</dt>
                      <dd>
                        {[d.location, placed.station ? t("station_", { station: placed.station }) : null].filter(Boolean).join(" · ")}
                      </dd>
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
              <SimilarJobs jobId={posting.id} />
            </article>
          );
        }}
      </LoadState>
    </>
  );
}
