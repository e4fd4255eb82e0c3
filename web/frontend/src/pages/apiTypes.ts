import type { StepCause } from "./shared/stepReason";

/**
 * The API's shapes for the jobs, matching, hiring, scouts and profile pages, as the Java records
 * render them through JSON-B: property names are the record components, nulls are omitted (so
 * every nullable component is optional here), enums are their names, Instant / LocalDate /
 * YearMonth are ISO strings ("2026-12-01T09:00:00Z", "2026-12-01", "2026-12").
 */
import type { WorkStyle } from "../types";

export type { WorkStyle };

// ---- jobs (jobs.domain, jobs.api.JobViews) ----------------------------------------------------

export type JobStatus = "DRAFT" | "OPEN" | "CLOSED";
export type ContractType = "QUASI_MANDATE" | "CONTRACT_FOR_WORK" | "DISPATCH";
export type Culture = "STARTUP" | "SCALEUP" | "ENTERPRISE" | "SIER" | "PUBLIC_SECTOR" | "AGENCY";
export type JobSort = "RELEVANCE" | "NEWEST" | "RATE" | "START_DATE";

export const JOB_STATUSES: readonly JobStatus[] = ["DRAFT", "OPEN", "CLOSED"];
export const WORK_STYLES: readonly WorkStyle[] = ["REMOTE", "HYBRID", "ON_SITE"];
export const CONTRACT_TYPES: readonly ContractType[] = [
  "QUASI_MANDATE",
  "CONTRACT_FOR_WORK",
  "DISPATCH",
];
export const CULTURES: readonly Culture[] = [
  "STARTUP",
  "SCALEUP",
  "ENTERPRISE",
  "SIER",
  "PUBLIC_SECTOR",
  "AGENCY",
];

/** `years` is a BigDecimal: JSON-B writes it as a number. */
export type SkillRequirement = { skill: string; years?: number | null };

export type JobDetails = {
  workspaceId?: string | null;
  title: string;
  description: string;
  requiredSkills: SkillRequirement[];
  preferredSkills: SkillRequirement[];
  rateMinYen?: number | null;
  rateMaxYen?: number | null;
  rateTaxIncluded: boolean;
  settlementMinHours?: number | null;
  settlementMaxHours?: number | null;
  daysMin: number;
  daysMax: number;
  workStyle: WorkStyle;
  location?: string | null;
  startDate?: string | null;
  durationMonths?: number | null;
  contractType: ContractType;
  trialAvailable: boolean;
  paymentTermsDays?: number | null;
  culture?: Culture | null;
};

export type JobView = {
  id: string;
  status: JobStatus;
  version: number;
  details: JobDetails;
  postedBy?: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string | null;
  closedAt?: string | null;
};

export type PostingView = {
  id: string;
  tenantSlug: string;
  tenantName: string;
  details: JobDetails;
  publishedAt?: string | null;
  updatedAt: string;
};

export type JobCard = {
  id: string;
  tenantSlug: string;
  tenantName: string;
  workspaceName?: string | null;
  title: string;
  excerpt?: string | null;
  requiredSkills: string[];
  preferredSkills: string[];
  rateMinYen?: number | null;
  rateMaxYen?: number | null;
  rateTaxIncluded: boolean;
  settlementMinHours?: number | null;
  settlementMaxHours?: number | null;
  daysMin: number;
  daysMax: number;
  workStyle: WorkStyle;
  location?: string | null;
  startDate?: string | null;
  durationMonths?: number | null;
  contractType: ContractType;
  trialAvailable: boolean;
  paymentTermsDays?: number | null;
  culture?: Culture | null;
  status: JobStatus;
  publishedAt?: string | null;
  updatedAt: string;
};

export type FacetCount = { value: string; count: number };

export type JobSearchResult = {
  jobs: JobCard[];
  total?: number | null;
  totalExact?: boolean | null;
  facets?: Record<string, FacetCount[]> | null;
  sort: JobSort;
  nextCursor?: string | null;
};

export type WorkspaceView = { id: string; name: string; createdAt: string };

// ---- matching (matching.api.MatchViews) --------------------------------------------------------

export type Evidence = "LISTED" | "IMPLIED" | "MENTIONED";
export type RateVerdict = "WITHIN" | "BELOW" | "ABOVE" | "UNKNOWN";
export type DaysVerdict = "WITHIN" | "FEWER" | "MORE" | "UNKNOWN";
export type AvailabilityFitStatus = "AVAILABLE_NOW" | "AVAILABLE_FROM" | "UNAVAILABLE" | "UNKNOWN";

export type SkillMatchView = {
  skill: string;
  required: boolean;
  years?: number | null;
  minYears?: number | null;
  meetsYears: boolean;
  via?: string | null;
  evidence: Evidence;
};

