import { useCallback, useEffect, useState, type FormEvent } from "react";
import { api, apiDownload, query } from "../api";
import { actionLabel, actorLabel } from "../auditActions";
import { auditQuery, filtersFromSearch, NO_FILTERS, reversed, type AuditFilters } from "../auditFilters";
import { ErrorNotice } from "../components/ErrorNotice";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import type { AuditEvent, AuditPage, ChainCheck, Tenant } from "../types";

const messages = defineMessages({
  ja: {
    title: "監査ログ",
    filters: "絞り込み",
    chain: "対象",
    everything: "すべて",
    platform: "プラットフォーム",
    actor: "操作者 (subject)",
    action: "操作 (前方一致)",
    actionHint: "例: tenant. / profile.read",
    from: "開始日",
    to: "終了日",
    apply: "絞り込む",
    reset: "クリア",
    reversed: "終了日が開始日より前です。",
    when: "日時",
    what: "操作",
    tenant: "テナント",
    who: "操作者",
    target: "対象",
    details: "詳細",
    where: "送信元 IP",
    request: "リクエスト ID",
    none: "該当する記録はありません。",
    more: "さらに読み込む",
    loading: "読み込み中…",
    shown: "{count} 件を表示",
    export: "エクスポート",
    csv: "CSV で保存",
    json: "JSON で保存",
    excel: "Excel 向け (BOM 付き、数式をテキスト化)",
    exported: "{file} を保存しました。エクスポートも監査ログに記録されます。",
    verify: "改ざんチェック",
    verifyHint: "対象に特定のテナントかプラットフォームを選ぶと、ハッシュチェーンを検証できます。",
    verifyButton: "チェーンを検証",
    intact: "チェーンは完全です: {count} 件を検証、先頭は #{head}。",
    broken: "チェーンが壊れています: #{seq} ({kind})。",
  },
  en: {
    title: "Audit log",
    filters: "Filters",
    chain: "Chain",
    everything: "All",
    platform: "Platform",
    actor: "Actor (subject)",
    action: "Action (prefix)",
    actionHint: "e.g. tenant. or profile.read",
    from: "From",
    to: "To",
    apply: "Apply",
    reset: "Clear",
    reversed: "The end date is before the start date.",
    when: "When",
    what: "Action",
    tenant: "Tenant",
    who: "Actor",
    target: "Target",
    details: "Details",
    where: "Source IP",
    request: "Request id",
    none: "No entries match.",
    more: "Load more",
    loading: "Loading…",
    shown: "{count} entries shown",
    export: "Export",
    csv: "Save as CSV",
    json: "Save as JSON",
    excel: "For Excel (byte-order mark, formulas kept as text)",
    exported: "Saved {file}. The export itself is on the audit log.",
    verify: "Tamper check",
    verifyHint: "Pick one tenant or the platform as the chain to verify its hash chain.",
    verifyButton: "Verify chain",
    intact: "The chain is intact: {count} entries checked, head #{head}.",
    broken: "The chain is broken at #{seq} ({kind}).",
  },
});

const PAGE = 100;

