import { useEffect, useState, type FormEvent } from "react";
import { api, query } from "../api";
import { axisLabel, currentMonth, monthsBack } from "../chart";
import { BarChart } from "../components/BarChart";
import { ErrorNotice } from "../components/ErrorNotice";
import {
  defineMessages,
  formatCompact,
  formatCount,
  formatMonth,
  formatYen,
  useLang,
  useT,
} from "@proxima/frontend-core/i18n";
import { navigate } from "@proxima/frontend-core/router";
import type { MonthlyMetrics, Tenant } from "../types";

const messages = defineMessages({
  ja: {
    title: "実績グラフ",
    intro:
      "月ごとのマッチング(応募とスカウト承諾)、契約、請求額です。月は日本時間、請求額は税込みで、取消(赤伝)を差し引いた額です。",
    from: "開始月",
    to: "終了月",
    monthHint: "YYYY-MM",
    tenant: "テナント",
    all: "全テナント",
    show: "表示",
    loading: "読み込み中…",
    matches: "マッチング数",
    matchesDesc: "{scope}の {from} から {to} までの月別マッチング数(応募 + スカウト承諾)。合計 {total} 件。",
    contracts: "契約数",
    contractsDesc: "{scope}の {from} から {to} までの月別の新規契約数。合計 {total} 件。",
    revenue: "請求額",
    revenueDesc: "{scope}の {from} から {to} までの月別請求額(税込み、取消差引)。合計 {total}。",
    scopeAll: "全テナント",
    scopeOne: "{name}",
    table: "月別の数値",
    month: "月",
    applications: "応募",
    acceptedScouts: "スカウト承諾",
    total: "合計",
    byTenant: "テナント別の合計",
    tenantCol: "テナント",
    pick: "{name} のグラフを表示",
  },
  en: {
    title: "Charts",
    intro:
      "Matches (applications and accepted scouts), contracts and invoiced amounts per month. Months are Japan time; amounts include tax, net of credit notes.",
    from: "From month",
    to: "To month",
    monthHint: "YYYY-MM",
    tenant: "Tenant",
    all: "All tenants",
    show: "Show",
    loading: "Loading…",
    matches: "Matches",
    matchesDesc: "Matches per month (applications plus accepted scouts) for {scope}, {from} to {to}. {total} in all.",
    contracts: "Contracts",
    contractsDesc: "New contracts per month for {scope}, {from} to {to}. {total} in all.",
    revenue: "Invoiced",
    revenueDesc: "Amount invoiced per month (tax included, net of credit notes) for {scope}, {from} to {to}. {total} in all.",
    scopeAll: "all tenants",
    scopeOne: "{name}",
    table: "Figures per month",
    month: "Month",
    applications: "Applications",
    acceptedScouts: "Accepted scouts",
    total: "Total",
    byTenant: "Totals per tenant",
    tenantCol: "Tenant",
    pick: "Show the charts of {name}",
  },
});

type Range = { from: string; to: string; tenantId: string };

function initialRange(): Range {
  const params = new URLSearchParams(window.location.search);
  const to = params.get("to") ?? currentMonth();
  return {
    from: params.get("from") ?? monthsBack(/^\d{4}-\d{2}$/.test(to) ? to : currentMonth(), 12),
    to,
    tenantId: params.get("tenantId") ?? "",
  };
}