export type ExplanationView = {
  skills: { matched: SkillMatchView[]; missingRequired: string[]; missingPreferred: string[] };
  rate: { verdict: RateVerdict; byYen: number; text: string };
  days: { verdict: DaysVerdict; byDays: number; text: string };
  workStyle: {
    job?: WorkStyle | null;
    candidate?: WorkStyle | null;
    reachesOffice?: boolean | null;
    fits: boolean;
  };
  availability: {
    status: AvailabilityFitStatus;
    availableFrom?: string | null;
    daysLate: number;
    text: string;
    source: "LIVE" | "STORED";
    online?: boolean | null;
    lastSeen?: string | null;
  };
};

export type CandidateMatchView = {
  freelancerId: string;
  displayName?: string | null;
  title?: string | null;
  score: number;
  explanation: ExplanationView;
};

export type RecommendationView = {
  job: PostingView;
  score: number;
  contentScore: number;
  collaborativeScore: number;
  coldStart: boolean;
  similarToJobsYouInteractedWith: string[];
  fit: ExplanationView;
};

// ---- hiring (hiring.api.ApplicationViews) -------------------------------------------------------

export type ApplicationStage =
  | "APPLIED"
  | "SCREENING"
  | "INTERVIEW"
  | "OFFER"
  | "TRIAL"
  | "CONTRACTED"
  | "REJECTED"
  | "WITHDRAWN";

export type ApplicationView = {
  id: string;
  jobId: string;
  freelancerId: string;
  stage: ApplicationStage;
  coverNote?: string | null;
  proposedRateYen?: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The freelancer deleted their account: shown as 「退会したユーザー」. */
  freelancerErased?: boolean;
};

export type SlotView = { start: string; end: string };
export type InterviewStatus = "PROPOSED" | "ACCEPTED" | "DECLINED" | "CANCELLED";

export type InterviewView = {
  id: string;
  slots: SlotView[];
  location?: string | null;
  meetingUrl?: string | null;
  status: InterviewStatus;
  chosen?: SlotView | null;
  answer?: string | null;
  proposedAt: string;
  answeredAt?: string | null;
};

export type StepView = {
  from?: ApplicationStage | null;
  to: ApplicationStage;
  by: string;
  side: "TENANT" | "FREELANCER";
  reason?: string | null;
  cause?: StepCause | null;
  at: string;
};

export type NoteView = { id: string; author: string; body: string; writtenAt: string };

export type DossierView = {
  application: ApplicationView;
  jobTitle?: string | null;
  history: StepView[];
  notes: NoteView[];
  interviews: InterviewView[];
};

// ---- scouts (scouts.api.ScoutViews) -------------------------------------------------------------

export type ScoutStatus = "SENT" | "ACCEPTED" | "DECLINED";

export type ScoutView = {
  id: string;
  freelancerId: string;
  jobId?: string | null;
  sentBy: string;
  message: string;
  messageSeq: number;
  status: ScoutStatus;
  sentAt: string;
  answeredAt?: string | null;
  answer?: string | null;
};

export type ReceivedScoutView = {
  id: string;
  tenantSlug: string;
  tenantName: string;
  jobId?: string | null;
  message: string;
  messageSeq: number;
  status: ScoutStatus;
  sentAt: string;
  answeredAt?: string | null;
  answer?: string | null;
};

export type AllowanceView = {
  month: string;
  limit: number;
  used: number;
  remaining: number;
  renewsOn: string;
};

// ---- people (tenancy.api.TenantViews) -----------------------------------------------------------

export type FreelancerView = {
  subject: string;
  displayName?: string | null;
  email?: string | null;
  sharingSince: string;
};

export type ConsentView = {
  tenantSlug: string;
  tenantName: string;
  grantedAt: string;
  revokedAt?: string | null;
  active: boolean;
  sharedItems: string[];
  /** The purpose the consent was given for; null for consents older than the log. */
  purpose?: string | null;
  currentPurpose: string;
  purposeChanged: boolean;
  givenVia: "PORTAL" | "INVITATION";
};

export type ConsentEventKind =
  | "GIVEN"
  | "GIVEN_AGAIN"
  | "GIVEN_BY_INVITATION"
  | "REVOKED"
  | "ENDED_BY_ERASURE"
  | "ENDED_BY_TENANT_DELETION";

/** One entry of `GET /v1/me/consents/log`, as recorded then. */
export type ConsentEventView = {
  id: string;
  occurredAt: string;
  kind: ConsentEventKind;
  tenantSlug: string;
  tenantName: string;
  sharedItems: string[];
  purpose?: string | null;
};

// ---- profile (profile.domain, profile.api) ------------------------------------------------------

export type SkillCategory = "LANGUAGE" | "FRAMEWORK" | "CLOUD" | "DATABASE" | "TOOL" | "OS" | "OTHER";
export type SkillLevel = "BASIC" | "PRACTICAL" | "ADVANCED" | "EXPERT";
export const SKILL_CATEGORIES: readonly SkillCategory[] = [
  "LANGUAGE",
  "FRAMEWORK",
  "CLOUD",
  "DATABASE",
  "TOOL",
  "OS",
  "OTHER",
];
export const SKILL_LEVELS: readonly SkillLevel[] = ["BASIC", "PRACTICAL", "ADVANCED", "EXPERT"];

