import type { ContractType, Culture, JobDetails, SkillRequirement, WorkStyle } from "../apiTypes";
import { integerOf, manYenOfYen, yenOfManYen } from "../shared/format";
import { length } from "../shared/problems";

/** A job as its form holds it: text as typed, rates in 万円, skills one per line ("Java 3"). */
export type JobDraft = {
  workspaceId: string;
  title: string;
  description: string;
  requiredSkills: string;
  preferredSkills: string;
  rateMinManYen: string;
  rateMaxManYen: string;
  rateTaxIncluded: boolean;
  settlementMinHours: string;
  settlementMaxHours: string;
  daysMin: string;
  daysMax: string;
  workStyle: WorkStyle;
  location: string;
  /** One of the 47 prefectures, or "" to let the server read it from the location. */
  prefecture: string;
  station: string;
  startDate: string;
  durationMonths: string;
  contractType: ContractType;
  trialAvailable: boolean;
  paymentTermsDays: string;
  culture: Culture | "";
};

export type JobField = Exclude<keyof JobDraft, "rateMinManYen" | "rateMaxManYen"> | "rateMinYen" | "rateMaxYen";

/** The fields the server's messages name (JobDetails component names). */
export const JOB_FIELDS: readonly JobField[] = [
  "workspaceId",
  "title",
  "description",
  "requiredSkills",
  "preferredSkills",
  "rateMinYen",
  "rateMaxYen",
  "rateTaxIncluded",
  "settlementMinHours",
  "settlementMaxHours",
  "daysMin",
  "daysMax",
  "workStyle",
  "location",
  "prefecture",
  "station",
  "startDate",
  "durationMonths",
  "contractType",
  "trialAvailable",
  "paymentTermsDays",
  "culture",
];

/** Server messages that name a field in words. */
export const JOB_ALIASES = [
  [/days per week/, "daysMin"],
  [/needs a location/, "location"],
  [/skill|years of/, "requiredSkills"],
] as const satisfies readonly (readonly [RegExp, JobField])[];

// The limits of io.proxima.jobs.domain.JobDetails and SkillRequirement.
export const TITLE_LIMIT = 200;
export const DESCRIPTION_LIMIT = 20_000;
export const SKILL_LIMIT = 30;
export const SKILL_NAME_LIMIT = 100;
export const LOCATION_LIMIT = 100;
export const STATION_LIMIT = 50;

export const EMPTY_JOB: JobDraft = {
  workspaceId: "",
  title: "",
  description: "",
  requiredSkills: "",
  preferredSkills: "",
  rateMinManYen: "",
  rateMaxManYen: "",
  rateTaxIncluded: false,
  settlementMinHours: "140",
  settlementMaxHours: "180",
  daysMin: "5",
  daysMax: "5",
  workStyle: "REMOTE",
  location: "",
  prefecture: "",
  station: "",
  startDate: "",
  durationMonths: "",
  contractType: "QUASI_MANDATE",
  trialAvailable: false,
  paymentTermsDays: "",
  culture: "",
};

/** "Java 3" / "Java 3年" / "Spring Boot" per line: a name and optional minimum years. */
export function parseSkills(text: string): SkillRequirement[] | { error: string; line: number } {
  const skills: SkillRequirement[] = [];
  const lines = text.split(/\n|,|、/).map((line) => line.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const found = /^(.*?)(?:\s+(\d+(?:\.\d+)?)\s*(?:年|y|yrs?|years?)?)?$/i.exec(line);
    const skill = (found?.[1] ?? line).trim();
    const years = found?.[2] !== undefined ? Number(found[2]) : null;
    if (!skill) return { error: "name", line: i + 1 };
    if ([...skill].length > SKILL_NAME_LIMIT || /\p{Cc}/u.test(skill)) {
      return { error: "nameLength", line: i + 1 };
    }
    if (years !== null && (years < 0 || years > 40)) return { error: "years", line: i + 1 };
    skills.push(years === null ? { skill } : { skill, years });
  }
  return skills;
}

export function formatSkills(skills: SkillRequirement[]): string {
  return skills.map((s) => (s.years != null ? `${s.skill} ${s.years}` : s.skill)).join("\n");
}

/** A job's details with the place fields of issue 21 (the shared JobDetails type predates them). */
export type PlacedJobDetails = JobDetails & { prefecture?: string | null; station?: string | null };

export function draftOfJob(details: PlacedJobDetails): JobDraft {
  const text = (value: number | null | undefined) => (value == null ? "" : String(value));
  return {
    workspaceId: details.workspaceId ?? "",
    title: details.title,
    description: details.description,
    requiredSkills: formatSkills(details.requiredSkills ?? []),
    preferredSkills: formatSkills(details.preferredSkills ?? []),
    rateMinManYen: manYenOfYen(details.rateMinYen),
    rateMaxManYen: manYenOfYen(details.rateMaxYen),
    rateTaxIncluded: details.rateTaxIncluded,
    settlementMinHours: text(details.settlementMinHours),
    settlementMaxHours: text(details.settlementMaxHours),
    daysMin: String(details.daysMin),
    daysMax: String(details.daysMax),
    workStyle: details.workStyle,
    location: details.location ?? "",
    prefecture: details.prefecture ?? "",
    station: details.station ?? "",
    startDate: details.startDate ?? "",
    durationMonths: text(details.durationMonths),
    contractType: details.contractType,
    trialAvailable: details.trialAvailable,
    paymentTermsDays: text(details.paymentTermsDays),
    culture: details.culture ?? "",
  };
}

