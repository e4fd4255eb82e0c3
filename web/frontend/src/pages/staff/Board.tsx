import { useEffect, useMemo, useRef, useState } from "react";
import { defineMessages, formatDate, formatManYen, useLang, useT } from "@proxima/frontend-core/i18n";
import { LiveConnection, type LiveFrame, type LiveStatus } from "../../live";
import { Link } from "@proxima/frontend-core/router";
import { useSession } from "../../session";
import type { Availability, AvailabilityStatus, BoardEntry, WorkStyle } from "../../types";
import { api } from "../../api";
import { ConnectionStatus } from "../../shell/ConnectionStatus";
import { applySnapshotPage, rowsWithoutEntry, type BoardRow, withEntry } from "./boardSnapshot";
import { matchesAvailableBy, matchesSkills, skillTerms } from "./boardFilters";

const messages = defineMessages({
  ja: {
    title: "空き状況ボード",
    intro: "公開に同意したフリーランスの稼働状況がリアルタイムで更新されます。",
    statuses: "状況",
    AVAILABLE: "稼働可能",
    AVAILABLE_FROM: "開始日あり",
    UNAVAILABLE: "稼働不可",
    workStyles: "働き方",
    REMOTE: "リモート",
    HYBRID: "ハイブリッド",
    ON_SITE: "常駐",
    minDays: "週の最低日数",
    maxRate: "単価上限（万円）",
    availableBy: "この日までに稼働可能",
    skills: "スキル（カンマ区切り）",
    skillsHint: "例: Java, AWS",
    any: "指定なし",
    cards: "カード",
    table: "表",
    view: "表示",
    empty: "条件に合うフリーランスはいません。",
    count: "{count} 名",
    from: "{date} から",
    days: "週{days}日・1日{hours}時間",
    noRate: "単価未設定",
    notSet: "稼働状況は未登録です",
    updated: "更新 {time}",
    message: "メッセージ",
    online: "オンライン",
    name: "名前",
    status: "状況",
    rate: "単価",
    style: "働き方",
    clear: "条件をクリア",
  },
  en: {
    title: "Availability board",
    intro: "Freelancers who share their profile with you; their availability updates live.",
    statuses: "Status",
    AVAILABLE: "Available",
    AVAILABLE_FROM: "Available from",
    UNAVAILABLE: "Not available",
    workStyles: "Work style",
    REMOTE: "Remote",
    HYBRID: "Hybrid",
    ON_SITE: "On site",
    minDays: "At least days a week",
    maxRate: "Rate up to (10k JPY)",
    availableBy: "Available by",
    skills: "Skills (comma separated)",
    skillsHint: "e.g. Java, AWS",
    any: "Any",
    cards: "Cards",
    table: "Table",
    view: "View",
    empty: "No freelancer matches these filters.",
    count: "{count} freelancers",
    from: "from {date}",
    days: "{days} days a week, {hours} h a day",
    noRate: "No rate set",
    notSet: "No availability set yet",
    updated: "Updated {time}",
    message: "Message",
    online: "Online",
    name: "Name",
    status: "Status",
    rate: "Rate",
    style: "Work style",
    clear: "Clear filters",
  },
});

type Row = BoardRow;
type Filter = {
  statuses: AvailabilityStatus[];
  workStyles: WorkStyle[];
  minDaysPerWeek: number | null;
  maxRateManYen: number | null;
};
const NO_FILTER: Filter = { statuses: [], workStyles: [], minDaysPerWeek: null, maxRateManYen: null };
const STATUSES: AvailabilityStatus[] = ["AVAILABLE", "AVAILABLE_FROM", "UNAVAILABLE"];
const STYLES: WorkStyle[] = ["REMOTE", "HYBRID", "ON_SITE"];

/**
 * The live board: a snapshot when the socket opens, then every change as it happens. The server
 * filters by status, style, days and rate (so a filtered board gets only what it shows); the
 * "available by" date is applied here.
 */
