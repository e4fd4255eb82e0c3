import type { Certification, Education, FieldChoice, Period, Profile, Skill, SkillCategory, SkillLevel } from "../apiTypes";

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

/** One engagement (案件) as drafts and profiles carry it, with the 商流, 案件名 and 担当工程. */
export type Engagement = {
  company?: string | null;
  via?: string[] | null;
  project?: string | null;
  period: Period;
  role?: string | null;
  teamSize?: number | null;
  phases?: EngagementPhase[] | null;
  technologies: string[];
  description?: string | null;
};

export type SheetDraft = {
  name?: string | null;
  title?: string | null;
  summary?: string | null;
  skills: Skill[];
  workHistory: Engagement[];
  education: Education[];
  certifications: Certification[];
  notes: string[];
  proposedSkills?: string[] | null;
};

export type SheetStatus = "PENDING" | "APPLIED" | "DISCARDED";

export type SheetUpload = {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  status: SheetStatus;
  uploadedAt: string;
  decidedAt?: string | null;
  draft?: SheetDraft | null;
  current?: Profile | null;
};

/** GET /v1/me/skill-sheet-history: one page of uploads, newest first. */
export type UploadHistory = { uploads: SheetUpload[]; page: number; size: number; total: number; pages: number };

/** GET /v1/me/skill-sheets/{id}/text: what the reader took from the file. */
export type OriginalText = { id: string; fileName: string; mediaType: string; text: string };

/** POST /v1/me/skill-sheets/{id}/apply with corrected items and skills added in the review. */
export type SheetReviewRequest = {
  name: FieldChoice;
  title: FieldChoice;
  summary: FieldChoice;
  skills: { index: number; edited?: Skill }[];
  workHistory: { index: number; edited?: Engagement }[];
  education: { index: number; edited?: Education }[];
  certifications: { index: number; edited?: Certification }[];
  addedSkills: Skill[];
  expectedVersion: number;
};

export type { Certification, Education, Skill, SkillCategory, SkillLevel };
