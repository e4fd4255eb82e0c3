import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, apiBlob } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { problemText } from "../shared/problems";
import { download, LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { statusOf, tokyoToday, yen } from "./invoiceStatus";
import type { CardPaymentView, CardSetupView, InvoicePaymentsView, InvoiceView } from "./invoiceTypes";
import { STATUS_LABELS } from "./labels";
import { loadStripe, type StripeElement, type StripeElements, type StripeInstance } from "./stripe";
import "./invoicing.css";

const messages = defineMessages({
  ja: {
    back: "請求書一覧へ",
    invoice: "請求書 {number}",
    creditNote: "赤伝（取消） {number}",
    issuer: "発行元",
    registration: "登録番号",
    address: "所在地",
    bankAccount: "お振込先",
    recipient: "請求先",
    honorific: "{name} 御中",
    issueDate: "発行日",
    period: "対象期間",
    dueDate: "お支払期限",
    corrects: "取消対象",
    lines: "明細",
    description: "品目",
    quantity: "数量",
    unit: "単位",
    unitPrice: "単価",
    rate: "税率",
    amount: "金額（税抜）",
    taxable: "{label} 対象",
    tax: "消費税（{label}）",
    taxTotal: "消費税合計",
    total: "合計（税込）",
    document: "請求書 PDF",
    preview: "プレビューを表示",
    hidePreview: "プレビューを閉じる",
    previewAlt: "請求書 {number} のプレビュー",
    downloadPdf: "PDF をダウンロード",
    balance: "入金状況",
    received: "入金済",
    outstanding: "未入金残高",
    overpaid: "過入金",
    payments: "入金履歴",
    noPayments: "まだ入金はありません。",
    method: "方法",
    date: "日付",
    payer: "振込人・支払者",
    paid: "入金額",
    paymentStatus: "状態",
    CARD: "カード",
    BANK_TRANSFER: "銀行振込",
    PENDING: "処理中",
    SUCCEEDED: "入金済",
    FAILED: "失敗",
    CANCELED: "取消",
    REFUNDED: "返金済",
    card: "カード決済",
    cardIntro: "未入金残高 {amount} をクレジットカードで決済します。カード情報は Stripe の画面に入力され、当社のサーバーには送られません。",
    cardStart: "カード決済を始める",
    cardPay: "{amount} を支払う",
    cardLoading: "Stripe の決済画面を読み込んでいます…",
    cardDone: "カード決済を受け付けました。Stripe から入金の通知が届くと、入金済になります。",
    cardFailed: "カード決済できませんでした: {reason}",
    stripeBlocked: "Stripe の決済画面（js.stripe.com）を読み込めませんでした。ネットワークやブラウザの拡張機能で遮断されていないか確認してください。",
    cardUnavailable: "このテナントではカード決済を利用できません。",
    cardUnavailableWhy:
      "カード決済には Stripe の API キー（シークレットキーと公開可能キー）が必要ですが、まだ設定されていません。Stripe のキーはプラットフォーム運営者がサーバー設定（proxima.stripe.api-key・proxima.stripe.publishable-key・proxima.stripe.webhook-secret）で登録します。設定されるまでは銀行振込で入金を受け付け、「入金消込」で明細を取り込んでください。",
    cardNothingOwed: "未入金残高がないため、カード決済は不要です。",
    credit: "赤伝を発行して取り消す",
    creditIntro: "発行済みの請求書は修正できません。誤りがある場合は、全額を取り消す赤伝（返還インボイス）を発行し、正しい内容で改めて請求書を発行します。",
    reason: "取消の理由（監査ログに残ります）",
    reasonRequired: "取消の理由を入力してください。",
    creditDate: "赤伝の発行日",
    creditConfirm: "{number} を取り消す赤伝を発行します。元に戻せません。よろしいですか？",
    creditSubmit: "赤伝を発行",
    creditIssued: "赤伝 {number} を発行しました。",
    cancelledBy: "この請求書は赤伝 {number} で取り消されています。",
    alreadyCancelled: "この請求書は取り消し済みです。",
  },
  en: {
    back: "All invoices",
    invoice: "Invoice {number}",
    creditNote: "Credit note {number}",
    issuer: "Issuer",
    registration: "Registration number",
    address: "Address",
    bankAccount: "Pay to",
    recipient: "To",
    honorific: "{name}",
    issueDate: "Issue date",
    period: "Period",
    dueDate: "Due",
    corrects: "Cancels",
    lines: "Lines",
    description: "Description",
    quantity: "Qty",
    unit: "Unit",
    unitPrice: "Unit price",
    rate: "Tax rate",
    amount: "Amount (excl. tax)",
    taxable: "Taxable at {label}",
    tax: "Consumption tax ({label})",
    taxTotal: "Consumption tax",
    total: "Total (incl. tax)",
    document: "Invoice PDF",
    preview: "Show preview",
    hidePreview: "Hide preview",
    previewAlt: "Preview of invoice {number}",
    downloadPdf: "Download PDF",
    balance: "Balance",
    received: "Received",
    outstanding: "Outstanding",
    overpaid: "Overpaid",
    payments: "Payments",
    noPayments: "No payments yet.",
    method: "Method",
    date: "Date",
    payer: "Payer",
    paid: "Amount paid",
    paymentStatus: "Status",
    CARD: "Card",
    BANK_TRANSFER: "Bank transfer",
    PENDING: "Pending",
    SUCCEEDED: "Received",
    FAILED: "Failed",
    CANCELED: "Cancelled",
    REFUNDED: "Refunded",
    card: "Card payment",
    cardIntro: "Pay the outstanding {amount} by card. The card details go into Stripe's form, never to our servers.",
    cardStart: "Start card payment",
    cardPay: "Pay {amount}",
    cardLoading: "Loading Stripe's payment form…",
    cardDone: "Card payment accepted. The invoice shows as paid once Stripe reports the money arrived.",
    cardFailed: "The card payment failed: {reason}",
    stripeBlocked: "Stripe's payment form (js.stripe.com) could not be loaded. Check that no network or browser extension blocks it.",
    cardUnavailable: "Card payments are not available for this tenant.",
    cardUnavailableWhy:
      "Card payments need Stripe's API keys (secret and publishable), which are not set yet. The platform operator sets them in the server configuration (proxima.stripe.api-key, proxima.stripe.publishable-key, proxima.stripe.webhook-secret). Until then, take payment by bank transfer and import the statement under Reconcile payments.",
    cardNothingOwed: "Nothing is outstanding, so there is nothing to pay by card.",
    credit: "Cancel with a credit note",
    creditIntro: "An issued invoice cannot be edited. To correct it, issue a credit note cancelling it in full, then issue a correct invoice.",
    reason: "Reason (kept in the audit log)",
    reasonRequired: "Give the reason for the cancellation.",
    creditDate: "Credit note date",
    creditConfirm: "Issue a credit note cancelling {number}? This cannot be undone.",
    creditSubmit: "Issue credit note",
    creditIssued: "Credit note {number} issued.",
    cancelledBy: "This invoice is cancelled by credit note {number}.",
    alreadyCancelled: "This invoice is cancelled.",
  },
});

type Loaded = {
  invoice: InvoiceView;
  balance: InvoicePaymentsView | null;
  creditNote: InvoiceView | null;
};

/** `/invoices/:invoiceId`: the invoice as issued, its PDF, its payments, card payment, credit note. */
export function InvoiceDetail({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const statusLabel = useT(STATUS_LABELS);
  const id = params.invoiceId ?? "";
  const today = tokyoToday();
  const loaded = useLoad<Loaded>(
    async (signal) => {
      const invoice = await api<InvoiceView>(`/v1/invoices/${encodeURIComponent(id)}`, { signal });
      const [balance, all] = await Promise.all([
        invoice.kind === "INVOICE"
          ? api<InvoicePaymentsView>(`/v1/invoices/${encodeURIComponent(id)}/payments`, { signal })
          : Promise.resolve(null),
        api<InvoiceView[]>("/v1/invoices?limit=200", { signal }),
      ]);
      return { invoice, balance, creditNote: all.find((i) => i.corrects === invoice.number) ?? null };
    },
    [id],
  );
  return (
    <>
      <p>
        <Link to="/invoices">{t("back")}</Link>
      </p>
      <LoadState loaded={loaded.loaded} reload={loaded.reload}>
        {({ invoice, balance, creditNote }) => {
          const status = statusOf(invoice, balance?.receivedYen ?? 0, creditNote?.number ?? null, today);
          return (
            <>
              <div className="page-head">
                <h1 id="invoice-title">
                  {t(invoice.kind === "CREDIT_NOTE" ? "creditNote" : "invoice", { number: invoice.number })}
                </h1>
                <span className={"badge " + status} id="invoice-status" data-status={status}>
                  {statusLabel(status)}
                </span>
              </div>
              {creditNote ? (
                <p className="banner warning" role="status">
                  {t("cancelledBy", { number: creditNote.number })}{" "}
                  <Link to={"/invoices/" + creditNote.id}>{creditNote.number}</Link>
                </p>
              ) : null}
              <Summary invoice={invoice} />
              <Document invoice={invoice} />
              {balance ? <Balance balance={balance} /> : null}
              {balance && !creditNote ? (
                <CardPayment invoice={invoice} balance={balance} onPaid={loaded.reload} />
              ) : null}
              {invoice.kind === "INVOICE" && !creditNote ? (
                <CreditNote invoice={invoice} today={today} onIssued={loaded.reload} />
              ) : null}
            </>
          );
        }}
      </LoadState>
    </>
  );
}

function Summary({ invoice }: { invoice: InvoiceView }) {
  const t = useT(messages);
  const language = useLang();
  return (
    <section className="card" aria-label={t("invoice", { number: invoice.number })}>
      <div className="invoice-head">
        <dl>
          <dt>{t("recipient")}</dt>
          <dd id="invoice-recipient">{t("honorific", { name: invoice.recipientName })}</dd>
          <dt>{t("issueDate")}</dt>
          <dd>{formatDate(language, invoice.issueDate)}</dd>
          {invoice.periodFrom || invoice.periodTo ? (
            <>
              <dt>{t("period")}</dt>
              <dd>
                {formatDate(language, invoice.periodFrom)} 〜 {formatDate(language, invoice.periodTo)}
              </dd>
            </>
          ) : null}
          {invoice.dueDate ? (
            <>
              <dt>{t("dueDate")}</dt>
              <dd id="invoice-due">{formatDate(language, invoice.dueDate)}</dd>
            </>
          ) : null}
          {invoice.corrects ? (
            <>
              <dt>{t("corrects")}</dt>
              <dd>{invoice.corrects}</dd>
            </>
          ) : null}
        </dl>
        <dl>
          <dt>{t("issuer")}</dt>
          <dd>{invoice.issuerName}</dd>
          {invoice.issuerAddress ? (
            <>
              <dt>{t("address")}</dt>
              <dd>{invoice.issuerAddress}</dd>
            </>
          ) : null}
          <dt>{t("registration")}</dt>
          <dd id="invoice-registration">{invoice.registrationNumber}</dd>
          {invoice.issuerBankAccount && invoice.kind === "INVOICE" ? (
            <>
              <dt>{t("bankAccount")}</dt>
              <dd id="invoice-bank-account">{invoice.issuerBankAccount}</dd>
            </>
          ) : null}
        </dl>
      </div>
      <h2>{t("lines")}</h2>
      <div className="table-wrap">
        <table className="grid responsive" id="invoice-lines">
          <thead>
            <tr>
              <th scope="col">{t("description")}</th>
              <th scope="col" className="yen">
                {t("quantity")}
              </th>
              <th scope="col">{t("unit")}</th>
              <th scope="col" className="yen">
                {t("unitPrice")}
              </th>
              <th scope="col">{t("rate")}</th>
              <th scope="col" className="yen">
                {t("amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line, i) => (
              <tr key={i}>
                <td data-label={t("description")}>{line.description}</td>
                <td data-label={t("quantity")} className="yen">
                  {line.quantity.toLocaleString("ja-JP")}
                </td>
                <td data-label={t("unit")}>{line.unit ?? ""}</td>
                <td data-label={t("unitPrice")} className="yen">
                  {yen(line.unitPriceYen)}
                </td>
                <td data-label={t("rate")}>{line.taxRate === "STANDARD" ? "10%" : "8%※"}</td>
                <td data-label={t("amount")} className="yen">
                  {yen(line.amountYen)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="totals" id="invoice-totals">
        {invoice.taxByRate.map((tax) => (
          <div key={tax.rate} style={{ display: "contents" }}>
            <dt>{t("taxable", { label: tax.label })}</dt>
            <dd>{yen(tax.taxableYen)}</dd>
            <dt>{t("tax", { label: tax.label })}</dt>
            <dd>{yen(tax.taxYen)}</dd>
          </div>
        ))}
        <dt>{t("taxTotal")}</dt>
        <dd>{yen(invoice.taxYen)}</dd>
        <dt className="grand">{t("total")}</dt>
        <dd className="grand" id="invoice-total">
          {yen(invoice.totalYen)}
        </dd>
      </dl>
    </section>
  );
}

function Document({ invoice }: { invoice: InvoiceView }) {
  const t = useT(messages);
  const language = useLang();
  const [preview, setPreview] = useState<string | null>(null);
  const action = useAction();
  const show = () =>
    void action.run(
      async () => {
        const blob = await apiBlob(`/v1/invoices/${encodeURIComponent(invoice.id)}/preview.png`);
        // A data: URL, which the portal's policy allows for images (blob: it does not).
        setPreview(
          await new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result));
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(blob);
          }),
        );
        return null;
      },
      (error) => problemText(error, language),
    );
  const save = () =>
    void action.run(
      async () => {
        await download(`/v1/invoices/${encodeURIComponent(invoice.id)}/document.pdf`, `${invoice.number}.pdf`);
        return null;
      },
      (error) => problemText(error, language),
    );
  return (
    <section className="card" aria-labelledby="invoice-document-heading">
      <h2 id="invoice-document-heading">{t("document")}</h2>
      <div className="actions">
        {preview ? (
          <button type="button" className="button subtle" onClick={() => setPreview(null)}>
            {t("hidePreview")}
          </button>
        ) : (
          <button type="button" className="button subtle" id="invoice-preview" onClick={show} disabled={action.busy}>
            {t("preview")}
          </button>
        )}
        <button type="button" className="button" id="invoice-download" onClick={save} disabled={action.busy}>
          {t("downloadPdf")}
        </button>
      </div>
      <NoticeLine notice={action.notice} />
      {preview ? (
        <img
          src={preview}
          alt={t("previewAlt", { number: invoice.number })}
          id="invoice-preview-image"
          style={{ maxWidth: "100%", border: "1px solid var(--line)", borderRadius: 8 }}
        />
      ) : null}
    </section>
  );
}

function Balance({ balance }: { balance: InvoicePaymentsView }) {
  const t = useT(messages);
  const language = useLang();
  return (
    <section className="card" aria-labelledby="invoice-balance-heading" id="invoice-balance">
      <h2 id="invoice-balance-heading">{t("balance")}</h2>
      <dl className="totals">
        <dt>{t("total")}</dt>
        <dd>{yen(balance.totalYen)}</dd>
        <dt>{t("received")}</dt>
        <dd id="invoice-received">{yen(balance.receivedYen)}</dd>
        <dt className="grand">{balance.outstandingYen < 0 ? t("overpaid") : t("outstanding")}</dt>
        <dd className="grand" id="invoice-outstanding">
          {yen(Math.abs(balance.outstandingYen))}
        </dd>
      </dl>
      <h3>{t("payments")}</h3>
      {balance.payments.length === 0 ? (
        <p id="invoice-no-payments">{t("noPayments")}</p>
      ) : (
        <div className="table-wrap">
          <table className="grid responsive" id="invoice-payments">
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("method")}</th>
                <th scope="col">{t("payer")}</th>
                <th scope="col" className="yen">
                  {t("paid")}
                </th>
                <th scope="col">{t("paymentStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {balance.payments.map((p) => (
                <tr key={p.id}>
                  <td data-label={t("date")}>{formatDate(language, p.receivedOn ?? p.createdAt)}</td>
                  <td data-label={t("method")}>{t(p.method)}</td>
                  <td data-label={t("payer")}>{p.payerName ?? ""}</td>
                  <td data-label={t("paid")} className="yen">
                    {yen(p.amountYen)}
                  </td>
                  <td data-label={t("paymentStatus")}>{t(p.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CardPayment({
  invoice,
  balance,
  onPaid,
}: {
  invoice: InvoiceView;
  balance: InvoicePaymentsView;
  onPaid: () => void;
}) {
  const t = useT(messages);
  const language = useLang();
  const setup = useLoad((signal) => api<CardSetupView>("/v1/payments/card-setup", { signal }), []);
  const [form, setForm] = useState<{ stripe: StripeInstance; elements: StripeElements; amountYen: number } | null>(
    null,
  );
  const mountPoint = useRef<HTMLDivElement>(null);
  const element = useRef<StripeElement | null>(null);
  const action = useAction();
  useEffect(() => () => element.current?.destroy(), []);
  useEffect(() => {
    if (form && mountPoint.current && !element.current) {
      element.current = form.elements.create("payment");
      element.current.mount(mountPoint.current);
    }
  }, [form]);

  const start = (key: string) =>
    void action.run(
      async () => {
        let Stripe;
        try {
          Stripe = await loadStripe();
        } catch {
          throw new Error(t("stripeBlocked"));
        }
        const card = await api<CardPaymentView>(`/v1/invoices/${encodeURIComponent(invoice.id)}/payments`, {
          method: "POST",
        });
        const stripe = Stripe(key, { locale: language });
        setForm({ stripe, elements: stripe.elements({ clientSecret: card.clientSecret, locale: language }), amountYen: card.amountYen });
        return null;
      },
      (error) => problemText(error, language),
    );
  const pay = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    void action.run(
      async () => {
        const result = await form.stripe.confirmPayment({
          elements: form.elements,
          confirmParams: { return_url: window.location.href },
          redirect: "if_required",
        });
        if (result.error) throw new Error(t("cardFailed", { reason: result.error.message ?? result.error.type }));
        onPaid();
        return t("cardDone");
      },
      (error) => problemText(error, language),
    );
  };
  return (
    <section className="card" aria-labelledby="card-heading" id="card-payment">
      <h2 id="card-heading">{t("card")}</h2>
      <LoadState loaded={setup.loaded} reload={setup.reload}>
        {(cardSetup) =>
          balance.outstandingYen <= 0 ? (
            <p>{t("cardNothingOwed")}</p>
          ) : !cardSetup.available || !cardSetup.publishableKey ? (
            <div id="card-unavailable">
              <p>
                <strong>{t("cardUnavailable")}</strong>
              </p>
              <p className="muted">{t("cardUnavailableWhy")}</p>
            </div>
          ) : (
            <>
              <p>{t("cardIntro", { amount: yen(balance.outstandingYen) })}</p>
              {form ? (
                <form onSubmit={pay}>
                  <div ref={mountPoint} className="stripe-element" id="stripe-payment-element" />
                  <button type="submit" className="button accent" disabled={action.busy}>
                    {t("cardPay", { amount: yen(form.amountYen) })}
                  </button>
                </form>
              ) : (
                <button
                  type="button"
                  className="button accent"
                  id="card-start"
                  disabled={action.busy}
                  onClick={() => start(cardSetup.publishableKey as string)}
                >
                  {action.busy ? t("cardLoading") : t("cardStart")}
                </button>
              )}
            </>
          )
        }
      </LoadState>
      <NoticeLine notice={action.notice} id="card-notice" />
    </section>
  );
}

function CreditNote({ invoice, today, onIssued }: { invoice: InvoiceView; today: string; onIssued: () => void }) {
  const t = useT(messages);
  const language = useLang();
  const [reason, setReason] = useState("");
  const [issueDate, setIssueDate] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t("reasonRequired"));
      return;
    }
    setError(null);
    if (!window.confirm(t("creditConfirm", { number: invoice.number }))) return;
    void action.run(
      async () => {
        const note = await api<InvoiceView>(`/v1/invoices/${encodeURIComponent(invoice.id)}/credit-note`, {
          method: "POST",
          body: { issueDate, reason: reason.trim() },
        });
        onIssued();
        return t("creditIssued", { number: note.number });
      },
      (failure) => problemText(failure, language),
    );
  };
  return (
    <section className="card" aria-labelledby="credit-heading" id="credit-note">
      <h2 id="credit-heading">{t("credit")}</h2>
      <p className="muted">{t("creditIntro")}</p>
      <form className="form-grid" onSubmit={submit} noValidate>
        <label className="field span-all">
          {t("reason")}
          <textarea
            id="credit-reason"
            maxLength={500}
            rows={2}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "credit-reason-error" : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {error ? (
            <span id="credit-reason-error" className="field-error error">
              {error}
            </span>
          ) : null}
        </label>
        <label className="field">
          {t("creditDate")}
          <input id="credit-date" type="date" value={issueDate} onChange={(e) => setIssueDate(e.target.value)} />
        </label>
        <div className="actions span-all">
          <button type="submit" className="button danger" id="credit-submit" disabled={action.busy}>
            {t("creditSubmit")}
          </button>
        </div>
      </form>
      <NoticeLine notice={action.notice} />
    </section>
  );
}
