import type {
  DossierView,
  InvoicePaymentsView,
  InvoiceView,
  StatementReportView,
  TimeReportView,
  ContractSummary,
} from "./invoiceTypes";

/**
 * Where an invoice stands for the people chasing the money. Issued invoices are final, so there is
 * no draft among them: a month not yet invoiced is in the "to invoice" list instead.
 * CANCELLED: a credit note cancels it; CREDIT_NOTE: the credit note itself.
 */
export type InvoiceStatus = "ISSUED" | "PARTLY_PAID" | "PAID" | "OVERPAID" | "OVERDUE" | "CANCELLED" | "CREDIT_NOTE";

export const INVOICE_STATUSES: readonly InvoiceStatus[] = [
  "ISSUED",
  "PARTLY_PAID",
  "OVERDUE",
  "PAID",
  "OVERPAID",
  "CANCELLED",
  "CREDIT_NOTE",
];

/** An invoice with what it received and where that leaves it, as the list shows it. */
export type InvoiceRow = {
  invoice: InvoiceView;
  receivedYen: number;
  outstandingYen: number;
  status: InvoiceStatus;
  /** The credit note cancelling it, when there is one. */
  cancelledBy: string | null;
  /** Due and still owing, counted in whole days after the due date. */
  daysOverdue: number;
};

/** Today in Japan as YYYY-MM-DD: due dates are Japanese calendar days. */
export function tokyoToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(now);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + "T00:00:00Z") - Date.parse(from + "T00:00:00Z")) / 86_400_000);
}

/**
 * The status from the balance and the due date: paid in full wins over the due date, any
 * outstanding amount after the due date is overdue (partly paid or not), a credit note wins over all.
 */
export function statusOf(
  invoice: InvoiceView,
  receivedYen: number,
  cancelledBy: string | null,
  today: string,
): InvoiceStatus {
  if (invoice.kind === "CREDIT_NOTE") return "CREDIT_NOTE";
  if (cancelledBy) return "CANCELLED";
  const outstanding = invoice.totalYen - receivedYen;
  if (outstanding < 0) return "OVERPAID";
  if (outstanding === 0) return "PAID";
  if (invoice.dueDate && invoice.dueDate < today) return "OVERDUE";
  return receivedYen > 0 ? "PARTLY_PAID" : "ISSUED";
}

/** The list's rows: each invoice with its balance (none yet when the balance list missed it). */
export function rowsOf(invoices: InvoiceView[], balances: InvoicePaymentsView[], today: string): InvoiceRow[] {
  const received = new Map(balances.map((b) => [b.invoiceId, b.receivedYen]));
  const creditNotes = new Map(
    invoices.filter((i) => i.kind === "CREDIT_NOTE" && i.corrects).map((i) => [i.corrects as string, i.number]),
  );
  return invoices.map((invoice) => {
    const receivedYen = received.get(invoice.id) ?? 0;
    const cancelledBy = creditNotes.get(invoice.number) ?? null;
    const status = statusOf(invoice, receivedYen, cancelledBy, today);
    return {
      invoice,
      receivedYen,
      outstandingYen: invoice.kind === "CREDIT_NOTE" || cancelledBy ? 0 : invoice.totalYen - receivedYen,
      status,
      cancelledBy,
      daysOverdue: status === "OVERDUE" && invoice.dueDate ? daysBetween(invoice.dueDate, today) : 0,
    };
  });
}

export type InvoiceSort = "NUMBER" | "ISSUE_DATE" | "DUE_DATE" | "TOTAL" | "OUTSTANDING";
export const INVOICE_SORTS: readonly InvoiceSort[] = ["NUMBER", "ISSUE_DATE", "DUE_DATE", "TOTAL", "OUTSTANDING"];

export type InvoiceFilter = {
  status: InvoiceStatus | "";
  /** Part of the recipient (client company) name. */
  client: string;
  /** Issue month, YYYY-MM. */
  month: string;
  overdueOnly: boolean;
  sort: InvoiceSort;
};

