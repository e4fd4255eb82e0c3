import type { Branding } from "./branding";

/** A tenant as `GET /api/v1/platform/tenants` lists it; usage is null right after a change. */
export type Tenant = {
  id: string;
  slug: string;
  type: "AGENCY" | "COMPANY";
  status: "ACTIVE" | "SUSPENDED" | "CLOSED";
  plan: string;
  mfaRequired: boolean;
  branding: Branding;
  keycloakClientId: string | null;
  createdAt: string;
  statusChangedAt: string;
  /** When the tenant was closed; its personal data is erased after the retention period. */
  closedAt?: string | null;
  personalDataErasedAt?: string | null;
  usage: { members: number; workspaces: number; sharingFreelancers: number } | null;
  /** Only in the answer to the creation: whether the first admin's invitation mail left. */
  firstAdminInvitation?: InvitationMail | null;
};

/** SENT once the mail server accepted it; NOT_SENT with the reason; NOT_NEEDED for an existing account. */
export type InvitationMail = { status: "SENT" | "NOT_SENT" | "NOT_NEEDED"; sentAt: string | null; problem: string | null };

export type AuditEvent = {
  id: number;
  occurredAt: string;
  actorSubject: string | null;
  actorName: string | null;
  action: string;
  tenantId: string | null;
  target: string | null;
  sourceIp: string | null;
  requestId: string | null;
  details: string | null;
  chainKey: string | null;
  chainSeq: number | null;
  hash: string | null;
};

export type AuditPage = { items: AuditEvent[]; nextCursor?: string | null };

export type ChainCheck = {
  chainKey: string;
  intact: boolean;
  entriesChecked: number;
  headSequence: number;
  firstBreak?: { sequence: number; kind: string; expected: string; actual: string };
};

export type Figures = {
  matches: number;
  applications: number;
  acceptedScouts: number;
  contracts: number;
  invoicedYen: number;
};

export type MonthlyMetrics = {
  from: string;
  to: string;
  tenantId?: string | null;
  months: (Figures & { month: string })[];
  tenants: (Figures & { tenantId: string; slug: string; displayName: string })[];
};
