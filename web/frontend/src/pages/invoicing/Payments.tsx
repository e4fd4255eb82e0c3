import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { problemText } from "../shared/problems";
import { NoticeLine, useAction } from "../shared/ui";
import { invoicesTouched, yen } from "./invoiceStatus";
import {
  MATCH_OUTCOMES,
  type InvoicePaymentsView,
  type InvoiceStanding,
  type StatementEntryView,
  type StatementReportView,
} from "./invoiceTypes";
import { OUTCOME_LABELS } from "./labels";
import "./invoicing.css";

const messages = defineMessages({
  ja: {
    title: "入金消込",
    intro: "銀行の入出金明細（CSV）を取り込むと、入金を請求書と突き合わせて消し込みます。摘要に請求番号（例: INV-000012）があれば自動で消し込み、なければ金額から候補を示します。",
    invoices: "請求書一覧へ",
    upload: "入出金明細を取り込む",
    file: "明細ファイル（CSV）",
    format: "列: 日付・振込依頼人・金額・摘要（見出し行は日本語・英語どちらでも可）。文字コードは UTF-8 または Shift_JIS。入金（プラスの金額）だけを取り込み、同じ入金を二重に記録することはありません。",
    chooseFile: "ファイルを選択してください。",
    submit: "取り込む",
    imported: "{count} 件の入金を取り込みました（文字コード: {charset}）。",
    rejected: "明細を取り込めませんでした。次の行を直してから、もう一度取り込んでください（1行でも誤りがあると、どの行も記録しません）。",
    legend: "判定の意味",
    result: "取込結果",
    line: "行",
    date: "日付",
    payer: "振込依頼人",
    amount: "金額",
    memo: "摘要",
    outcome: "判定",
    invoice: "請求書",
    invoiceStatus: "請求書の状態",
    action: "操作",
    confirm: "この請求書の入金として確定",
    confirmed: "確定済",
    confirmedMatch: "確認済み・消込済",
    confirmedHelp: "候補の請求書の入金として確定し、記録しました。",
    confirmedNotice: "{payer} からの {amount} を {number} の入金として確定しました。",
    detail: "詳細: {reason}",
    UNPAID: "未入金",
    PARTIALLY_PAID: "一部入金",
    PAID: "支払済",
    OVERPAID: "過入金",
  },
  en: {
    title: "Reconcile payments",
    intro: "Import your bank statement (CSV) to match credits with invoices. A memo naming an invoice (e.g. INV-000012) pays it; otherwise the amount suggests a candidate.",
    invoices: "All invoices",
    upload: "Import a bank statement",
    file: "Statement file (CSV)",
    format: "Columns: date, payer, amount, memo (headers in Japanese or English), UTF-8 or Shift_JIS. Only credits are imported, and a credit is never recorded twice.",
    chooseFile: "Choose a file.",
    submit: "Import",
    imported: "{count} credits imported (encoding: {charset}).",
    rejected: "The statement was not imported. Fix these lines and import it again (one bad line and nothing is recorded).",
    legend: "What the outcomes mean",
    result: "Import result",
    line: "Line",
    date: "Date",
    payer: "Payer",
    amount: "Amount",
    memo: "Memo",
    outcome: "Outcome",
    invoice: "Invoice",
    invoiceStatus: "Invoice status",
    action: "Action",
    confirm: "Confirm as this invoice's payment",
    confirmed: "Confirmed",
    confirmedMatch: "Confirmed, matched",
    confirmedHelp: "Confirmed and recorded as the suggested invoice's payment.",
    confirmedNotice: "{amount} from {payer} confirmed as payment of {number}.",
    detail: "Detail: {reason}",
    UNPAID: "Unpaid",
    PARTIALLY_PAID: "Partly paid",
    PAID: "Paid",
    OVERPAID: "Overpaid",
  },
});

type Imported = { report: StatementReportView; standings: Record<string, InvoiceStanding> };

async function standingsOf(invoiceIds: string[]): Promise<Record<string, InvoiceStanding>> {
  const balances = await Promise.all(
    invoiceIds.map((id) => api<InvoicePaymentsView>(`/v1/invoices/${encodeURIComponent(id)}/payments`)),
  );
  return Object.fromEntries(balances.map((b) => [b.invoiceId, b.standing]));
}

