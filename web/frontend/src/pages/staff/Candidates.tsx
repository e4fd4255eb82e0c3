import { useState } from "react";
import { api } from "../../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link, navigate } from "@proxima/frontend-core/router";
import type { CandidateMatchView, JobSearchResult, JobView } from "../apiTypes";
import { Explanation } from "../shared/Explanation";
import { summary } from "../shared/explain";
import { percent, rateRange } from "../shared/format";
import { LoadState, useLoad } from "../shared/ui";
import { ENUM_LABELS } from "../shared/labels";

const messages = defineMessages({
  ja: {
    title: "候補者",
    intro: "公開中の案件ごとに、プロフィールを共有しているフリーランスを適合度順に表示します。稼働状況はリアルタイムの値で評価しています。",
    job: "案件",
    chooseJob: "案件を選択",
    noOpenJobs: "公開中の案件がありません。案件を公開すると候補者が表示されます。",
    forJob: "「{title}」の候補者",
    empty: "この案件に合う候補者はまだいません。",
    count: "上位 {count} 名",
    score: "適合度",
    why: "理由",
    message: "メッセージ",
    scout: "スカウト",
    rank: "{rank} 位",
    limit: "表示件数",
    jobSummary: "{rate} ・ {style} ・ 週{min}〜{max}日",
  },
  en: {
    title: "Candidates",
    intro: "For each open job, the freelancers sharing with you, best fit first. Availability is judged on the live value.",
    job: "Job",
    chooseJob: "Choose a job",
    noOpenJobs: "No open jobs. Publish a job to see its candidates.",
    forJob: "Candidates for \"{title}\"",
    empty: "No candidate fits this job yet.",
    count: "Top {count}",
    score: "Fit",
    why: "Why",
    message: "Message",
    scout: "Scout",
    rank: "No. {rank}",
    limit: "Show",
    jobSummary: "{rate} · {style} · {min}–{max} days a week",
  },
});

/** `/candidates` and `/candidates/:jobId`: ranked candidates for an open job, and why. */
export function Candidates({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const jobId = params.jobId ?? "";
  const [limit, setLimit] = useState(20);

  const jobs = useLoad(
    (signal) => api<JobSearchResult>("/v1/jobs?status=OPEN&limit=100&sort=NEWEST", { signal }),
    [],
  );
  const ranked = useLoad(
    async (signal) => {
      if (!jobId) return null;
      const [job, candidates] = await Promise.all([
        api<JobView>(`/v1/jobs/${encodeURIComponent(jobId)}`, { signal }),
        api<CandidateMatchView[]>(`/v1/jobs/${encodeURIComponent(jobId)}/candidates?limit=${limit}`, { signal }),
      ]);
      return { job, candidates };
    },
    [jobId, limit],
  );

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <LoadState loaded={jobs.loaded} reload={jobs.reload}>
        {(result) =>
          result.jobs.length === 0 && !jobId ? (
            <p id="candidates-no-jobs">{t("noOpenJobs")}</p>
          ) : (
            <div className="toolbar card">
              <label className="field">
                {t("job")}
                <select
                  id="candidates-job"
                  value={jobId}
                  onChange={(e) => navigate(e.target.value ? "/candidates/" + e.target.value : "/candidates")}
                >
                  <option value="">{t("chooseJob")}</option>
                  {result.jobs.map((job) => (
                    <option key={job.id} value={job.id}>
                      {job.title}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                {t("limit")}
                <select id="candidates-limit" value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
                  {[10, 20, 50, 100].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )
        }
      </LoadState>
      {jobId ? (
        <LoadState loaded={ranked.loaded} reload={ranked.reload}>
          {(found) =>
            found ? (
              <section aria-labelledby="candidates-heading">
                <h2 id="candidates-heading">{t("forJob", { title: found.job.details.title })}</h2>
                <p className="muted">
                  {t("jobSummary", {
                    rate: rateRange(language, found.job.details.rateMinYen, found.job.details.rateMaxYen) || "—",
                    style: enums(found.job.details.workStyle),
                    min: found.job.details.daysMin,
                    max: found.job.details.daysMax,
                  })}
                </p>
                <p className="muted" aria-live="polite" id="candidates-count">
                  {found.candidates.length ? t("count", { count: found.candidates.length }) : ""}
                </p>
                {found.candidates.length === 0 ? (
                  <p id="candidates-empty">{t("empty")}</p>
                ) : (
                  <ol className="plain" id="candidates-list">
                    {found.candidates.map((c, i) => (
                      <li key={c.freelancerId} className="card" data-testid={"candidate-" + c.freelancerId}>
                        <div className="page-head">
                          <div>
                            <h3 style={{ margin: 0 }}>
                              <span className="muted">{t("rank", { rank: i + 1 })}</span>{" "}
                              <Link to={"/freelancers/" + encodeURIComponent(c.freelancerId)} className="profile-link">
                                {c.displayName ?? c.freelancerId}
                              </Link>
                            </h3>
                            {c.title ? <p className="muted">{c.title}</p> : null}
                          </div>
                          <p className="score" aria-label={`${t("score")} ${percent(c.score)}`}>
                            {t("score")} {percent(c.score)}
                          </p>
                        </div>
                        <p className="visually-hidden">{summary(language, c.explanation)}</p>
                        <Explanation explanation={c.explanation} id={"match-explanation-" + c.freelancerId} />
                        <div className="actions">
                          <Link to={"/messages/" + encodeURIComponent(c.freelancerId)}>{t("message")}</Link>
                          <Link
                            to={`/scouts/to/${encodeURIComponent(c.freelancerId)}/${encodeURIComponent(found.job.id)}`}
                            className="button accent"
                          >
                            {t("scout")}
                          </Link>
                        </div>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            ) : null
          }
        </LoadState>
      ) : null}
    </>
  );
}
