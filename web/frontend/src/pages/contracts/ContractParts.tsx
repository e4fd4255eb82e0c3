import { useEffect, useState } from "react";
import { apiBlob } from "../../api";
import { defineMessages, formatDate, formatMonth, useLang, useT } from "@proxima/frontend-core/i18n";
import { problemText } from "../shared/problems";
import { download } from "../shared/ui";
import { hoursText, paymentDueFor, paymentSite, timeline, yen, type Reminder } from "./contracts";
import type { ContractDossier, ContractStatus, SettlementView, Terms, TimeReportStatus } from "./contractTypes";
import "./contracts.css";

export const CONTRACT_LABELS = defineMessages({
  ja: {
    DRAFT: "下書き",
    AWAITING_SIGNATURES: "署名待ち",
    ACTIVE: "契約中",
    CONVERTED: "本契約へ移行済み",
    ENDED: "終了",
    TERMINATED: "中途解約",
    CANCELLED: "取り下げ",
    TRIAL: "お試し契約",
    MAIN: "本契約",
    CLIENT: "発注者",
    FREELANCER: "受注者（フリーランス）",
    QUASI_MANDATE: "準委任",
    CONTRACT_FOR_WORK: "請負",
    DISPATCH: "派遣",
    SUBMITTED: "承認待ち",
    APPROVED: "承認済み",
    REJECTED: "差し戻し",
    INVOICED: "請求済み",
    REPORT_DRAFT: "未提出（下書き）",
  },
  en: {
    DRAFT: "Draft",
    AWAITING_SIGNATURES: "Awaiting signatures",
    ACTIVE: "Active",
    CONVERTED: "Converted to main",
    ENDED: "Ended",
    TERMINATED: "Terminated",
    CANCELLED: "Withdrawn",
    TRIAL: "Trial",
    MAIN: "Main contract",
    CLIENT: "Client",
    FREELANCER: "Freelancer",
    QUASI_MANDATE: "Quasi-mandate",
    CONTRACT_FOR_WORK: "Contract for work",
    DISPATCH: "Dispatch",
    SUBMITTED: "Awaiting approval",
    APPROVED: "Approved",
    REJECTED: "Sent back",
    INVOICED: "Invoiced",
    REPORT_DRAFT: "Not submitted (draft)",
  },
});

