/**
 * The API's shapes for the invoice, payment and issuer pages (invoicing.api.InvoiceViews,
 * payments.api.PaymentViews, the parts of contracts.api.ContractViews the "to invoice" list
 * reads). Kept apart from the shared apiTypes.ts so the money pages change on their own.
 */

export type TaxRate = "STANDARD" | "REDUCED";
export type InvoiceKind = "INVOICE" | "CREDIT_NOTE";

export type InvoiceLineView = {
  description: string;
  quantity: number;
  unit?: string | null;
  unitPriceYen: number;
  taxRate: TaxRate;
  amountYen: number;
};

export type TaxView = { rate: TaxRate; label: string; taxableYen: number; taxYen: number };

export type InvoiceView = {
  id: string;
  number: string;
  kind: InvoiceKind;
  issuerName: string;
  registrationNumber: string;
  issuerAddress?: string | null;
  issuerBankAccount?: string | null;
  recipientName: string;
  issueDate: string;
  periodFrom?: string | null;
  periodTo?: string | null;
  lines: InvoiceLineView[];
  taxByRate: TaxView[];
  taxYen: number;
  totalYen: number;
  corrects?: string | null;
  dueDate?: string | null;
  issuedBy?: string | null;
  issuedAt?: string | null;
};

export type IssuerView = {
  name: string;
  registrationNumber: string;
  address?: string | null;
  bankAccount?: string | null;
};

export type InvoiceStanding = "UNPAID" | "PARTIALLY_PAID" | "PAID" | "OVERPAID";
export type PaymentMethod = "CARD" | "BANK_TRANSFER";
export type PaymentStatus = "PENDING" | "SUCCEEDED" | "FAILED" | "CANCELED" | "REFUNDED";

export type PaymentView = {
  id: string;
  method: PaymentMethod;
  reference: string;
  amountYen: number;
  status: PaymentStatus;
  payerName?: string | null;
  receivedOn?: string | null;
  createdAt: string;
  updatedAt: string;
};

export type InvoicePaymentsView = {
  invoiceId: string;
  invoiceNumber: string;
  totalYen: number;
  receivedYen: number;
  outstandingYen: number;
  standing: InvoiceStanding;
  payments: PaymentView[];
};

export type MatchOutcome = "MATCHED" | "PARTIAL" | "OVERPAID" | "SUGGESTED" | "UNMATCHED" | "ALREADY_IMPORTED";

export const MATCH_OUTCOMES: readonly MatchOutcome[] = [
  "MATCHED",
  "PARTIAL",
  "OVERPAID",
  "SUGGESTED",
  "UNMATCHED",
  "ALREADY_IMPORTED",
];

export type StatementEntryView = {
  id: string;
  line: number;
  date: string;
  payerName: string;
  amountYen: number;
  memo?: string | null;
  outcome: MatchOutcome;
  invoiceId?: string | null;
  invoiceNumber?: string | null;
  outstandingBeforeYen: number;
  reason?: string | null;
  paymentId?: string | null;
  confirmed: boolean;
  confirmedBy?: string | null;
  confirmedAt?: string | null;
};

export type StatementReportView = {
  statementId: string;
  charset: string;
  importedAt: string;
  counts: Partial<Record<MatchOutcome, number>>;
  entries: StatementEntryView[];
};

export type CardPaymentView = {
  paymentId: string;
  invoiceId: string;
  invoiceNumber: string;
  amountYen: number;
  currency: string;
  status: PaymentStatus;
  providerStatus?: string | null;
  clientSecret: string;
};

export type CardSetupView = { available: boolean; publishableKey?: string | null };

export type ContractStatus =
  | "DRAFT"
  | "AWAITING_SIGNATURES"
  | "ACTIVE"
  | "CONVERTED"
  | "ENDED"
  | "TERMINATED"
  | "CANCELLED";
export type TimeReportStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED" | "INVOICED";

export type ContractTermsView = {
  title: string;
  clientName: string;
  freelancerName: string;
  monthlyRateYen: number;
  paymentDays: number;
  taxRate?: TaxRate | null;
};

export type ContractSummary = {
  id: string;
  status: ContractStatus;
  terms: ContractTermsView;
  version: number;
};

export type TimeReportView = {
  id: string;
  contractId: string;
  month: string;
  hours: number;
  status: TimeReportStatus;
  invoiceId?: string | null;
  version: number;
};

export type DossierView = { contract: ContractSummary; timeReports: TimeReportView[] };
