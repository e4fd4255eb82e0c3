import { useState, type FormEvent } from "react";
import { api } from "../../api";
import { defineMessages, formatDate, formatMonth, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import {
  dayTotal,
  endingReminder,
  hasSigned,
  hoursText,
  paymentDueFor,
  reportMonths,
  tokyoToday,
  workDaysFromForm,
  workDaysOf,
  yen,
} from "./contracts";
import { CONTRACT_LABELS, DocumentPreview, ReminderBanner, SettlementFigures, StatusBadge, TermsExplained, Timeline } from "./ContractParts";
import type { ContractDossier, ContractView, TimeReportView } from "./contractTypes";

const messages = defineMessages({
  ja: {
    title: "契約",
    intro: "エージェント・企業と結んだ契約の一覧です。契約書の確認・署名と、毎月の稼働報告ができます。",
    empty: "まだ契約はありません。",
    toSign: "署名をお待ちしています",
    client: "発注者: {name}",
    period: "{start} 〜 {end}",
    rate: "月額 {rate}",
    open: "契約を開く",
    back: "契約一覧へ",
    withClient: "{client} との{kind}",
    signHeading: "契約書への署名",
    signIntro: "下の契約書の内容をご確認のうえ、署名してください。署名は表示中の契約書（SHA-256: {sha}）に対して記録されます。",
    sign: "内容を確認し、署名する",
    signed: "署名しました。",
    youSigned: "署名済みです。発注者の署名をお待ちください。",
    draftNotice: "発注者が契約条件を準備中です。確定すると署名できるようになります。",
    reportsHeading: "稼働報告",
    reportsIntro: "月ごとの稼働時間を、合計または日別で入力して提出します。提出後は発注者が承認するか、理由を添えて差し戻します。",
    noMonths: "契約開始後に稼働報告を入力できます。",
    month: "対象月",
    mode: "入力方法",
    total: "合計時間で入力",
    daily: "日別に入力",
    totalHours: "稼働時間の合計（時間）",
    dayHours: "{date}",
    dayTotal: "日別の合計: {hours}時間",
    saveDraft: "下書き保存",
    submit: "提出する",
    saved: "{month}の稼働報告を保存しました。",
    submitted: "{month}の稼働報告を提出しました。承認をお待ちください。",
    badHours: "稼働時間は0以上の数値（小数点以下2桁まで）で入力してください。",
    badDay: "{date} の時間は0〜24の数値で入力してください。",
    sentBack: "差し戻されました。理由: {reason}",
    correct: "内容を修正して再提出してください。",
    locked: "この月は{status}のため変更できません。",
    settlementHeading: "この月の精算",
    paidBy: "支払期日の目安: {date}",
    reportOf: "{month}: {hours}時間",
    remark: "備考（任意・1,000字まで。休日稼働や障害対応など）",
    remarkShown: "備考: {remark}",
  },
  en: {
    title: "Contracts",
    intro: "Your contracts with agencies and companies: read and sign the documents, and report your hours each month.",
    empty: "No contracts yet.",
    toSign: "Waiting for your signature",
    client: "Client: {name}",
    period: "{start} – {end}",
    rate: "{rate} a month",
    open: "Open",
    back: "All contracts",
    withClient: "{kind} with {client}",
    signHeading: "Sign the contract",
    signIntro: "Read the document below, then sign. Your signature is recorded on exactly this document (SHA-256: {sha}).",
    sign: "I have read it: sign",
    signed: "Signed.",
    youSigned: "You have signed. Waiting for the client's signature.",
    draftNotice: "The client is still preparing the terms; you can sign once they are fixed.",
    reportsHeading: "Time reports",
    reportsIntro: "Report each month's hours, as a total or per day, and submit them. The client approves or sends them back with a reason.",
    noMonths: "Reports open once the contract has started.",
    month: "Month",
    mode: "Enter",
    total: "a total",
    daily: "per day",
    totalHours: "Total hours",
    dayHours: "{date}",
    dayTotal: "Days add up to {hours} h",
    saveDraft: "Save draft",
    submit: "Submit",
    saved: "{month} saved.",
    submitted: "{month} submitted for approval.",
    badHours: "Enter hours as a number of 0 or more, up to 2 decimals.",
    badDay: "{date}: hours between 0 and 24.",
    sentBack: "Sent back. Reason: {reason}",
    correct: "Correct it and submit again.",
    locked: "This month is {status} and cannot change.",
    settlementHeading: "This month's settlement",
    paidBy: "Paid by about {date}",
    reportOf: "{month}: {hours} h",
    remark: "Remark (optional, up to 1,000 characters: weekend work, incidents…)",
    remarkShown: "Remark: {remark}",
  },
});

/** `/contracts` for a freelancer: their contracts in every tenant. */
export function MyContracts() {
  const t = useT(messages);
  const label = useT(CONTRACT_LABELS);
  const language = useLang();
  const today = tokyoToday();
  const { loaded, reload } = useLoad((signal) => api<ContractView[]>("/v1/me/contracts?limit=200", { signal }), []);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <LoadState loaded={loaded} reload={reload}>
        {(contracts) =>
          contracts.length === 0 ? (
            <p id="my-contracts-empty">{t("empty")}</p>
          ) : (
            <ul className="plain stack" id="my-contracts">
              {contracts.map((c) => {
                const reminder = endingReminder(c, today);
                const toSign = c.status === "AWAITING_SIGNATURES" && !hasSigned(c, "FREELANCER");
                return (
                  <li key={c.id} className="card" data-testid={"my-contract-" + c.id} data-status={c.status}>
                    <h2 style={{ marginTop: 0 }}>
                      <Link to={"/contracts/" + encodeURIComponent(c.id)}>{c.terms.title}</Link>{" "}
                      <span className={"badge " + c.kind}>{label(c.kind)}</span> <StatusBadge status={c.status} />
                    </h2>
                    {toSign ? <p className="reminder">{t("toSign")}</p> : null}
                    <ReminderBanner reminder={reminder} endDate={c.terms.endDate} renewalMonths={c.terms.renewalMonths ?? 0} />
                    <p className="meta-line">
                      <span>{t("client", { name: c.terms.clientName })}</span>
                      <span>{t("period", { start: formatDate(language, c.terms.startDate), end: formatDate(language, c.terms.endDate) })}</span>
                      <span>{t("rate", { rate: yen(language, c.terms.monthlyRateYen) })}</span>
                    </p>
                  </li>
                );
              })}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}

/** `/contracts/:contractId` for the freelancer: the terms explained, the document, sign, hours. */
export function MyContract({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const label = useT(CONTRACT_LABELS);
  const language = useLang();
  const id = params.contractId;
  const base = `/v1/me/contracts/${encodeURIComponent(id)}`;
  const { loaded, reload, set } = useLoad((signal) => api<ContractDossier>(base, { signal }), [id]);
  const action = useAction();
  const today = tokyoToday();
  return (
    <>
      <p>
        <Link to="/contracts">{t("back")}</Link>
      </p>
      <LoadState loaded={loaded} reload={reload}>
        {(dossier) => {
          const c = dossier.contract;
          return (
            <>
              <h1 style={{ marginBottom: 4 }}>{c.terms.title}</h1>
              <p className="muted">
                {t("withClient", { client: c.terms.clientName, kind: label(c.kind) })}{" "}
                <span id="contract-status" data-status={c.status}>
                  <StatusBadge status={c.status} />
                </span>
              </p>
              <ReminderBanner reminder={endingReminder(c, today)} endDate={c.terms.endDate} renewalMonths={c.terms.renewalMonths ?? 0} id="contract-reminder" />
              <NoticeLine notice={action.notice} id="contract-notice" />
              {c.status === "DRAFT" ? <p className="muted">{t("draftNotice")}</p> : null}
              {c.status === "AWAITING_SIGNATURES" ? (
                <section className="card" aria-labelledby="sign-heading">
                  <h2 id="sign-heading">{t("signHeading")}</h2>
                  {hasSigned(c, "FREELANCER") ? (
                    <p>{t("youSigned")}</p>
                  ) : (
                    <>
                      <p>{t("signIntro", { sha: (c.documentSha256 ?? "").substring(0, 12) + "…" })}</p>
                      <button
                        type="button"
                        className="button accent"
                        id="sign-contract"
                        disabled={action.busy}
                        onClick={() =>
                          void action.run(
                            async () => {
                              set(await api<ContractDossier>(base + "/sign", { method: "POST", body: { documentSha256: c.documentSha256 } }));
                              return t("signed");
                            },
                            (e) => problemText(e, language),
                          )
                        }
                      >
                        {t("sign")}
                      </button>
                    </>
                  )}
                </section>
              ) : null}
              <TermsExplained terms={c.terms} kind={c.kind} audience="freelancer" />
              <DocumentPreview path={base + "/document.pdf"} fileName={`contract-${c.id}.pdf`} draft={c.status === "DRAFT"} version={c.version} />
              <Reports dossier={dossier} base={base} onChanged={reload} />
              <Timeline dossier={dossier} />
            </>
          );
        }}
      </LoadState>
    </>
  );
}

function Reports({ dossier, base, onChanged }: { dossier: ContractDossier; base: string; onChanged: () => void }) {
  const t = useT(messages);
  const language = useLang();
  const c = dossier.contract;
  const months = c.status === "DRAFT" || c.status === "AWAITING_SIGNATURES" || c.status === "CANCELLED" ? [] : reportMonths(c.terms, tokyoToday());
  const [chosen, setChosen] = useState("");
  // the months open up when the contract becomes active under this page
  const month = months.includes(chosen) ? chosen : (months[0] ?? "");
  const report = dossier.timeReports.find((r) => r.month === month) ?? null;
  return (
    <section className="card" aria-labelledby="reports-heading" id="time-reports">
      <h2 id="reports-heading">{t("reportsHeading")}</h2>
      <p className="muted">{t("reportsIntro")}</p>
      {months.length === 0 ? (
        <p className="muted">{t("noMonths")}</p>
      ) : (
        <>
          <label className="field">
            {t("month")}
            <select id="report-month" value={month} onChange={(e) => setChosen(e.target.value)}>
              {months.map((m) => {
                const existing = dossier.timeReports.find((r) => r.month === m);
                return (
                  <option key={m} value={m}>
                    {formatMonth(language, m)}
                    {existing ? ` — ${CONTRACT_LABELS[language][existing.status === "DRAFT" ? "REPORT_DRAFT" : existing.status]}` : ""}
                  </option>
                );
              })}
            </select>
          </label>
          <ReportForm key={month + ":" + (report?.version ?? 0)} contract={c} month={month} report={report} base={base} onChanged={onChanged} />
        </>
      )}
    </section>
  );
}

function ReportForm(props: { contract: ContractView; month: string; report: TimeReportView | null; base: string; onChanged: () => void }) {
  const { contract, month, report, base, onChanged } = props;
  const t = useT(messages);
  const label = useT(CONTRACT_LABELS);
  const language = useLang();
  const action = useAction();
  const [mode, setMode] = useState<"total" | "daily">(report && report.days.length > 0 ? "daily" : "total");
  const [total, setTotal] = useState(report ? hoursText(report.hours) : "");
  const [remark, setRemark] = useState(report?.remark ?? "");
  const [byDay, setByDay] = useState<Record<string, string>>(() =>
    Object.fromEntries(workDaysOf(month, contract.terms).map((d) => [d, hoursText(report?.days.find((w) => w.date === d)?.hours ?? 0).replace(/^0$/, "")])),
  );
  const editable = !report || report.status === "DRAFT" || report.status === "REJECTED";
  const monthText = formatMonth(language, month);
  const path = `${base}/time-reports/${month}`;
  const days = workDaysFromForm(byDay);

  const save = (andSubmit: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    void action.run(
      async () => {
        let body: { hours?: number; days?: { date: string; hours: number }[]; remark: string | null; expectedVersion: number };
        if (mode === "daily") {
          if (typeof days === "string") throw new Error(t("badDay", { date: formatDate(language, days) }));
          body = { hours: dayTotal(days), days, remark: remark.trim() || null, expectedVersion: report?.version ?? 0 };
        } else {
          if (!/^\d+(\.\d{1,2})?$/.test(total.trim())) throw new Error(t("badHours"));
          body = { hours: Number(total.trim()), remark: remark.trim() || null, expectedVersion: report?.version ?? 0 };
        }
        const written = await api<TimeReportView>(path, { method: "PUT", body });
        if (andSubmit) {
          await api(path + "/submit", { method: "POST", body: { expectedVersion: written.version } });
        }
        onChanged();
        return t(andSubmit ? "submitted" : "saved", { month: monthText });
      },
      (e) => problemText(e, language),
    );
  };

  return (
    <div id="report-form-wrap">
      <NoticeLine notice={action.notice} id="report-notice" />
      {report ? (
        <p data-testid="report-status" data-status={report.status}>
          {t("reportOf", { month: monthText, hours: hoursText(report.hours) })} <StatusBadge status={report.status} />
        </p>
      ) : null}
      {report?.remark && !editable ? <p className="muted">{t("remarkShown", { remark: report.remark })}</p> : null}
      {report?.status === "REJECTED" && report.note ? (
        <div className="sent-back" id="sent-back-reason" role="alert">
          <p style={{ margin: 0 }}>{t("sentBack", { reason: report.note })}</p>
          <p style={{ margin: 0 }}>{t("correct")}</p>
        </div>
      ) : null}
      {report?.settlement ? (
        <>
          <h3>{t("settlementHeading")}</h3>
          <SettlementFigures settlement={report.settlement} id="my-settlement" />
          <p className="muted">{t("paidBy", { date: formatDate(language, paymentDueFor(month, contract.terms.paymentDays)) })}</p>
        </>
      ) : null}
      {editable ? (
        <form id="report-form" onSubmit={save(true)} noValidate>
          <fieldset className="checks">
            <legend>{t("mode")}</legend>
            <label>
              <input type="radio" name="report-mode" id="report-mode-total" checked={mode === "total"} onChange={() => setMode("total")} /> {t("total")}
            </label>
            <label>
              <input type="radio" name="report-mode" id="report-mode-daily" checked={mode === "daily"} onChange={() => setMode("daily")} /> {t("daily")}
            </label>
          </fieldset>
          {mode === "total" ? (
            <label className="field">
              {t("totalHours")}
              <input id="report-hours" inputMode="decimal" value={total} onChange={(e) => setTotal(e.target.value)} />
            </label>
          ) : (
            <>
              <div className="day-grid">
                {Object.keys(byDay).map((d) => (
                  <label key={d} className="field">
                    {formatDate(language, d)}
                    <input data-testid={"day-" + d} inputMode="decimal" value={byDay[d]} onChange={(e) => setByDay({ ...byDay, [d]: e.target.value })} />
                  </label>
                ))}
              </div>
              <p className="muted" aria-live="polite">
                {typeof days === "string" ? t("badDay", { date: formatDate(language, days) }) : t("dayTotal", { hours: hoursText(dayTotal(days)) })}
              </p>
            </>
          )}
          <label className="field">
            {t("remark")}
            <textarea id="report-remark" rows={2} maxLength={1000} value={remark} onChange={(e) => setRemark(e.target.value)} />
          </label>
          <div className="actions">
            <button type="button" className="button subtle" id="save-report" disabled={action.busy} onClick={() => save(false)()}>
              {t("saveDraft")}
            </button>
            <button type="submit" className="button accent" id="submit-report" disabled={action.busy}>
              {t("submit")}
            </button>
          </div>
        </form>
      ) : report ? (
        <p className="muted">{t("locked", { status: label(report.status) })}</p>
      ) : null}
    </div>
  );
}
