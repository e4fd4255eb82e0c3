// The contracts API (contracts.api.ContractViews) as the portal reads it.
import type { ContractType } from "../apiTypes";

export type ContractKind = "TRIAL" | "MAIN";
export type ContractStatus =
  | "DRAFT"
  | "AWAITING_SIGNATURES"
  | "ACTIVE"
  | "CONVERTED"
  | "ENDED"
  | "TERMINATED"
  | "CANCELLED";
export type Party = "CLIENT" | "FREELANCER";
export type SettlementMethod = "UPPER_LOWER" | "MIDDLE";
export type TimeReportStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED" | "INVOICED";

export const CONTRACT_STATUSES: readonly ContractStatus[] = [
  "DRAFT",
  "AWAITING_SIGNATURES",
  "ACTIVE",
  "CONVERTED",
  "ENDED",
  "TERMINATED",
  "CANCELLED",
];

/** Amounts in yen before tax; hours are BigDecimals, which JSON-B writes as numbers. */
export type Terms = {
  title: string;
  description?: string | null;
  clientName: string;
  freelancerName: string;
  contractType: ContractType;
  monthlyRateYen: number;
  minHours: number;
  maxHours: number;
  settlementMethod?: SettlementMethod | null;
  unitRounding?: number | null;
  excessUnitYen?: number | null;
  shortfallUnitYen?: number | null;
  taxRate?: "STANDARD" | "REDUCED" | null;
  paymentDays: number;
  startDate: string;
  endDate: string;
  renewalMonths?: number | null;
};

export type SignatureView = {
  party: Party;
  signedBy: string;
  documentSha256: string;
  method: "CLICK" | "E_SIGNATURE";
  signedAt: string;
};

export type ContractView = {
  id: string;
  freelancerId: string;
  kind: ContractKind;
  status: ContractStatus;
  terms: Terms;
  trialOf?: string | null;
  documentSha256?: string | null;
  signatures: SignatureView[];
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type StepView = {
  from?: ContractStatus | null;
  to: ContractStatus;
  by: string;
  reason?: string | null;
  at: string;
};

export type WorkDay = { date: string; hours: number };

export type SettlementView = {
  minHours: number;
  maxHours: number;
  excessHours: number;
  shortfallHours: number;
  excessUnitYen: number;
  shortfallUnitYen: number;
  monthlyRateYen: number;
  adjustmentYen: number;
  billableYen: number;
};

export type TimeReportView = {
  id: string;
  contractId: string;
  month: string;
  hours: number;
  days: WorkDay[];
  status: TimeReportStatus;
  /** The reason it was sent back, while it is. */
  note?: string | null;
  /** The freelancer's remark on the month. */
  remark?: string | null;
  invoiceId?: string | null;
  updatedAt: string;
  version: number;
  /** In a contract's dossier only. */
  settlement?: SettlementView | null;
};

export type ContractDossier = {
  contract: ContractView;
  history: StepView[];
  timeReports: TimeReportView[];
};