export function Metrics() {
  const t = useT(messages);
  const language = useLang();
  const [range, setRange] = useState<Range>(initialRange);
  const [applied, setApplied] = useState<Range>(range);
  const [metrics, setMetrics] = useState<MonthlyMetrics | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tenants, setTenants] = useState<Tenant[]>([]);

  useEffect(() => {
    api<Tenant[]>("/v1/platform/tenants").then(setTenants, () => setTenants([]));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    api<MonthlyMetrics>("/v1/platform/metrics/monthly" + query(applied), { signal: controller.signal }).then(
      setMetrics,
      (e) => {
        if (!(e instanceof DOMException && e.name === "AbortError")) setError(e);
      },
    );
    return () => controller.abort();
  }, [applied]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ ...range });
    // The URL keeps the view, so it can be bookmarked or shared.
    navigate("/metrics" + query(range));
  };

  const show = (tenantId: string) => {
    const next = { ...range, tenantId };
    setRange(next);
    setApplied(next);
    navigate("/metrics" + query(next));
  };

  const months = metrics?.months ?? [];
  const labels = months.map((m) => formatMonth(language, m.month));
  const axis = months.map((m, i) => axisLabel(m.month, i === 0));
  const sum = (pick: (m: MonthlyMetrics["months"][number]) => number) => months.reduce((a, m) => a + pick(m), 0);
  const scopeName = metrics?.tenantId
    ? t("scopeOne", { name: metrics.tenants[0]?.displayName ?? metrics.tenantId })
    : t("scopeAll");
  const words = {
    scope: scopeName,
    from: metrics ? formatMonth(language, metrics.from) : "",
    to: metrics ? formatMonth(language, metrics.to) : "",
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <form id="metrics-filters" className="toolbar card" onSubmit={submit}>
        <div className="field">
          <label htmlFor="metrics-from">{t("from")}</label>
          <input
            id="metrics-from"
            name="from"
            type="month"
            placeholder={t("monthHint")}
            value={range.from}
            onChange={(e) => setRange({ ...range, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="metrics-to">{t("to")}</label>
          <input
            id="metrics-to"
            name="to"
            type="month"
            placeholder={t("monthHint")}
            value={range.to}
            onChange={(e) => setRange({ ...range, to: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="metrics-tenant">{t("tenant")}</label>
          <select
            id="metrics-tenant"
            name="tenantId"
            value={range.tenantId}
            onChange={(e) => setRange({ ...range, tenantId: e.target.value })}
          >
            <option value="">{t("all")}</option>
            {tenants.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {tenant.branding.displayName} ({tenant.slug})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" id="apply-metrics">
          {t("show")}
        </button>
      </form>
      <ErrorNotice error={error} id="metrics-error" />
      {!metrics && !error ? <p role="status">{t("loading")}</p> : null}
      {metrics ? (
        <>
          <div className="charts" aria-live="polite">
            <BarChart
              id="chart-matches"
              title={t("matches")}
              description={t("matchesDesc", { ...words, total: formatCount(language, sum((m) => m.matches)) })}
              labels={labels}
              axisLabels={axis}
              values={months.map((m) => m.matches)}
              formatValue={(v) => formatCount(language, v)}
              formatTick={(v) => formatCompact(language, v)}
              colour="#1f4fd1"
            />
            <BarChart
              id="chart-contracts"
              title={t("contracts")}
              description={t("contractsDesc", { ...words, total: formatCount(language, sum((m) => m.contracts)) })}
              labels={labels}
              axisLabels={axis}
              values={months.map((m) => m.contracts)}
              formatValue={(v) => formatCount(language, v)}
              formatTick={(v) => formatCompact(language, v)}
              colour="#1b7f3b"
            />
            <BarChart
              id="chart-revenue"
              title={t("revenue")}
              description={t("revenueDesc", { ...words, total: formatYen(language, sum((m) => m.invoicedYen)) })}
              labels={labels}
              axisLabels={axis}
              values={months.map((m) => m.invoicedYen)}
              formatValue={(v) => formatYen(language, v)}
              formatTick={(v) => formatCompact(language, v)}
              colour="#9a4b00"
            />
          </div>

          <h2 id="metrics-table-title">{t("table")}</h2>
          <div className="table-wrap">
            <table className="grid" id="metrics-table" aria-labelledby="metrics-table-title">
              <thead>
                <tr>
                  <th scope="col">{t("month")}</th>
                  <th scope="col" className="number">{t("matches")}</th>
                  <th scope="col" className="number">{t("applications")}</th>
                  <th scope="col" className="number">{t("acceptedScouts")}</th>
                  <th scope="col" className="number">{t("contracts")}</th>
                  <th scope="col" className="number">{t("revenue")}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((m, i) => (
                  <tr key={m.month} data-testid={`metrics-month-${m.month}`}>
                    <th scope="row">{labels[i]}</th>
                    <td className="number">{formatCount(language, m.matches)}</td>
                    <td className="number">{formatCount(language, m.applications)}</td>
                    <td className="number">{formatCount(language, m.acceptedScouts)}</td>
                    <td className="number">{formatCount(language, m.contracts)}</td>
                    <td className="number">{formatYen(language, m.invoicedYen)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("total")}</th>
                  <td className="number">{formatCount(language, sum((m) => m.matches))}</td>
                  <td className="number">{formatCount(language, sum((m) => m.applications))}</td>
                  <td className="number">{formatCount(language, sum((m) => m.acceptedScouts))}</td>
                  <td className="number">{formatCount(language, sum((m) => m.contracts))}</td>
                  <td className="number">{formatYen(language, sum((m) => m.invoicedYen))}</td>
                </tr>
              </tfoot>
            </table>
          </div>

          <h2 id="tenant-totals-title">{t("byTenant")}</h2>
          <div className="table-wrap">
            <table className="grid" id="tenant-totals" aria-labelledby="tenant-totals-title">
              <thead>
                <tr>
                  <th scope="col">{t("tenantCol")}</th>
                  <th scope="col" className="number">{t("matches")}</th>
                  <th scope="col" className="number">{t("contracts")}</th>
                  <th scope="col" className="number">{t("revenue")}</th>
                </tr>
              </thead>
              <tbody>
                {metrics.tenants.map((tenant) => (
                  <tr key={tenant.tenantId} data-testid={`metrics-tenant-${tenant.slug}`}>
                    <th scope="row">
                      <button
                        type="button"
                        className="linklike"
                        onClick={() => show(tenant.tenantId)}
                        aria-label={t("pick", { name: tenant.displayName })}
                      >
                        {tenant.displayName}
                      </button>
                      <span className="muted small block">{tenant.slug}</span>
                    </th>
                    <td className="number">{formatCount(language, tenant.matches)}</td>
                    <td className="number">{formatCount(language, tenant.contracts)}</td>
                    <td className="number">{formatYen(language, tenant.invoicedYen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
