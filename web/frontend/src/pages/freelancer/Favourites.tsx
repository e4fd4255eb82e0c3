import { useCallback, useState } from "react";
import { api } from "../../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { ENUM_LABELS } from "../shared/labels";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { jobSearchMessages, JobSummary } from "./JobSearch";
import type { FavouritesView, SimilarJob } from "./searchTypes";
import { similarReason } from "./similar";

const messages = defineMessages({
  ja: {
    title: "気になる案件",
    intro: "「気になる」に追加した公開中の案件です。募集が終了した案件は表示されません。",
    empty: "気になる案件はまだありません。案件一覧の「☆ 気になる」で追加できます。",
    mark: "☆ 気になる",
    marked: "★ 気になる",
    markLabel: "気になるに追加",
    unmarkLabel: "気になるから外す",
    similar: "似た案件",
    noSimilar: "似た案件は見つかりませんでした。",
    back: "案件を探す",
  },
  en: {
    title: "Favourite jobs",
    intro: "Open jobs you marked as a favourite. Jobs that closed are not shown.",
    empty: "No favourites yet. Mark jobs with “☆ Favourite” in the job list.",
    mark: "☆ Favourite",
    marked: "★ Favourite",
    markLabel: "Add to favourites",
    unmarkLabel: "Remove from favourites",
    similar: "Similar jobs",
    noSimilar: "No similar jobs found.",
    back: "Find jobs",
  },
});

/** The ids of the caller's favourite jobs, and marking and unmarking them. */
export function useFavourites() {
  const [ids, setIds] = useState<Set<string> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { loaded } = useLoad(async (signal) => {
    const list = await api<FavouritesView>("/v1/me/favourite-jobs", { signal });
    setIds(new Set(list.jobs.map((job) => job.id)));
    return list;
  }, []);
  const toggle = useCallback(
    async (jobId: string) => {
      const marked = ids?.has(jobId) ?? false;
      try {
        await api<void>(`/v1/me/favourite-jobs/${encodeURIComponent(jobId)}`, { method: marked ? "DELETE" : "PUT" });
        setIds((before) => {
          const next = new Set(before ?? []);
          if (marked) next.delete(jobId);
          else next.add(jobId);
          return next;
        });
        setError(null);
      } catch (e) {
        setError(e);
      }
    },
    [ids],
  );
  return { ids, toggle, error, ready: loaded.state === "ready" };
}

export type FavouritesState = ReturnType<typeof useFavourites>;

/** ☆ / ★ 気になる on a job: a toggle button whose pressed state says whether it is marked. */
export function FavouriteButton({ jobId, favourites }: { jobId: string; favourites: FavouritesState }) {
  const t = useT(messages);
  const language = useLang();
  const marked = favourites.ids?.has(jobId) ?? false;
  return (
    <span>
      <button
        type="button"
        className="button subtle"
        aria-pressed={marked}
        aria-label={t(marked ? "unmarkLabel" : "markLabel")}
        data-favourite={jobId}
        disabled={!favourites.ready}
        onClick={() => void favourites.toggle(jobId)}
      >
        {t(marked ? "marked" : "mark")}
      </button>
      {favourites.error ? <span className="error"> {problemText(favourites.error, language)}</span> : null}
    </span>
  );
}

/** `/favourites`: the open jobs the freelancer marked. */
export function FavouriteJobs() {
  const t = useT(messages);
  const s = useT(jobSearchMessages);
  const favourites = useFavourites();
  const { loaded, reload } = useLoad((signal) => api<FavouritesView>("/v1/me/favourite-jobs", { signal }), []);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <p>
        <Link to="/jobs">← {t("back")}</Link>
      </p>
      <LoadState loaded={loaded} reload={reload}>
        {(list) =>
          list.jobs.length === 0 ? (
            <p id="favourites-empty">{t("empty")}</p>
          ) : (
            <ul className="plain" id="favourites">
              {list.jobs.map((job) => (
                <li key={job.id} className="card" data-testid={"favourite-" + job.id}>
                  <div style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
                    <h3 style={{ margin: 0 }}>
                      <Link to={"/jobs/" + job.id}>{job.title}</Link>
                    </h3>
                    <FavouriteButton jobId={job.id} favourites={favourites} />
                  </div>
                  <p className="muted" style={{ margin: 0 }}>
                    {s("by", { name: job.tenantName })}
                  </p>
                  <JobSummary job={job} t={s} />
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}

/** Jobs like the one shown, each with one line saying why. */
export function SimilarJobs({ jobId }: { jobId: string }) {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const action = useAction();
  const { loaded, reload } = useLoad((signal) => api<SimilarJob[]>(`/v1/postings/${encodeURIComponent(jobId)}/similar?limit=5`, { signal }), [jobId]);
  return (
    <section aria-labelledby="similar-heading" className="card" style={{ marginTop: 16 }}>
      <h2 id="similar-heading" style={{ marginTop: 0 }}>
        {t("similar")}
      </h2>
      <NoticeLine notice={action.notice} />
      <LoadState loaded={loaded} reload={reload}>
        {(list) =>
          list.length === 0 ? (
            <p id="similar-empty">{t("noSimilar")}</p>
          ) : (
            <ul className="plain" id="similar-jobs">
              {list.map((similar) => (
                <li key={similar.job.id} data-testid={"similar-" + similar.job.id} style={{ marginBottom: 8 }}>
                  <Link to={"/jobs/" + similar.job.id}>{similar.job.title}</Link>
                  <br />
                  <span className="muted" data-similar-reason>
                    {similarReason(language, similar, enums(similar.job.workStyle))}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}
