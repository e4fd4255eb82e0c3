/** The API's shapes, as the Java records render them. */
export type AvailabilityStatus = "AVAILABLE" | "AVAILABLE_FROM" | "UNAVAILABLE";
export type WorkStyle = "REMOTE" | "HYBRID" | "ON_SITE";

export type Availability = {
  status: AvailabilityStatus;
  availableFrom?: string | null;
  daysPerWeek: number;
  hoursPerDay: number;
  workStyle: WorkStyle;
  rate?: { minManYen: number; maxManYen: number } | null;
  note?: string | null;
  updatedAt: string;
  version: number;
};

export type BoardEntry = {
  freelancerId: string;
  displayName?: string | null;
  title?: string | null;
  skills?: string[];
  availability?: Availability | null;
};

export type Side = "TENANT" | "FREELANCER";

export type ChatMessage = {
  id: string;
  tenantId: string;
  freelancerSubject: string;
  seq: number;
  senderSubject: string;
  senderSide: Side;
  clientMessageId?: string | null;
  body: string;
  sentAt: string;
};

export type Conversation = {
  tenantId: string;
  freelancerSubject: string;
  lastSeq: number;
  freelancerDeliveredSeq: number;
  freelancerReadSeq: number;
  tenantDeliveredSeq: number;
  tenantReadSeq: number;
  updatedAt: string;
};

export type Consent = {
  tenantSlug: string;
  tenantName: string;
  grantedAt: string;
  revokedAt?: string | null;
  active: boolean;
};
