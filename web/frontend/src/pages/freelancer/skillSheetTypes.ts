import type { Certification, Education, FieldChoice, Profile, Skill, SkillCategory, SkillLevel, WorkHistoryEntry } from "../apiTypes";

export { ENGAGEMENT_PHASES, type EngagementPhase } from "../apiTypes";

/** One engagement (案件) as drafts and profiles carry it, with the 商流, 案件名 and 担当工程. */
export type Engagement = WorkHistoryEntry;

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
