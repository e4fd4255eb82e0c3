import { useMemo, useState, type FormEvent } from "react";
import { api } from "../../api";
import { defineMessages, formatDate, formatMonth, useLang, useT } from "@proxima/frontend-core/i18n";
import { query } from "@proxima/frontend-core/http";
import { Link, navigate } from "@proxima/frontend-core/router";
import { problemText } from "../shared/problems";
import { download, LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import {
  INVOICE_SORTS,
  INVOICE_STATUSES,
  NO_FILTER,
  clientsOf,
  filterRows,
  rowsOf,
  toInvoice,
  tokyoToday,
  yen,
  type InvoiceFilter,
  type ToInvoice,
} from "./invoiceStatus";
import type { ContractSummary, DossierView, InvoicePaymentsView, InvoiceView } from "./invoiceTypes";
import { STATUS_LABELS } from "./labels";
import "./invoicing.css";

const messages = defineMessages({
  ja: {
    title: "請求書",
    intro: "適格請求書（インボイス）の発行状況と入金状況です。発行済みの請求書は変更できません。訂正は赤伝（取消の請求書）を発行して行います。",
    settings: "発行元の設定",
    payments: "入金消込",
    toInvoice: "請求待ち",
    toInvoiceIntro: "承認済みで、まだ請求書を発行していない稼働月です。発行すると次の請求番号が使われます。",
    nothingToInvoice: "請求待ちの稼働月はありません。",
    contract: "契約",
    client: "請求先",
    freelancer: "担当者",
    month: "対象月",
    hours: "稼働時間",
    issueDate: "発行日",
    issue: "請求書を発行",
    issued: "{client} 宛の請求書 {number} を発行しました。",
    list: "発行済みの請求書",
    status: "状態",
    allStatuses: "すべての状態",
    clientFilter: "請求先",
    monthFilter: "発行月",
    overdueOnly: "期限超過のみ",
    sort: "並び順",
    number: "請求番号",
    dueDate: "支払期限",
    total: "請求額（税込）",
    received: "入金済",
    outstanding: "未入金",
    empty: "条件に合う請求書はありません。",
    none: "まだ請求書を発行していません。",
    count: "{count} 件",
    daysOverdue: "{days} 日超過",
    cancelledBy: "{number} で取消",
    corrects: "{number} の取消",
    export: "会計ソフト用 CSV",
    exportIntro: "指定した月に発行した請求書・赤伝を、会計ソフトに取り込める仕訳として出力します。",
    layout: "形式",
    freee: "freee会計（取引インポート）",
    moneyforward: "マネーフォワード クラウド会計（仕訳帳インポート）",
    encoding: "文字コード",
    utf8: "UTF-8（BOM付き）",
    sjis: "Shift_JIS（Excel 向け）",
    from: "開始月",
    to: "終了月",
    download: "CSV をダウンロード",
    downloaded: "{file} をダウンロードしました。",
    hoursValue: "{hours} 時間",
    hour: "時間",
    NUMBER: "請求番号の新しい順",
    ISSUE_DATE: "発行日の新しい順",
    DUE_DATE: "支払期限の近い順",
    TOTAL: "請求額の大きい順",
    OUTSTANDING: "未入金額の大きい順",
  },
  en: {
    title: "Invoices",
    intro: "Your qualified invoices and what has been paid. An issued invoice cannot change: correct it with a credit note.",
    settings: "Issuer settings",
    payments: "Reconcile payments",
    toInvoice: "To invoice",
    toInvoiceIntro: "Approved months without an invoice yet. Issuing takes the next invoice number.",
    nothingToInvoice: "Nothing waits to be invoiced.",
    contract: "Contract",
    client: "Client",
    freelancer: "Freelancer",
    month: "Month",
    hours: "Hours",
    issueDate: "Issue date",
    issue: "Issue invoice",
    issued: "Invoice {number} to {client} issued.",
    list: "Issued invoices",
    status: "Status",
    allStatuses: "All statuses",
    clientFilter: "Client",
    monthFilter: "Issue month",
    overdueOnly: "Overdue only",
    sort: "Sort",
    number: "Number",
    dueDate: "Due",
    total: "Total (tax incl.)",
    received: "Received",
    outstanding: "Outstanding",
    empty: "No invoice matches.",
    none: "No invoices issued yet.",
    count: "{count}",
    daysOverdue: "{days} days overdue",
    cancelledBy: "cancelled by {number}",
    corrects: "cancels {number}",
    export: "CSV for your accounting software",
    exportIntro: "The invoices and credit notes issued in these months as entries your accounting software imports.",
    layout: "Layout",
    freee: "freee (transaction import)",
    moneyforward: "Money Forward Cloud Accounting (journal import)",
    encoding: "Encoding",
    utf8: "UTF-8 with BOM",
    sjis: "Shift_JIS (for Excel)",
    from: "From",
    to: "To",
    download: "Download CSV",
    downloaded: "{file} downloaded.",
    hoursValue: "{hours} h",
    hour: "h",
    NUMBER: "Newest number",
    ISSUE_DATE: "Latest issue date",
    DUE_DATE: "Soonest due",
    TOTAL: "Largest total",
    OUTSTANDING: "Most outstanding",
  },
});

/** Contracts whose months can still be approved or invoiced; drafts and cancelled ones have none. */
const INVOICEABLE = new Set(["ACTIVE", "ENDED", "TERMINATED", "CONVERTED"]);

async function loadToInvoice(signal: AbortSignal): Promise<ToInvoice[]> {
  const contracts = await api<ContractSummary[]>("/v1/contracts?limit=200", { signal });
  // One dossier per contract: the API has no "approved, not invoiced" query, and an agency has
  // tens of running contracts, not thousands.
  const dossiers = await Promise.all(
    contracts
      .filter((c) => INVOICEABLE.has(c.status))
      .map((c) => api<DossierView>(`/v1/contracts/${encodeURIComponent(c.id)}`, { signal })),
  );
  return toInvoice(dossiers);
}

/** `/invoices`: what waits to be invoiced, the issued invoices with their status, the CSV export. */
export function Invoices() {
  const t = useT(messages);
  const language = useLang();
  const today = tokyoToday();
  const [filter, setFilter] = useState<InvoiceFilter>(NO_FILTER);
  const pending = useLoad(loadToInvoice, []);
  const listed = useLoad(async (signal) => {
    const [invoices, balances] = await Promise.all([
      api<InvoiceView[]>("/v1/invoices?limit=200", { signal }),
      api<InvoicePaymentsView[]>("/v1/invoice-balances?limit=200", { signal }),
    ]);
    return { invoices, balances };
  }, []);
  const rows = useMemo(
    () => (listed.loaded.data ? rowsOf(listed.loaded.data.invoices, listed.loaded.data.balances, today) : []),
    [listed.loaded.data, today],
  );
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const statusLabel = useT(STATUS_LABELS);
  const set = (patch: Partial<InvoiceFilter>) => setFilter((before) => ({ ...before, ...patch }));

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        <div className="actions">
          <Link to="/payments" className="button subtle">
            {t("payments")}
          </Link>
          <Link to="/settings/invoicing" className="button subtle">
            {t("settings")}
          </Link>
        </div>
      </div>

      <section aria-labelledby="to-invoice-heading" className="card" id="to-invoice">
        <h2 id="to-invoice-heading">{t("toInvoice")}</h2>
        <p className="muted">{t("toInvoiceIntro")}</p>
        <LoadState loaded={pending.loaded} reload={pending.reload}>
          {(items) =>
            items.length === 0 ? (
              <p id="to-invoice-empty">{t("nothingToInvoice")}</p>
            ) : (
              <div className="table-wrap">
                <table className="grid responsive" id="to-invoice-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("client")}</th>
                      <th scope="col">{t("contract")}</th>
                      <th scope="col">{t("month")}</th>
                      <th scope="col" className="yen">
                        {t("hours")}
                      </th>
                      <th scope="col">{t("issue")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => (
                      <IssueRow
                        key={item.report.id}
                        item={item}
                        today={today}
                        onIssued={() => {
                          pending.reload();
                          listed.reload();
                        }}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </LoadState>
      </section>

      <section aria-labelledby="invoice-list-heading">
        <h2 id="invoice-list-heading">{t("list")}</h2>
        <div className="toolbar card" role="search">
          <label className="field">
            {t("status")}
            <select
              id="invoice-filter-status"
              value={filter.status}
              onChange={(e) => set({ status: e.target.value as InvoiceFilter["status"] })}
            >
              <option value="">{t("allStatuses")}</option>
              {INVOICE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t("clientFilter")}
            <input
              id="invoice-filter-client"
              list="invoice-clients"
              value={filter.client}
              onChange={(e) => set({ client: e.target.value })}
            />
            <datalist id="invoice-clients">
              {clientsOf(rows).map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </label>
          <label className="field">
            {t("monthFilter")}
            <input
              id="invoice-filter-month"
              type="month"
              value={filter.month}
              onChange={(e) => set({ month: e.target.value })}
            />
          </label>
          <label className="checkbox-field">
            <input
              id="invoice-filter-overdue"
              type="checkbox"
              checked={filter.overdueOnly}
              onChange={(e) => set({ overdueOnly: e.target.checked })}
            />
            {t("overdueOnly")}
          </label>
          <label className="field">
            {t("sort")}
            <select
              id="invoice-sort"
              value={filter.sort}
              onChange={(e) => set({ sort: e.target.value as InvoiceFilter["sort"] })}
            >
              {INVOICE_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(s)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <LoadState loaded={listed.loaded} reload={listed.reload}>
          {() =>
            rows.length === 0 ? (
              <p id="invoices-none">{t("none")}</p>
            ) : shown.length === 0 ? (
              <p id="invoices-empty">{t("empty")}</p>
            ) : (
              <>
                <p className="muted" aria-live="polite" id="invoices-count">
                  {t("count", { count: shown.length })}
                </p>
                <div className="table-wrap">
                  <table className="grid responsive" id="invoices-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("number")}</th>
                        <th scope="col">{t("client")}</th>
                        <th scope="col">{t("issueDate")}</th>
                        <th scope="col">{t("dueDate")}</th>
                        <th scope="col" className="yen">
                          {t("total")}
                        </th>
                        <th scope="col" className="yen">
                          {t("received")}
                        </th>
                        <th scope="col" className="yen">
                          {t("outstanding")}
                        </th>
                        <th scope="col">{t("status")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((row) => (
                        <tr
                          key={row.invoice.id}
                          data-testid={"invoice-row-" + row.invoice.number}
                          data-status={row.status}
                        >
                          <td data-label={t("number")}>
                            <Link to={"/invoices/" + row.invoice.id}>{row.invoice.number}</Link>
                          </td>
                          <td data-label={t("client")}>{row.invoice.recipientName}</td>
                          <td data-label={t("issueDate")}>{formatDate(language, row.invoice.issueDate)}</td>
                          <td data-label={t("dueDate")}>{formatDate(language, row.invoice.dueDate)}</td>
                          <td data-label={t("total")} className="yen">
                            {yen(row.invoice.totalYen)}
                          </td>
                          <td data-label={t("received")} className="yen">
                            {row.invoice.kind === "CREDIT_NOTE" ? "—" : yen(row.receivedYen)}
                          </td>
                          <td data-label={t("outstanding")} className="yen">
                            {row.invoice.kind === "CREDIT_NOTE" ? "—" : yen(row.outstandingYen)}
                          </td>
                          <td data-label={t("status")}>
                            <span className={"badge " + row.status}>{statusLabel(row.status)}</span>
                            {row.daysOverdue > 0 ? (
                              <span className="muted"> {t("daysOverdue", { days: row.daysOverdue })}</span>
                            ) : null}
                            {row.cancelledBy ? (
                              <span className="muted"> {t("cancelledBy", { number: row.cancelledBy })}</span>
                            ) : null}
                            {row.invoice.corrects ? (
                              <span className="muted"> {t("corrects", { number: row.invoice.corrects })}</span>
                            ) : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )
          }
        </LoadState>
      </section>

      <ExportForm />
    </>
  );
}

/** One approved month: pick the issue date, issue, and land on the new invoice. */
function IssueRow({ item, today, onIssued }: { item: ToInvoice; today: string; onIssued: () => void }) {
  const t = useT(messages);
  const language = useLang();
  const [issueDate, setIssueDate] = useState(today);
  const action = useAction();
  const { contract, report } = item;
  const id = `issue-${contract.id}-${report.month}`;
  const issue = (e: FormEvent) => {
    e.preventDefault();
    void action.run(
      async () => {
        const invoice = await api<InvoiceView>(
          `/v1/contracts/${encodeURIComponent(contract.id)}/time-reports/${encodeURIComponent(report.month)}/invoice`,
          { method: "POST", body: { issueDate, expectedVersion: report.version } },
        );
        onIssued();
        navigate("/invoices/" + invoice.id);
        return t("issued", { client: invoice.recipientName, number: invoice.number });
      },
      (error) => problemText(error, language),
    );
  };
  return (
    <tr data-testid={"to-invoice-" + contract.id + "-" + report.month}>
      <td data-label={t("client")}>{contract.terms.clientName}</td>
      <td data-label={t("contract")}>
        {contract.terms.title}
        <br />
        <span className="muted">{contract.terms.freelancerName}</span>
      </td>
      <td data-label={t("month")}>{formatMonth(language, report.month)}</td>
      <td data-label={t("hours")} className="yen">
        {t("hoursValue", { hours: report.hours })}
      </td>
      <td data-label={t("issue")}>
        <form className="actions" onSubmit={issue} aria-label={t("issue")}>
          <label className="field">
            {t("issueDate")}
            <input
              id={id + "-date"}
              type="date"
              required
              value={issueDate}
              onChange={(e) => setIssueDate(e.target.value)}
            />
          </label>
          <button type="submit" className="button accent" id={id} disabled={action.busy}>
            {t("issue")}
          </button>
        </form>
        <NoticeLine notice={action.notice} />
      </td>
    </tr>
  );
}

function ExportForm() {
  const t = useT(messages);
  const language = useLang();
  const thisMonth = tokyoToday().slice(0, 7);
  const [layout, setLayout] = useState<"freee" | "moneyforward">("freee");
  const [encoding, setEncoding] = useState<"utf-8-bom" | "shift_jis">("utf-8-bom");
  const [from, setFrom] = useState(thisMonth);
  const [to, setTo] = useState(thisMonth);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(
      async () => {
        const file = `invoices-${layout}-${from}${to && to !== from ? "_" + to : ""}.csv`;
        await download("/v1/invoices/export.csv" + query({ layout, encoding, from, to }), file);
        return t("downloaded", { file });
      },
      (error) => problemText(error, language),
    );
  };
  return (
    <section aria-labelledby="export-heading" className="card" id="invoice-export">
      <h2 id="export-heading">{t("export")}</h2>
      <p className="muted">{t("exportIntro")}</p>
      <form className="form-grid" onSubmit={submit}>
        <label className="field">
          {t("layout")}
          <select id="export-layout" value={layout} onChange={(e) => setLayout(e.target.value as typeof layout)}>
            <option value="freee">{t("freee")}</option>
            <option value="moneyforward">{t("moneyforward")}</option>
          </select>
        </label>
        <label className="field">
          {t("encoding")}
          <select
            id="export-encoding"
            value={encoding}
            onChange={(e) => setEncoding(e.target.value as typeof encoding)}
          >
            <option value="utf-8-bom">{t("utf8")}</option>
            <option value="shift_jis">{t("sjis")}</option>
          </select>
        </label>
        <label className="field">
          {t("from")}
          <input id="export-from" type="month" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          {t("to")}
          <input id="export-to" type="month" required value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <div className="actions span-all">
          <button type="submit" className="button" id="export-download" disabled={action.busy}>
            {t("download")}
          </button>
        </div>
      </form>
      <NoticeLine notice={action.notice} id="export-notice" />
    </section>
  );
}