/** `/payments`: import a bank statement, review how each credit matched, confirm suggestions. */
export function Payments() {
  const t = useT(messages);
  const outcomes = useT(OUTCOME_LABELS);
  const language = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [lineErrors, setLineErrors] = useState<{ field: string; message: string }[]>([]);
  const upload = useAction();
  const confirm = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLineErrors([]);
    if (!file) {
      upload.setNotice({ text: t("chooseFile"), error: true });
      return;
    }
    void upload.run(
      async () => {
        try {
          // Sent as text/csv whatever the browser guessed (Windows labels CSV as Excel).
          const report = await api<StatementReportView>("/v1/bank-statements", {
            method: "POST",
            file: new Blob([file], { type: "text/csv" }),
          });
          setImported({ report, standings: await standingsOf(invoicesTouched(report)) });
          return t("imported", { count: report.entries.length, charset: report.charset });
        } catch (error) {
          if (error instanceof ApiError && error.violations.length) {
            setLineErrors(error.violations);
            throw new Error(t("rejected"));
          }
          throw error;
        }
      },
      (error) => problemText(error, language),
    );
  };

  const confirmEntry = (entry: StatementEntryView) =>
    void confirm.run(
      async () => {
        const updated = await api<StatementEntryView>(
          `/v1/bank-statements/matches/${encodeURIComponent(entry.id)}/confirm`,
          { method: "POST" },
        );
        const standings = updated.invoiceId ? await standingsOf([updated.invoiceId]) : {};
        setImported((before) =>
          before
            ? {
                report: {
                  ...before.report,
                  entries: before.report.entries.map((e) => (e.id === updated.id ? updated : e)),
                },
                standings: { ...before.standings, ...standings },
              }
            : before,
        );
        return t("confirmedNotice", {
          payer: entry.payerName,
          amount: yen(entry.amountYen),
          number: updated.invoiceNumber ?? "",
        });
      },
      (error) => problemText(error, language),
    );

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        <Link to="/invoices" className="button subtle">
          {t("invoices")}
        </Link>
      </div>

      <section className="card" aria-labelledby="statement-upload-heading">
        <h2 id="statement-upload-heading">{t("upload")}</h2>
        <form onSubmit={submit} className="form-grid">
          <label className="field span-all">
            {t("file")}
            <input
              id="statement-file"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <span className="hint">{t("format")}</span>
          </label>
          <div className="actions span-all">
            <button type="submit" className="button accent" id="statement-submit" disabled={upload.busy}>
              {t("submit")}
            </button>
          </div>
        </form>
        <NoticeLine notice={upload.notice} id="statement-notice" />
        {lineErrors.length ? (
          <ul className="form-error" id="statement-errors">
            {lineErrors.map((v, i) => (
              <li key={i}>
                {v.field}: {v.message}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {imported ? (
        <section aria-labelledby="statement-result-heading" id="statement-result">
          <h2 id="statement-result-heading">{t("result")}</h2>
          <p className="actions" id="statement-counts">
            {MATCH_OUTCOMES.filter((o) => imported.report.counts[o]).map((o) => (
              <span key={o} className={"badge " + o}>
                {outcomes(o)} {imported.report.counts[o]}
              </span>
            ))}
          </p>
          <NoticeLine notice={confirm.notice} id="confirm-notice" />
          <div className="table-wrap">
            <table className="grid responsive" id="statement-entries">
              <thead>
                <tr>
                  <th scope="col">{t("line")}</th>
                  <th scope="col">{t("date")}</th>
                  <th scope="col">{t("payer")}</th>
                  <th scope="col" className="yen">
                    {t("amount")}
                  </th>
                  <th scope="col">{t("memo")}</th>
                  <th scope="col">{t("outcome")}</th>
                  <th scope="col">{t("invoice")}</th>
                  <th scope="col">{t("invoiceStatus")}</th>
                  <th scope="col">{t("action")}</th>
                </tr>
              </thead>
              <tbody>
                {imported.report.entries.map((entry) => {
                  const standing = entry.invoiceId ? imported.standings[entry.invoiceId] : undefined;
                  return (
                    <tr key={entry.id} data-testid={"statement-line-" + entry.line} data-outcome={entry.outcome}>
                      <td data-label={t("line")}>{entry.line}</td>
                      <td data-label={t("date")}>{formatDate(language, entry.date)}</td>
                      <td data-label={t("payer")}>{entry.payerName}</td>
                      <td data-label={t("amount")} className="yen">
                        {yen(entry.amountYen)}
                      </td>
                      <td data-label={t("memo")}>{entry.memo ?? ""}</td>
                      <td data-label={t("outcome")}>
                        {entry.confirmed ? (
                          <span className="badge MATCHED">{t("confirmedMatch")}</span>
                        ) : (
                          <span className={"badge " + entry.outcome}>{outcomes(entry.outcome)}</span>
                        )}
                        <br />
                        <span className="muted">
                          {entry.confirmed
                            ? t("confirmedHelp")
                            : outcomes((entry.outcome + "_help") as "MATCHED_help")}
                        </span>
                        {/* The server's reason is English: it helps in English, it would only puzzle in Japanese. */}
                        {entry.reason && language === "en" ? (
                          <>
                            <br />
                            <small className="muted">{t("detail", { reason: entry.reason })}</small>
                          </>
                        ) : null}
                      </td>
                      <td data-label={t("invoice")}>
                        {entry.invoiceId ? (
                          <Link to={"/invoices/" + entry.invoiceId}>{entry.invoiceNumber}</Link>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td data-label={t("invoiceStatus")} data-standing={standing ?? ""}>
                        {standing ? t(standing) : "—"}
                      </td>
                      <td data-label={t("action")}>
                        {entry.outcome === "SUGGESTED" && !entry.confirmed ? (
                          <button
                            type="button"
                            className="button"
                            id={"confirm-" + entry.line}
                            disabled={confirm.busy}
                            onClick={() => confirmEntry(entry)}
                          >
                            {t("confirm")}
                          </button>
                        ) : entry.confirmed ? (
                          t("confirmed")
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section className="card" aria-labelledby="outcome-legend-heading">
        <h2 id="outcome-legend-heading">{t("legend")}</h2>
        <dl className="outcome-help">
          {MATCH_OUTCOMES.map((o) => (
            <div key={o} style={{ display: "contents" }}>
              <dt>
                <span className={"badge " + o}>{outcomes(o)}</span>
              </dt>
              <dd>{outcomes((o + "_help") as "MATCHED_help")}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
