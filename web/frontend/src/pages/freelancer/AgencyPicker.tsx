import { useEffect, useState } from "react";
import { api } from "../../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { problemText } from "../shared/problems";
import { searchText, withSharing, type ListedAgency } from "./agencySearch";

const messages = defineMessages({
  ja: {
    title: "エージェントを名前で探して公開する",
    search: "エージェント名",
    hint: "社名の一部を入力してください（例: さくら）。一覧に出るのは、登録されているエージェントだけです。",
    searching: "検索中…",
    none: "「{text}」を含むエージェントは見つかりませんでした。",
    results: "検索結果",
    share: "公開する",
    shared: "公開中",
    purpose: "利用目的: {purpose}",
  },
  en: {
    title: "Find an agency by name and share with it",
    search: "Agency name",
    hint: "Type part of its name (e.g. Sakura). Only agencies on the platform are listed.",
    searching: "Searching…",
    none: "No agency's name contains “{text}”.",
    results: "Results",
    share: "Share",
    shared: "Sharing",
    purpose: "Purpose of use: {purpose}",
  },
});

/** Search agencies by name; picking one asks the sharing page to share with it. */
export function AgencyPicker(props: {
  sharing: ReadonlyArray<{ tenantSlug: string; active: boolean }>;
  busy: boolean;
  onShare: (slug: string, name: string) => void;
}) {
  const t = useT(messages);
  const language = useLang();
  const [typed, setTyped] = useState("");
  const [found, setFound] = useState<{ text: string; agencies: ListedAgency[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = searchText(typed);

  useEffect(() => {
    if (!text) {
      setFound(null);
      return;
    }
    const controller = new AbortController();
    // Waits for a pause in typing: one request per word, not per key.
    const timer = setTimeout(() => {
      api<ListedAgency[]>("/v1/agencies?q=" + encodeURIComponent(text), { signal: controller.signal }).then(
        (agencies) => {
          setError(null);
          setFound({ text, agencies });
        },
        (e) => {
          if (!controller.signal.aborted) setError(problemText(e, language));
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, language]);

  const listed = found ? withSharing(found.agencies, props.sharing) : [];
  return (
    <section className="card" aria-labelledby="agency-picker-title" id="agency-picker" style={{ marginTop: 16 }}>
      <h2 id="agency-picker-title" style={{ marginTop: 0 }}>
        {t("title")}
      </h2>
      <label className="field">
        {t("search")}
        <input
          id="agency-search"
          type="search"
          value={typed}
          maxLength={100}
          onChange={(e) => setTyped(e.target.value)}
          aria-describedby="agency-search-hint"
          aria-controls="agency-results"
        />
        <span className="hint" id="agency-search-hint">
          {t("hint")}
        </span>
      </label>
      <div aria-live="polite">
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        {text && (!found || found.text !== text) && !error ? <p className="muted">{t("searching")}</p> : null}
        {found && found.text === text && listed.length === 0 ? (
          <p id="agency-none">{t("none", { text: found.text })}</p>
        ) : null}
      </div>
      {listed.length > 0 ? (
        <ul className="plain agency-results" id="agency-results" aria-label={t("results")}>
          {listed.map((agency) => (
            <li key={agency.slug} className="agency-result" data-testid={"agency-" + agency.slug}>
              <span className="agency-mark" aria-hidden="true" style={{ background: agency.primaryColor }}>
                {agency.logoUrl ? <img src={agency.logoUrl} alt="" /> : Array.from(agency.displayName)[0]}
              </span>
              <span className="agency-name">
                {agency.displayName}
                <span className="muted agency-purpose" style={{ display: "block", fontSize: "0.85em" }}>
                  {t("purpose", { purpose: agency.sharingPurpose })}
                </span>
              </span>
              {agency.shared ? (
                <span className="badge active">{t("shared")}</span>
              ) : (
                <button
                  type="button"
                  className="button"
                  disabled={props.busy}
                  data-testid={"pick-" + agency.slug}
                  onClick={() => props.onShare(agency.slug, agency.displayName)}
                >
                  {t("share")}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