export const NO_FILTER: InvoiceFilter = { status: "", client: "", month: "", overdueOnly: false, sort: "NUMBER" };

/** Folds full-width and case so "ｻﾝﾌﾟﾙ" and "サンプル", "ABC" and "abc" find each other. */
function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/**
 * The rows the filter keeps, in its order: newest number first; dates and amounts largest or
 * latest first, except the due date, soonest first (what to chase next); ties by number.
 */
export function filterRows(rows: InvoiceRow[], filter: InvoiceFilter): InvoiceRow[] {
  const client = fold(filter.client);
  const kept = rows.filter(
    (row) =>
      (!filter.status || row.status === filter.status) &&
      (!client || fold(row.invoice.recipientName).includes(client)) &&
      (!filter.month || row.invoice.issueDate.startsWith(filter.month)) &&
      (!filter.overdueOnly || row.status === "OVERDUE"),
  );
  const byNumber = (a: InvoiceRow, b: InvoiceRow) => b.invoice.number.localeCompare(a.invoice.number);
  const compare: Record<InvoiceSort, (a: InvoiceRow, b: InvoiceRow) => number> = {
    NUMBER: byNumber,
    ISSUE_DATE: (a, b) => b.invoice.issueDate.localeCompare(a.invoice.issueDate),
    DUE_DATE: (a, b) => (a.invoice.dueDate ?? "9999").localeCompare(b.invoice.dueDate ?? "9999"),
    TOTAL: (a, b) => b.invoice.totalYen - a.invoice.totalYen,
    OUTSTANDING: (a, b) => b.outstandingYen - a.outstandingYen,
  };
  return [...kept].sort((a, b) => compare[filter.sort](a, b) || byNumber(a, b));
}

/** The distinct recipients, for the client filter's suggestions. */
export function clientsOf(rows: InvoiceRow[]): string[] {
  return [...new Set(rows.map((r) => r.invoice.recipientName))].sort((a, b) => a.localeCompare(b, "ja"));
}

/** An approved month of a contract that has no invoice yet. */
export type ToInvoice = { contract: ContractSummary; report: TimeReportView };

/** Approved, not invoiced months of the contracts, oldest month first (the longest waiting). */
export function toInvoice(dossiers: DossierView[]): ToInvoice[] {
  return dossiers
    .flatMap((d) =>
      d.timeReports
        .filter((r) => r.status === "APPROVED" && !r.invoiceId)
        .map((report) => ({ contract: d.contract, report })),
    )
    .sort((a, b) => a.report.month.localeCompare(b.report.month) || a.contract.terms.clientName.localeCompare(b.contract.terms.clientName, "ja"));
}

/** Yen as invoices print it: ¥1,234,567 (a credit note's minus kept). */
export function yen(amount: number): string {
  return (amount < 0 ? "-¥" : "¥") + Math.abs(amount).toLocaleString("ja-JP");
}

/** A registration number as people type it (full-width, lower case, hyphens) as the API wants it. */
export function normalizeRegistration(text: string): string {
  return text.normalize("NFKC").toUpperCase().replace(/[\s\-‐－ー]/g, "");
}

/**
 * Whether a registration number is T + 13 digits with a valid check digit (the National Tax
 * Agency's 法人番号 rule: 9 − (Σ digit × weight 1,2,1,2… from the right) mod 9), checked here so
 * the form says so before the server does.
 */
export function validRegistration(text: string): boolean {
  const value = normalizeRegistration(text);
  if (!/^T\d{13}$/.test(value)) return false;
  const digits = value.slice(2);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 1 : 2);
  }
  return Number(value[1]) === 9 - (sum % 9);
}

/** Invoice ids the import paid or suggested, so the page can reload just their balances. */
export function invoicesTouched(report: StatementReportView): string[] {
  return [...new Set(report.entries.map((e) => e.invoiceId).filter((id): id is string => Boolean(id)))];
}