const messages = defineMessages({
  ja: {
    endingSoon: "契約終了日（{date}）まであと{days}日です。",
    endsToday: "本日（{date}）が契約の最終日です。",
    renews: "更新条項により{months}か月自動更新されます。終了する場合は早めにご連絡ください。",
    noRenewal: "自動更新はありません。継続する場合は更新または本契約への切り替えを検討してください。",
    termsHeading: "契約条件",
    kind: "契約の種類",
    contractType: "契約形態",
    work: "業務内容",
    parties: "当事者",
    partiesValue: "発注者: {client} ／ 受注者: {freelancer}",
    period: "契約期間",
    periodValue: "{start} 〜 {end}",
    rate: "月額単価（税抜）",
    range: "精算幅",
    rangeValue: "{min}時間 〜 {max}時間（{method}）",
    UPPER_LOWER: "上下割",
    MIDDLE: "中間割",
    units: "超過・控除単価",
    unitsValue: "超過 1時間あたり {excess} ／ 控除 1時間あたり {shortfall}",
    payment: "支払いサイト",
    renewal: "更新",
    renewalAuto: "自動更新（期間満了時に{months}か月ずつ。どちらかが終了を申し出た場合を除く）",
    renewalNone: "自動更新なし（継続は双方の合意により改めて契約）",
    trialNote: "お試し契約は更新されません。継続する場合は本契約に切り替えます。",
    explainHeading: "この条件で実際にどうなるか",
    explainRangeFreelancer:
      "1か月の稼働が{min}時間から{max}時間の間であれば、報酬は月額{rate}のまま変わりません。{max}時間を超えた分は1時間につき{excess}が上乗せされ、{min}時間に満たない分は1時間につき{shortfall}が差し引かれます。",
    explainRangeStaff:
      "月の稼働が{min}〜{max}時間なら請求額は月額{rate}です。{max}時間を超えた時間は1時間{excess}で超過精算、{min}時間を下回った時間は1時間{shortfall}で控除します。",
    explainExample: "例: {max}時間を10時間超えると +{plus}、{min}時間に10時間足りないと −{minus} です。",
    explainPaymentFreelancer: "報酬は毎月末で締め、締め日から{days}日以内に支払われます。たとえば{month}分は{due}までに支払われます。",
    explainPaymentStaff: "毎月末締めで、締め日から{days}日以内に支払います（{month}分の支払期日: {due}）。",
    documentHeading: "契約書",
    downloadPdf: "PDFをダウンロード",
    preview: "契約書のプレビュー",
    previewFailed: "契約書を表示できませんでした: {reason}",
    previewLoading: "契約書を読み込み中…",
    draftPreview: "下書きのプレビューです。送付すると内容が確定し、この書面に双方が署名します。",
    historyHeading: "経緯",
    created: "{side}が下書きを作成",
    moved: "{side}が「{from}」→「{to}」",
    signed: "{party}が署名（{method}）",
    CLICK: "クリック署名",
    E_SIGNATURE: "電子署名",
    sideCLIENT: "発注者側",
    sideFREELANCER: "フリーランス本人",
    reason: "理由: {reason}",
    settlementHeading: "精算",
    hoursWorked: "稼働時間",
    inRange: "精算幅内（{min}〜{max}時間）",
    excess: "超過 {hours}時間 × {unit}",
    shortfall: "控除 {hours}時間 × {unit}",
    adjustment: "精算額",
    billable: "請求額（税抜）",
    base: "月額単価",
    hoursUnit: "{hours}時間",
  },
  en: {
    endingSoon: "The contract ends on {date}, in {days} days.",
    endsToday: "Today ({date}) is the contract's last day.",
    renews: "It renews by {months} months under its renewal clause unless someone ends it.",
    noRenewal: "It does not renew by itself: renew it or convert it to a main contract to continue.",
    termsHeading: "Terms",
    kind: "Kind",
    contractType: "Type",
    work: "Work",
    parties: "Parties",
    partiesValue: "Client: {client} / Freelancer: {freelancer}",
    period: "Period",
    periodValue: "{start} – {end}",
    rate: "Monthly rate (before tax)",
    range: "Settlement range",
    rangeValue: "{min} h – {max} h ({method})",
    UPPER_LOWER: "upper/lower",
    MIDDLE: "midpoint",
    units: "Excess / shortfall unit price",
    unitsValue: "excess {excess} per hour / shortfall {shortfall} per hour",
    payment: "Payment terms",
    renewal: "Renewal",
    renewalAuto: "Renews automatically by {months} months unless either side ends it",
    renewalNone: "No automatic renewal (continuing needs a new agreement)",
    trialNote: "A trial does not renew; convert it to a main contract to continue.",
    explainHeading: "What these terms mean",
    explainRangeFreelancer:
      "If you work between {min} and {max} hours in a month, you are paid the monthly {rate}. Each hour above {max} adds {excess}; each hour below {min} deducts {shortfall}.",
    explainRangeStaff:
      "Between {min} and {max} hours a month the bill is the monthly {rate}. Hours above {max} add {excess} each; hours below {min} deduct {shortfall} each.",
    explainExample: "E.g. 10 hours above {max}: +{plus}; 10 hours below {min}: −{minus}.",
    explainPaymentFreelancer: "Pay closes at each month's end and is paid within {days} days: {month} is paid by {due}.",
    explainPaymentStaff: "Closed at month end, paid within {days} days ({month} is due {due}).",
    documentHeading: "Contract document",
    downloadPdf: "Download PDF",
    preview: "Contract document preview",
    previewFailed: "Could not show the document: {reason}",
    previewLoading: "Loading the document…",
    draftPreview: "A draft's preview. Sending fixes the document; both sides sign exactly that.",
    historyHeading: "History",
    created: "{side} drafted it",
    moved: "{side}: {from} → {to}",
    signed: "{party} signed ({method})",
    CLICK: "click to sign",
    E_SIGNATURE: "e-signature",
    sideCLIENT: "Client side",
    sideFREELANCER: "The freelancer",
    reason: "Reason: {reason}",
    settlementHeading: "Settlement",
    hoursWorked: "Hours worked",
    inRange: "Inside the range ({min}–{max} h)",
    excess: "Excess {hours} h × {unit}",
    shortfall: "Shortfall {hours} h × {unit}",
    adjustment: "Adjustment",
    billable: "Billable (before tax)",
    base: "Monthly rate",
    hoursUnit: "{hours} h",
  },
});