export function Audit() {
  const t = useT(messages);
  const language = useLang();
  const [filters, setFilters] = useState<AuditFilters>(() => filtersFromSearch(window.location.search));
  const [applied, setApplied] = useState<AuditFilters>(filters);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tenants, setTenants] = useState<Tenant[]>([]);
  const [excel, setExcel] = useState(true);
  const [notice, setNotice] = useState("");
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Tenant[]>("/v1/platform/tenants").then(setTenants, () => setTenants([]));
  }, []);

  const load = useCallback(async (what: AuditFilters, after: string | null) => {
    setBusy(true);
    try {
      const page = await api<AuditPage>(
        "/v1/platform/audit-events" + query({ ...auditQuery(what), limit: PAGE, cursor: after }),
      );
      setEvents((previous) => (after && previous ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor ?? null);
      setError(null);
    } catch (e) {
      setError(e);
      if (!after) setEvents([]);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(applied, null);
  }, [applied, load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reversed(filters)) return;
    setCheck(null);
    setApplied({ ...filters });
  };

  const download = async (format: "csv" | "json") => {
    setError(null);
    try {
      const { blob, fileName } = await apiDownload(
        "/v1/platform/audit-events/export" +
          query({ ...auditQuery(applied), format, excel: format === "csv" && excel ? "true" : null }),
        format === "csv" ? "text/csv" : "application/json",
      );
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = fileName;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNotice(t("exported", { file: fileName }));
    } catch (e) {
      setError(e);
    }
  };

  const verify = async () => {
    setError(null);
    try {
      setCheck(await api<ChainCheck>("/v1/platform/audit-events/verify" + query({ tenant: applied.tenant })));
    } catch (e) {
      setError(e);
    }
  };

  const tenantName = (id: string | null) => {
    if (!id) return t("platform");
    const found = tenants.find((tenant) => tenant.id === id);
    return found ? found.branding.displayName : id;
  };
  const set = (field: keyof AuditFilters, value: string) => setFilters({ ...filters, [field]: value });

  return (
    <>
      <h1>{t("title")}</h1>
      <form id="audit-filters" className="toolbar card" onSubmit={submit} aria-label={t("filters")}>
        <div className="field">
          <label htmlFor="audit-tenant">{t("chain")}</label>
          <select id="audit-tenant" name="tenant" value={filters.tenant} onChange={(e) => set("tenant", e.target.value)}>
            <option value="">{t("everything")}</option>
            <option value="platform">{t("platform")}</option>
            {tenants.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {tenant.branding.displayName} ({tenant.slug})
              </option>
            ))}
            {filters.tenant && filters.tenant !== "platform" && !tenants.some((x) => x.id === filters.tenant) ? (
              <option value={filters.tenant}>{filters.tenant}</option>
            ) : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t("actor")}</label>
          <input id="audit-actor" name="actor" value={filters.actor} onChange={(e) => set("actor", e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t("action")}</label>
          <input
            id="audit-action"
            name="action"
            placeholder={t("actionHint")}
            value={filters.action}
            onChange={(e) => set("action", e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("from")}</label>
          <input id="audit-from" name="from" type="date" value={filters.from} onChange={(e) => set("from", e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("to")}</label>
          <input
            id="audit-to"
            name="to"
            type="date"
            value={filters.to}
            aria-invalid={reversed(filters)}
            aria-describedby={reversed(filters) ? "audit-to-error" : undefined}
            onChange={(e) => set("to", e.target.value)}
          />
          {reversed(filters) ? (
            <span className="field-error" id="audit-to-error">
              {t("reversed")}
            </span>
          ) : null}
        </div>
        <button type="submit" className="button" id="apply-filters">
          {t("apply")}
        </button>
        <button
          type="button"
          className="button subtle"
          id="reset-filters"
          onClick={() => {
            setFilters(NO_FILTERS);
            setApplied(NO_FILTERS);
            setCheck(null);
          }}
        >
          {t("reset")}
        </button>
      </form>

      <div className="cards">
        <section className="card" aria-labelledby="export-title">
          <h2 id="export-title">{t("export")}</h2>
          <label className="check">
            <input type="checkbox" id="export-excel" checked={excel} onChange={(e) => setExcel(e.target.checked)} />
            {t("excel")}
          </label>
          <div className="actions">
            <button type="button" className="button subtle" id="export-csv" onClick={() => download("csv")}>
              {t("csv")}
            </button>
            <button type="button" className="button subtle" id="export-json" onClick={() => download("json")}>
              {t("json")}
            </button>
          </div>
        </section>
        <section className="card" aria-labelledby="verify-title">
          <h2 id="verify-title">{t("verify")}</h2>
          {applied.tenant ? null : <p className="muted small">{t("verifyHint")}</p>}
          <button type="button" className="button subtle" id="verify-chain" onClick={verify} disabled={!applied.tenant}>
            {t("verifyButton")}
          </button>
          {check ? (
            <p
              id="verify-result"
              role="status"
              className={check.intact ? "notice ok" : "notice error"}
              data-intact={check.intact}
            >
              {check.intact
                ? t("intact", { count: check.entriesChecked, head: check.headSequence })
                : t("broken", { seq: check.firstBreak?.sequence ?? "?", kind: check.firstBreak?.kind ?? "" })}
            </p>
          ) : null}
        </section>
      </div>

      <p role="status" className="notice ok" id="audit-notice">
        {notice}
      </p>
      <ErrorNotice error={error} id="audit-error" />
      {events === null ? <p role="status">{t("loading")}</p> : null}
      {events ? (
        <>
          <p className="muted" aria-live="polite" id="audit-count">
            {t("shown", { count: events.length })}
          </p>
          <div className="table-wrap">
            <table className="grid" id="audit-table">
              <caption className="visually-hidden">{t("title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("when")}</th>
                  <th scope="col">{t("what")}</th>
                  <th scope="col">{t("tenant")}</th>
                  <th scope="col">{t("who")}</th>
                  <th scope="col">{t("target")}</th>
                  <th scope="col">{t("details")}</th>
                  <th scope="col">{t("where")}</th>
                  <th scope="col">{t("request")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id} data-testid={`audit-row-${event.id}`}>
                    <td className="nowrap">{formatDate(language, event.occurredAt)}</td>
                    <td title={event.action}>
                      {actionLabel(event.action, language)}
                      {actionLabel(event.action, language) !== event.action ? (
                        <>
                          <br />
                          <code className="small muted">{event.action}</code>
                        </>
                      ) : null}
                    </td>
                    <td>{tenantName(event.tenantId)}</td>
                    <td className="wrap" title={event.actorSubject ?? ""} data-testid="audit-actor">
                      {actorLabel(event, language)}
                    </td>
                    <td className="wrap">{event.target ?? ""}</td>
                    <td className="wrap">{event.details ?? ""}</td>
                    <td>{event.sourceIp ?? ""}</td>
                    <td className="wrap small">{event.requestId ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {events.length === 0 && !error ? <p className="muted">{t("none")}</p> : null}
          {cursor ? (
            <button type="button" className="button subtle" id="audit-more" disabled={busy} onClick={() => load(applied, cursor)}>
              {busy ? t("loading") : t("more")}
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}