export function Board() {
  const t = useT(messages);
  const language = useLang();
  const session = useSession();
  const [rows, setRows] = useState<Map<string, Row>>(new Map());
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [availableBy, setAvailableBy] = useState("");
  const [skills, setSkills] = useState("");
  const [view, setView] = useState<"cards" | "table">("cards");
  const connection = useRef<LiveConnection | null>(null);
  const filterRef = useRef(filter);
  filterRef.current = filter;

  useEffect(() => {
    const live = new LiveConnection({
      path: "/ws/board",
      tenant: session.slug,
      onStatus: (next) => {
        setStatus(next);
        if (next === "open") sendFilter(live, filterRef.current);
      },
      onFrame: (frame) => setRows((current) => apply(current, frame)),
    }).start();
    connection.current = live;
    return () => live.stop();
  }, [session.slug]);

  // A freelancer who (re)appears through a change alone arrives without name and skills: read the
  // entry once. A failed read is not retried on every frame; the next snapshot brings the entry.
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const id of rowsWithoutEntry(rows)) {
      if (asked.current.has(id)) continue;
      asked.current.add(id);
      api<BoardEntry>(`/v1/board/${encodeURIComponent(id)}`)
        .then((entry) => setRows((current) => withEntry(current, entry)))
        .catch(() => undefined);
    }
  }, [rows]);

  const changeFilter = (next: Filter) => {
    setFilter(next);
    if (connection.current) sendFilter(connection.current, next);
  };

  const visible = useMemo(
    () =>
      [...rows.values()]
        .filter((row) => matchesAvailableBy(row.availability, availableBy))
        .filter((row) => matchesSkills(row.skills, skillTerms(skills)))
        .sort((a, b) => (a.displayName ?? "").localeCompare(b.displayName ?? "", language)),
    [rows, availableBy, skills, language],
  );

  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  return (
    <>
      <div className="toolbar" style={{ justifyContent: "space-between" }}>
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        <ConnectionStatus status={status} />
      </div>
      <form className="toolbar card" aria-label={t("title")} onSubmit={(e) => e.preventDefault()}>
        <fieldset className="checks">
          <legend>{t("statuses")}</legend>
          {STATUSES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                name="status"
                value={s}
                checked={filter.statuses.includes(s)}
                onChange={() => changeFilter({ ...filter, statuses: toggle(filter.statuses, s) })}
              />{" "}
              {t(s)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checks">
          <legend>{t("workStyles")}</legend>
          {STYLES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                name="workStyle"
                value={s}
                checked={filter.workStyles.includes(s)}
                onChange={() =>
                  changeFilter({ ...filter, workStyles: toggle(filter.workStyles, s) })
                }
              />{" "}
              {t(s)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          {t("minDays")}
          <select
            name="minDaysPerWeek"
            value={filter.minDaysPerWeek ?? ""}
            onChange={(e) =>
              changeFilter({
                ...filter,
                minDaysPerWeek: e.target.value ? Number(e.target.value) : null,
              })
            }
          >
            <option value="">{t("any")}</option>
            {[1, 2, 3, 4, 5].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("maxRate")}
          <input
            type="number"
            name="maxRateManYen"
            min={1}
            max={1000}
            inputMode="numeric"
            value={filter.maxRateManYen ?? ""}
            onChange={(e) => {
              const value = Number(e.target.value);
              changeFilter({
                ...filter,
                maxRateManYen: e.target.value && value >= 1 && value <= 1000 ? value : null,
              });
            }}
          />
        </label>
        <label className="field">
          {t("skills")}
          <input
            type="search"
            name="skills"
            placeholder={t("skillsHint")}
            value={skills}
            onChange={(e) => setSkills(e.target.value)}
          />
        </label>
        <label className="field">
          {t("availableBy")}
          <input
            type="date"
            name="availableBy"
            value={availableBy}
            onChange={(e) => setAvailableBy(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button subtle"
          onClick={() => {
            setAvailableBy("");
            setSkills("");
            changeFilter(NO_FILTER);
          }}
        >
          {t("clear")}
        </button>
        <label className="field">
          {t("view")}
          <select value={view} onChange={(e) => setView(e.target.value as "cards" | "table")}>
            <option value="cards">{t("cards")}</option>
            <option value="table">{t("table")}</option>
          </select>
        </label>
      </form>
      <p className="muted" aria-live="polite" id="board-count">
        {t("count", { count: visible.length })}
      </p>
      {visible.length === 0 && status === "open" ? <p>{t("empty")}</p> : null}
      {view === "cards" ? (
        <ul className="cards" style={{ listStyle: "none", padding: 0 }} id="board">
          {visible.map((row) => (
            <li
              key={row.freelancerId + ":" + (row.changedAt ?? 0)}
              className={row.changedAt ? "card changed" : "card"}
              data-testid={"board-card-" + row.freelancerId}
            >
              <h2 style={{ margin: 0, fontSize: "1.05rem" }}>
                <Link to={"/freelancers/" + encodeURIComponent(row.freelancerId)} className="profile-link">
                  {row.displayName ?? row.freelancerId}
                </Link>{" "}
                {row.online ? <span className="badge">{t("online")}</span> : null}
              </h2>
              {row.title ? <p className="muted" style={{ margin: "2px 0" }}>{row.title}</p> : null}
              {row.skills && row.skills.length > 0 ? (
                <ul className="skills" aria-label={t("skills")}>
                  {row.skills.slice(0, 8).map((skill) => (
                    <li key={skill} className="badge">
                      {skill}
                    </li>
                  ))}
                </ul>
              ) : null}
              <AvailabilityLines availability={row.availability} t={t} language={language} />
              <Link to={"/messages/" + encodeURIComponent(row.freelancerId)}>{t("message")}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <table className="grid" id="board">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("style")}</th>
              <th scope="col">{t("rate")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr
                key={row.freelancerId + ":" + (row.changedAt ?? 0)}
                className={row.changedAt ? "changed" : undefined}
                data-testid={"board-row-" + row.freelancerId}
              >
                <td>
                  <Link to={"/freelancers/" + encodeURIComponent(row.freelancerId)} className="profile-link">
                    {row.displayName ?? row.freelancerId}
                  </Link>
                </td>
                <td>
                  <StatusText availability={row.availability} t={t} language={language} />
                </td>
                <td>{row.availability ? t(row.availability.workStyle) : ""}</td>
                <td>{rateText(row.availability, t, language)}</td>
                <td>
                  <Link to={"/messages/" + encodeURIComponent(row.freelancerId)}>
                    {t("message")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

type T = ReturnType<typeof useT<keyof (typeof messages)["ja"]>>;

function StatusText(props: { availability?: Availability | null; t: T; language: "ja" | "en" }) {
  const { availability, t, language } = props;
  if (!availability) return <span className="muted">{t("notSet")}</span>;
  return (
    <span className={"status " + availability.status} data-testid="status">
      {t(availability.status)}
      {availability.status === "AVAILABLE_FROM"
        ? " " + t("from", { date: formatDate(language, availability.availableFrom) })
        : ""}
    </span>
  );
}

function rateText(availability: Availability | null | undefined, t: T, language: "ja" | "en") {
  return availability?.rate
    ? formatManYen(language, availability.rate.minManYen, availability.rate.maxManYen)
    : t("noRate");
}

function AvailabilityLines(props: {
  availability?: Availability | null;
  t: T;
  language: "ja" | "en";
}) {
  const { availability, t, language } = props;
  return (
    <>
      <p style={{ margin: "6px 0" }}>
        <StatusText {...props} />
      </p>
      {availability ? (
        <ul className="muted" style={{ margin: 0, paddingLeft: "1.1rem" }}>
          <li>
            {t("days", { days: availability.daysPerWeek, hours: availability.hoursPerDay })}
          </li>
          <li>{t(availability.workStyle)}</li>
          <li>{rateText(availability, t, language)}</li>
          {availability.note ? <li>{availability.note}</li> : null}
          <li>{t("updated", { time: formatDate(language, availability.updatedAt) })}</li>
        </ul>
      ) : null}
    </>
  );
}

function sendFilter(live: LiveConnection, filter: Filter) {
  live.send({
    type: "filter",
    statuses: filter.statuses,
    workStyles: filter.workStyles,
    ...(filter.minDaysPerWeek ? { minDaysPerWeek: filter.minDaysPerWeek } : {}),
    ...(filter.maxRateManYen ? { maxRateManYen: filter.maxRateManYen } : {}),
  });
}

/** The board after one frame from the server. */
function apply(current: Map<string, Row>, frame: LiveFrame): Map<string, Row> {
  const next = new Map(current);
  const data = frame.data;
  switch (frame.type) {
    case "snapshot":
      return applySnapshotPage(current, data);
    case "availability":
    case "joined": {
      const before = current.get(data.freelancerId);
      next.set(data.freelancerId, {
        ...before,
        freelancerId: data.freelancerId,
        displayName: data.displayName ?? before?.displayName,
        availability: data.availability,
        online: before?.online,
        changedAt: Date.now(),
        partial: frame.type === "availability" && (before == null || before.partial === true),
      });
      return next;
    }
    case "hidden":
    case "left":
      next.delete(data.freelancerId);
      return next;
    case "presence": {
      const before = current.get(data.freelancerId);
      if (before) next.set(data.freelancerId, { ...before, online: data.online });
      return next;
    }
    default:
      return current;
  }
}
