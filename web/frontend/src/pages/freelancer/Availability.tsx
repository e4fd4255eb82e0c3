import { useEffect, useState, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import type { Availability as AvailabilityView, AvailabilityStatus, WorkStyle } from "../../types";
import { firstOfNextMonth, isoDate, nextMonday } from "./availabilityDates";

const messages = defineMessages({
  ja: {
    title: "稼働状況",
    intro: "変更は公開先のエージェント・企業のボードに即座に反映されます。",
    now: "今すぐ稼働可能",
    fromNextMonth: "{date} から稼働可能",
    fromMonday: "{date}（月）から稼働可能",
    off: "稼働不可にする",
    quick: "ワンクリックで変更",
    current: "現在の状況",
    details: "詳細",
    status: "状況",
    AVAILABLE: "稼働可能",
    AVAILABLE_FROM: "開始日を指定",
    UNAVAILABLE: "稼働不可",
    availableFrom: "開始日",
    daysPerWeek: "週の稼働日数",
    hoursPerDay: "1日の稼働時間",
    workStyle: "働き方",
    REMOTE: "リモート",
    HYBRID: "ハイブリッド",
    ON_SITE: "常駐",
    rateMin: "希望単価 下限（万円/月）",
    rateMax: "希望単価 上限（万円/月）",
    note: "補足（500字まで）",
    save: "保存",
    saved: "保存しました（{time}）",
    conflict: "別の端末で先に変更されました。最新の内容を表示しています。",
    notSet: "まだ稼働状況が登録されていません。",
    failed: "保存できませんでした: {reason}",
    loadFailed: "稼働状況を読み込めませんでした: {reason}",
    rateBoth: "希望単価は下限と上限の両方を入力してください（空欄なら未設定）。",
  },
  en: {
    title: "Availability",
    intro: "Changes appear at once on the boards of the agencies and companies you share with.",
    now: "Available now",
    fromNextMonth: "Available from {date}",
    fromMonday: "Available from Monday {date}",
    off: "Not available",
    quick: "One click",
    current: "Now",
    details: "Details",
    status: "Status",
    AVAILABLE: "Available",
    AVAILABLE_FROM: "From a date",
    UNAVAILABLE: "Not available",
    availableFrom: "Start date",
    daysPerWeek: "Days a week",
    hoursPerDay: "Hours a day",
    workStyle: "Work style",
    REMOTE: "Remote",
    HYBRID: "Hybrid",
    ON_SITE: "On site",
    rateMin: "Rate from (10k JPY a month)",
    rateMax: "Rate up to (10k JPY a month)",
    note: "Note (up to 500 characters)",
    save: "Save",
    saved: "Saved ({time})",
    conflict: "Another device changed it first. This is the latest.",
    notSet: "You have not set your availability yet.",
    failed: "Not saved: {reason}",
    loadFailed: "Could not load your availability: {reason}",
    rateBoth: "Enter both ends of the rate, or leave both empty.",
  },
});

type Draft = {
  status: AvailabilityStatus;
  availableFrom: string;
  daysPerWeek: number;
  hoursPerDay: number;
  workStyle: WorkStyle;
  minManYen: string;
  maxManYen: string;
  note: string;
};

const DEFAULT_DRAFT: Draft = {
  status: "AVAILABLE",
  availableFrom: "",
  daysPerWeek: 5,
  hoursPerDay: 8,
  workStyle: "REMOTE",
  minManYen: "",
  maxManYen: "",
  note: "",
};

function draftOf(view: AvailabilityView): Draft {
  return {
    status: view.status,
    availableFrom: view.availableFrom ?? "",
    daysPerWeek: view.daysPerWeek,
    hoursPerDay: view.hoursPerDay,
    workStyle: view.workStyle,
    minManYen: view.rate ? String(view.rate.minManYen) : "",
    maxManYen: view.rate ? String(view.rate.maxManYen) : "",
    note: view.note ?? "",
  };
}

/** The freelancer's availability: one-click changes and the full form, with version checks. */
export function Availability() {
  const t = useT(messages);
  const language = useLang();
  const [current, setCurrent] = useState<AvailabilityView | null>(null);
  const [draft, setDraft] = useState<Draft>(DEFAULT_DRAFT);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const view = await api<AvailabilityView>("/v1/me/availability");
      setCurrent(view);
      setDraft(draftOf(view));
    } catch (e) {
      // 404 is a freelancer who has not set it yet: the form starts from the defaults
      if (!(e instanceof ApiError && e.status === 404)) {
        setNotice({ text: t("loadFailed", { reason: (e as Error).message }), error: true });
      }
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const save = async (next: Draft) => {
    if (!next.minManYen !== !next.maxManYen) {
      setNotice({ text: t("rateBoth"), error: true });
      return;
    }
    setBusy(true);
    setNotice(null);
    const rate =
      next.minManYen && next.maxManYen
        ? { minManYen: Number(next.minManYen), maxManYen: Number(next.maxManYen) }
        : null;
    try {
      const saved = await api<AvailabilityView>("/v1/me/availability", {
        method: "PUT",
        body: {
          status: next.status,
          availableFrom: next.status === "AVAILABLE_FROM" ? next.availableFrom : null,
          daysPerWeek: next.daysPerWeek,
          hoursPerDay: next.hoursPerDay,
          workStyle: next.workStyle,
          rate,
          note: next.note || null,
          ...(current ? { expectedVersion: current.version } : {}),
        },
      });
      setCurrent(saved);
      setDraft(draftOf(saved));
      setNotice({ text: t("saved", { time: formatDate(language, saved.updatedAt) }) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await load();
        setNotice({ text: t("conflict"), error: true });
      } else {
        setNotice({ text: t("failed", { reason: (e as Error).message }), error: true });
      }
    } finally {
      setBusy(false);
    }
  };

  const quick = (status: AvailabilityStatus, availableFrom = "") =>
    void save({ ...draft, status, availableFrom });
  const today = new Date();
  const nextMonth = firstOfNextMonth(today);
  const monday = nextMonday(today);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(draft);
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <section className="card" aria-labelledby="current-heading">
        <h2 id="current-heading" style={{ marginTop: 0 }}>
          {t("current")}
        </h2>
        <p id="current-availability" data-status={current?.status ?? ""}>
          {current ? (
            <span className={"status " + current.status}>
              {t(current.status)}
              {current.status === "AVAILABLE_FROM"
                ? " · " + formatDate(language, current.availableFrom)
                : ""}
            </span>
          ) : (
            t("notSet")
          )}
        </p>
        <div className="toolbar" role="group" aria-label={t("quick")}>
          <button
            type="button"
            className="button"
            id="available-now"
            disabled={busy}
            onClick={() => quick("AVAILABLE")}
          >
            {t("now")}
          </button>
          <button
            type="button"
            className="button accent"
            id="available-next-month"
            disabled={busy}
            onClick={() => quick("AVAILABLE_FROM", nextMonth)}
          >
            {t("fromNextMonth", { date: formatDate(language, nextMonth) })}
          </button>
          <button
            type="button"
            className="button accent"
            id="available-monday"
            disabled={busy}
            onClick={() => quick("AVAILABLE_FROM", monday)}
          >
            {t("fromMonday", { date: formatDate(language, monday) })}
          </button>
          <button
            type="button"
            className="button subtle"
            id="unavailable"
            disabled={busy}
            onClick={() => quick("UNAVAILABLE")}
          >
            {t("off")}
          </button>
        </div>
        {notice ? (
          <p className={notice.error ? "error" : "muted"} role={notice.error ? "alert" : "status"}>
            {notice.text}
          </p>
        ) : null}
      </section>
      <form className="card" onSubmit={submit} style={{ marginTop: 16 }} id="availability-form">
        <h2 style={{ marginTop: 0 }}>{t("details")}</h2>
        <div className="toolbar">
          <label className="field">
            {t("status")}
            <select
              name="status"
              value={draft.status}
              onChange={(e) => set("status", e.target.value as AvailabilityStatus)}
            >
              {(["AVAILABLE", "AVAILABLE_FROM", "UNAVAILABLE"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(s)}
                </option>
              ))}
            </select>
          </label>
          {draft.status === "AVAILABLE_FROM" ? (
            <label className="field">
              {t("availableFrom")}
              <input
                type="date"
                name="availableFrom"
                required
                min={isoDate(today)}
                value={draft.availableFrom}
                onChange={(e) => set("availableFrom", e.target.value)}
              />
            </label>
          ) : null}
          <label className="field">
            {t("daysPerWeek")}
            <input
              type="number"
              name="daysPerWeek"
              min={1}
              max={7}
              required
              value={draft.daysPerWeek}
              onChange={(e) => set("daysPerWeek", Number(e.target.value))}
            />
          </label>
          <label className="field">
            {t("hoursPerDay")}
            <input
              type="number"
              name="hoursPerDay"
              min={1}
              max={12}
              required
              value={draft.hoursPerDay}
              onChange={(e) => set("hoursPerDay", Number(e.target.value))}
            />
          </label>
          <label className="field">
            {t("workStyle")}
            <select
              name="workStyle"
              value={draft.workStyle}
              onChange={(e) => set("workStyle", e.target.value as WorkStyle)}
            >
              {(["REMOTE", "HYBRID", "ON_SITE"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t("rateMin")}
            <input
              type="number"
              name="minManYen"
              min={1}
              max={1000}
              value={draft.minManYen}
              onChange={(e) => set("minManYen", e.target.value)}
            />
          </label>
          <label className="field">
            {t("rateMax")}
            <input
              type="number"
              name="maxManYen"
              min={draft.minManYen || 1}
              max={1000}
              value={draft.maxManYen}
              onChange={(e) => set("maxManYen", e.target.value)}
            />
          </label>
        </div>
        <label className="field">
          {t("note")}
          <textarea
            name="note"
            maxLength={500}
            value={draft.note}
            onChange={(e) => set("note", e.target.value)}
          />
        </label>
        <p>
          <button type="submit" className="button" disabled={busy} id="save-availability">
            {t("save")}
          </button>
        </p>
      </form>
    </>
  );
}