/** Error keys, translated by the page (the same rules as JobDetails' constructor). */
export type JobErrorKey =
  | "required"
  | "tooLong"
  | "notNumber"
  | "rateRange"
  | "rateOrder"
  | "hoursRange"
  | "hoursOrder"
  | "daysRange"
  | "daysOrder"
  | "locationNeeded"
  | "durationRange"
  | "paymentRange"
  | "skillName"
  | "skillNameLength"
  | "skillYears"
  | "skillCount";

export type JobCheck = { keys: Partial<Record<JobField, JobErrorKey>>; details: PlacedJobDetails | null };

/**
 * Checks a draft as the server will, and builds the JSON body when it passes. Messages are keys
 * so the page words them in the reader's language.
 */
export function checkJob(draft: JobDraft): JobCheck {
  const keys: Partial<Record<JobField, JobErrorKey>> = {};
  const fail = (field: JobField, key: JobErrorKey) => {
    if (!keys[field]) keys[field] = key;
  };

  if (!draft.title.trim()) fail("title", "required");
  else if (length(draft.title) > TITLE_LIMIT) fail("title", "tooLong");
  if (!draft.description.trim()) fail("description", "required");
  else if (length(draft.description) > DESCRIPTION_LIMIT) fail("description", "tooLong");
  if (length(draft.location) > LOCATION_LIMIT) fail("location", "tooLong");
  if (length(draft.station) > STATION_LIMIT) fail("station", "tooLong");

  const skills = (field: "requiredSkills" | "preferredSkills") => {
    const parsed = parseSkills(draft[field]);
    if (!Array.isArray(parsed)) {
      fail(field, parsed.error === "name" ? "skillName" : parsed.error === "years" ? "skillYears" : "skillNameLength");
      return [];
    }
    const distinct = new Map(parsed.map((s) => [s.skill.toLowerCase(), s]));
    if (distinct.size > SKILL_LIMIT) fail(field, "skillCount");
    return [...distinct.values()];
  };
  const requiredSkills = skills("requiredSkills");
  const preferredSkills = skills("preferredSkills");

  const rateMin = yenOfManYen(draft.rateMinManYen);
  const rateMax = yenOfManYen(draft.rateMaxManYen);
  for (const [field, yen] of [
    ["rateMinYen", rateMin],
    ["rateMaxYen", rateMax],
  ] as const) {
    if (Number.isNaN(yen)) fail(field, "notNumber");
    else if (yen !== null && (yen < 10_000 || yen > 10_000_000)) fail(field, "rateRange");
  }
  if (rateMin !== null && rateMax !== null && rateMin > rateMax) fail("rateMinYen", "rateOrder");

  const hoursMin = integerOf(draft.settlementMinHours);
  const hoursMax = integerOf(draft.settlementMaxHours);
  for (const [field, hours] of [
    ["settlementMinHours", hoursMin],
    ["settlementMaxHours", hoursMax],
  ] as const) {
    if (Number.isNaN(hours)) fail(field, "notNumber");
    else if (hours !== null && (hours < 1 || hours > 400)) fail(field, "hoursRange");
  }
  if (hoursMin !== null && hoursMax !== null && hoursMin > hoursMax) fail("settlementMinHours", "hoursOrder");

  const daysMin = integerOf(draft.daysMin);
  const daysMax = integerOf(draft.daysMax);
  if (daysMin === null) fail("daysMin", "required");
  else if (Number.isNaN(daysMin) || daysMin < 1 || daysMin > 7) fail("daysMin", "daysRange");
  if (daysMax === null) fail("daysMax", "required");
  else if (Number.isNaN(daysMax) || daysMax < 1 || daysMax > 7) fail("daysMax", "daysRange");
  if (daysMin !== null && daysMax !== null && daysMin > daysMax) fail("daysMin", "daysOrder");

  if (draft.workStyle !== "REMOTE" && !draft.location.trim()) fail("location", "locationNeeded");

  const duration = integerOf(draft.durationMonths);
  if (Number.isNaN(duration) || (duration !== null && (duration < 1 || duration > 120))) {
    fail("durationMonths", "durationRange");
  }
  const payment = integerOf(draft.paymentTermsDays);
  if (Number.isNaN(payment) || (payment !== null && (payment < 0 || payment > 120))) {
    fail("paymentTermsDays", "paymentRange");
  }

  const ok = Object.keys(keys).length === 0;
  return {
    keys,
    details: ok
      ? {
          ...(draft.workspaceId ? { workspaceId: draft.workspaceId } : {}),
          title: draft.title.trim(),
          description: draft.description.trim(),
          requiredSkills,
          // the server drops a preferred skill that is also required; so does the form
          preferredSkills: preferredSkills.filter(
            (p) => !requiredSkills.some((r) => r.skill.toLowerCase() === p.skill.toLowerCase()),
          ),
          rateMinYen: rateMin,
          rateMaxYen: rateMax,
          rateTaxIncluded: draft.rateTaxIncluded,
          settlementMinHours: hoursMin,
          settlementMaxHours: hoursMax,
          daysMin: daysMin!,
          daysMax: daysMax!,
          workStyle: draft.workStyle,
          location: draft.location.trim() || null,
          prefecture: draft.prefecture || null,
          station: draft.station.trim() || null,
          startDate: draft.startDate || null,
          durationMonths: duration,
          contractType: draft.contractType,
          trialAvailable: draft.trialAvailable,
          paymentTermsDays: payment,
          culture: draft.culture || null,
        }
      : null,
  };
}

/** What a staff member may do with a job in its state. */
export function jobActions(status: "DRAFT" | "OPEN" | "CLOSED") {
  return {
    edit: status !== "CLOSED",
    publish: status === "DRAFT",
    close: status === "OPEN",
    delete: status === "DRAFT",
  };
}