export function StatusBadge({ status }: { status: ContractStatus | TimeReportStatus }) {
  const label = useT(CONTRACT_LABELS);
  return <span className={"badge " + status}>{label(status === "DRAFT" ? "DRAFT" : status)}</span>;
}

/** The reminder before a contract's last day, on the list and the contract. */
export function ReminderBanner({ reminder, endDate, renewalMonths, id }: { reminder: Reminder | null; endDate: string; renewalMonths: number; id?: string }) {
  const t = useT(messages);
  const language = useLang();
  if (!reminder) return null;
  const date = formatDate(language, endDate);
  return (
    <p className="reminder" role="status" id={id} data-testid="ending-reminder">
      {reminder.daysLeft <= 0 ? t("endsToday", { date }) : t("endingSoon", { date, days: reminder.daysLeft })}{" "}
      {reminder.renews ? t("renews", { months: renewalMonths }) : t("noRenewal")}
    </p>
  );
}

/** The terms in plain words, and what the 精算幅 and payment terms mean with these numbers. */
export function TermsExplained({ terms, kind, audience }: { terms: Terms; kind: "TRIAL" | "MAIN"; audience: "staff" | "freelancer" }) {
  const t = useT(messages);
  const label = useT(CONTRACT_LABELS);
  const language = useLang();
  const rate = yen(language, terms.monthlyRateYen);
  const excess = yen(language, terms.excessUnitYen ?? 0);
  const shortfall = yen(language, terms.shortfallUnitYen ?? 0);
  const min = hoursText(terms.minHours);
  const max = hoursText(terms.maxHours);
  const firstMonth = terms.startDate.substring(0, 7);
  const numbers = { min, max, rate, excess, shortfall };
  return (
    <section className="card" aria-labelledby="terms-heading" id="contract-terms">
      <h2 id="terms-heading">{t("termsHeading")}</h2>
      <dl className="terms-list">
        <dt>{t("kind")}</dt>
        <dd>{label(kind)}</dd>
        <dt>{t("contractType")}</dt>
        <dd>{label(terms.contractType)}</dd>
        <dt>{t("work")}</dt>
        <dd>
          {terms.title}
          {terms.description ? <span className="muted" style={{ display: "block", whiteSpace: "pre-wrap" }}>{terms.description}</span> : null}
        </dd>
        <dt>{t("parties")}</dt>
        <dd>{t("partiesValue", { client: terms.clientName, freelancer: terms.freelancerName })}</dd>
        <dt>{t("period")}</dt>
        <dd>{t("periodValue", { start: formatDate(language, terms.startDate), end: formatDate(language, terms.endDate) })}</dd>
        <dt>{t("rate")}</dt>
        <dd>{rate}</dd>
        <dt>{t("range")}</dt>
        <dd>{t("rangeValue", { min, max, method: t(terms.settlementMethod ?? "UPPER_LOWER") })}</dd>
        <dt>{t("units")}</dt>
        <dd>{t("unitsValue", { excess, shortfall })}</dd>
        <dt>{t("payment")}</dt>
        <dd>{paymentSite(language, terms.paymentDays)}</dd>
        <dt>{t("renewal")}</dt>
        <dd>{kind === "TRIAL" ? t("trialNote") : terms.renewalMonths ? t("renewalAuto", { months: terms.renewalMonths }) : t("renewalNone")}</dd>
      </dl>
      <div className="explanation-box" style={{ marginTop: 12 }} id="terms-explained">
        <h3 style={{ marginTop: 0 }}>{t("explainHeading")}</h3>
        <p>{t(audience === "freelancer" ? "explainRangeFreelancer" : "explainRangeStaff", numbers)}</p>
        <p>
          {t("explainExample", {
            min,
            max,
            plus: yen(language, (terms.excessUnitYen ?? 0) * 10),
            minus: yen(language, (terms.shortfallUnitYen ?? 0) * 10),
          })}
        </p>
        <p>
          {t(audience === "freelancer" ? "explainPaymentFreelancer" : "explainPaymentStaff", {
            days: terms.paymentDays,
            month: formatMonth(language, firstMonth),
            due: formatDate(language, paymentDueFor(firstMonth, terms.paymentDays)),
          })}
        </p>
      </div>
    </section>
  );
}