export type Skill = {
  name: string;
  category?: SkillCategory | null;
  years?: number | null;
  level?: SkillLevel | null;
};
/** YearMonth as "2023-08"; `to` absent while it lasts. */
export type Period = { from: string; to?: string | null };
/** The stages of an engagement (担当工程), as the API names them, in the order sheets list them. */
export type EngagementPhase =
  | "REQUIREMENTS"
  | "BASIC_DESIGN"
  | "DETAILED_DESIGN"
  | "IMPLEMENTATION"
  | "UNIT_TEST"
  | "INTEGRATION_TEST"
  | "SYSTEM_TEST"
  | "TEST"
  | "OPERATION";

export const ENGAGEMENT_PHASES: readonly EngagementPhase[] = [
  "REQUIREMENTS",
  "BASIC_DESIGN",
  "DETAILED_DESIGN",
  "IMPLEMENTATION",
  "UNIT_TEST",
  "INTEGRATION_TEST",
  "SYSTEM_TEST",
  "TEST",
  "OPERATION",
];

export type WorkHistoryEntry = {
  company?: string | null;
  /** 商流: the companies between the freelancer's side and the end client, nearest first. */
  via?: string[] | null;
  project?: string | null;
  period: Period;
  role?: string | null;
  teamSize?: number | null;
  phases?: EngagementPhase[] | null;
  technologies: string[];
  description?: string | null;
};
export type Education = {
  school: string;
  degree?: string | null;
  field?: string | null;
  period?: Period | null;
};
/** acquired: "2022-04", or "2022" when only the year is known (the server never makes a month up). */
export type Certification = { name: string; acquired?: string | null };
export type DesiredConditions = {
  monthlyRateMinYen?: number | null;
  monthlyRateMaxYen?: number | null;
  daysPerWeek?: number | null;
  workStyle?: WorkStyle | null;
  locations: string[];
  startDate?: string | null;
  contractTypes: ContractType[];
  paymentTermsDays: number[];
};
export type ProfileLinks = { githubUsername?: string | null; portfolioUrl?: string | null };

export type Profile = {
  subject: string;
  name?: string | null;
  title?: string | null;
  summary?: string | null;
  skills: Skill[];
  workHistory: WorkHistoryEntry[];
  education: Education[];
  certifications: Certification[];
  desired: DesiredConditions;
  links: ProfileLinks;
  updatedAt?: string | null;
  version: number;
};

export type ProfileViewRecord = {
  freelancerSubject: string;
  /** Absent for the freelancer's own downloads and exports. */
  tenantId?: string | null;
  tenantName?: string | null;
  viewerSubject: string;
  viewerName?: string | null;
  what: "PROFILE" | "PDF" | "JSON" | "EXPORT" | "SHEET_ORIGINAL" | "PAYOUT_ACCOUNT";
  viewedAt: string;
};

export const ACCOUNT_TYPES = ["ORDINARY", "CHECKING", "SAVINGS"] as const;

export type PayoutAccount = {
  bankCode: string;
  bankName?: string | null;
  branchCode: string;
  branchName?: string | null;
  accountType: (typeof ACCOUNT_TYPES)[number];
  accountNumber: string;
  holderKana: string;
};

/** GET/PUT /v1/me/personal-details: sealed at rest; version 0 before the first save. */
export type PersonalDetails = {
  contact?: { phone?: string | null; postalCode?: string | null; address?: string | null } | null;
  dateOfBirth?: string | null;
  payoutAccount?: PayoutAccount | null;
  updatedAt?: string | null;
  version: number;
};

export type SkillSheetDraft = {
  name?: string | null;
  title?: string | null;
  summary?: string | null;
  skills: Skill[];
  workHistory: WorkHistoryEntry[];
  education: Education[];
  certifications: Certification[];
  notes: string[];
};

export type UploadStatus = "PENDING" | "APPLIED" | "DISCARDED";

export type UploadView = {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  status: UploadStatus;
  uploadedAt: string;
  decidedAt?: string | null;
  draft?: SkillSheetDraft | null;
  current?: Profile | null;
};

export type FieldDecision = "KEEP" | "ACCEPT" | "EDIT";
export type FieldChoice = { decision: FieldDecision; value?: string };
export type ReviewRequest = {
  name?: FieldChoice;
  title?: FieldChoice;
  summary?: FieldChoice;
  skills: { index: number; edited?: Skill }[];
  workHistory: { index: number; edited?: WorkHistoryEntry }[];
  education: { index: number; edited?: Education }[];
  certifications: { index: number; edited?: Certification }[];
  expectedVersion: number;
};
