import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { apiBlob } from "../../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { problemText } from "./problems";
import "../pages.css";

const messages = defineMessages({
  ja: { loading: "読み込み中…", retry: "再読み込み", failed: "読み込めませんでした: {reason}" },
  en: { loading: "Loading…", retry: "Try again", failed: "Could not load: {reason}" },
});

export type Loaded<T> =
  | { state: "loading"; data?: T }
  | { state: "error"; error: unknown; data?: T }
  | { state: "ready"; data: T };

/**
 * Loads once per change of `deps` and on `reload()`; a load that a newer one overtook is
 * dropped, so a slow answer never replaces a fresh one.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoaded((before) => ({ state: "loading", data: before.data }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setLoaded({ state: "ready", data });
      },
      (error) => {
        if (!controller.signal.aborted) setLoaded((before) => ({ state: "error", error, data: before.data }));
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  /** Replaces the data, or updates it from the latest (safe when several answers interleave). */
  const set = useCallback(
    (next: T | ((before: T) => T)) =>
      setLoaded((before) => {
        if (typeof next !== "function") return { state: "ready", data: next };
        return before.data === undefined
          ? before
          : { state: "ready", data: (next as (before: T) => T)(before.data) };
      }),
    [],
  );
  return { loaded, reload, set };
}

/** Loading and error states of a section, announced; children render once there is data. */
export function LoadState<T>(props: {
  loaded: Loaded<T>;
  reload: () => void;
  id?: string;
  children: (data: T) => ReactNode;
}) {
  const t = useT(messages);
  const language = useLang();
  const { loaded } = props;
  return (
    <>
      <div
        aria-live="polite"
        aria-busy={loaded.state === "loading"}
        className="load-state"
        id={props.id}
      >
        {loaded.state === "loading" ? (
          <p className="muted" role="status">
            {t("loading")}
          </p>
        ) : null}
        {loaded.state === "error" ? (
          <div className="error" role="alert">
            <p>{t("failed", { reason: problemText(loaded.error, language) })}</p>
            <button type="button" className="button subtle" onClick={props.reload}>
              {t("retry")}
            </button>
          </div>
        ) : null}
      </div>
      {loaded.data !== undefined ? props.children(loaded.data) : null}
    </>
  );
}

/** The outcome of an action, read out by screen readers: a status, or an alert when it failed. */
export type Notice = { text: string; error?: boolean } | null;

export function NoticeLine({ notice, id }: { notice: Notice; id?: string }) {
  return (
    <p
      id={id}
      className={"notice " + (notice?.error ? "error" : "ok")}
      role={notice?.error ? "alert" : "status"}
      aria-live={notice?.error ? "assertive" : "polite"}
    >
      {notice?.text ?? ""}
    </p>
  );
}

/** An input's error, tied to it by `aria-describedby={errorId(name)}`. */
export function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span id={id} className="field-error error">
      {text}
    </span>
  ) : null;
}

/** Props for an input that may be invalid. */
export function invalid(formId: string, name: string, error?: string) {
  return {
    id: `${formId}-${name}`,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${formId}-${name}-error` : undefined,
  } as const;
}

/** Saves what `apiBlob` fetched under `fileName`, as a normal download. */
export async function download(path: string, fileName: string): Promise<void> {
  const blob = await apiBlob(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Sends a file as the raw request body, as `POST /v1/me/skill-sheets?fileName=` takes it (it does
 * not read multipart: a FormData body would be stored envelope and all). `api()` only sends JSON
 * or FormData, so this does the same steps for a Blob body and raises the same ApiError.
 */
/** Runs one action at a time and reports how it went. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (action: () => Promise<string | null>, onError?: (e: unknown) => string) => {
    setBusy(true);
    setNotice(null);
    try {
      const text = await action();
      if (mounted.current) setNotice(text ? { text } : null);
      return true;
    } catch (e) {
      if (mounted.current) setNotice({ text: onError ? onError(e) : String(e), error: true });
      return false;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  return { busy, notice, setNotice, run };
}