/** The contract's PDF shown inline, with a download; `path` is the API's document.pdf. */
export function DocumentPreview({ path, fileName, draft, version }: { path: string; fileName: string; draft: boolean; version: number }) {
  const t = useT(messages);
  const language = useLang();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    setUrl(null);
    setError(null);
    apiBlob(path).then(
      (blob) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(new Blob([blob], { type: "application/pdf" }));
        setUrl(objectUrl);
      },
      (e) => live && setError(problemText(e, language)),
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [path, version, language]);
  return (
    <section className="card" aria-labelledby="document-heading">
      <div className="page-head">
        <h2 id="document-heading" style={{ margin: 0 }}>
          {t("documentHeading")}
        </h2>
        <button type="button" className="button subtle" id="download-contract" onClick={() => void download(path, fileName)}>
          {t("downloadPdf")}
        </button>
      </div>
      {draft ? <p className="muted">{t("draftPreview")}</p> : null}
      {error ? (
        <p className="error" role="alert">
          {t("previewFailed", { reason: error })}
        </p>
      ) : url ? (
        <iframe className="pdf-preview" id="contract-preview" title={t("preview")} src={url} data-pdf-url={url} />
      ) : (
        <p className="muted" role="status">
          {t("previewLoading")}
        </p>
      )}
    </section>
  );
}

/** Draft → sent → each side's signature → active → end, with who and when. */
export function Timeline({ dossier }: { dossier: ContractDossier }) {
  const t = useT(messages);
  const label = useT(CONTRACT_LABELS);
  const language = useLang();
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t("historyHeading")}</h2>
      <ol className="timeline" id="contract-timeline">
        {timeline(dossier).map((entry, i) => (
          <li key={i} data-testid={entry.kind === "signature" ? "signature-" + entry.party : "step-" + entry.to}>
            <time dateTime={entry.at}>{formatDate(language, entry.at)}</time>
            {entry.kind === "signature"
              ? t("signed", { party: label(entry.party), method: t(entry.method) })
              : entry.from
                ? t("moved", { side: t(entry.side === "FREELANCER" ? "sideFREELANCER" : "sideCLIENT"), from: label(entry.from), to: label(entry.to) })
                : t("created", { side: t(entry.side === "FREELANCER" ? "sideFREELANCER" : "sideCLIENT") })}
            {entry.kind === "step" && entry.reason ? <span className="muted"> — {t("reason", { reason: entry.reason })}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The server's settlement of a month against the 精算幅: shown before anyone invoices. */
export function SettlementFigures({ settlement, id }: { settlement: SettlementView; id?: string }) {
  const t = useT(messages);
  const language = useLang();
  const s = settlement;
  const line =
    s.excessHours > 0
      ? t("excess", { hours: hoursText(s.excessHours), unit: yen(language, s.excessUnitYen) })
      : s.shortfallHours > 0
        ? t("shortfall", { hours: hoursText(s.shortfallHours), unit: yen(language, s.shortfallUnitYen) })
        : t("inRange", { min: hoursText(s.minHours), max: hoursText(s.maxHours) });
  return (
    <dl className="terms-list" id={id} data-testid="settlement">
      <dt>{t("base")}</dt>
      <dd className="amount">{yen(language, s.monthlyRateYen)}</dd>
      <dt>{t("adjustment")}</dt>
      <dd className="amount">
        {line}: {s.adjustmentYen > 0 ? "+" : ""}
        {yen(language, s.adjustmentYen)}
      </dd>
      <dt>{t("billable")}</dt>
      <dd className="amount" data-testid="billable">
        <strong>{yen(language, s.billableYen)}</strong>
      </dd>
    </dl>
  );
}
