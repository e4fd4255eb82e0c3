import type {
  Certification,
  ContractType,
  Education,
  EngagementPhase,
  Profile,
  Skill,
  SkillCategory,
  SkillLevel,
  WorkHistoryEntry,
  WorkStyle,
} from "../apiTypes";
import { acquiredOf, integerOf, listOf, manYenOfYen, yenOfManYen } from "../shared/format";
import { length } from "../shared/problems";
import { chainOf, sortedPhases } from "./engagements";

/** A profile as its form holds it: numbers as typed, lists as rows, rates in 万円. */
export type SkillRow = { name: string; category: SkillCategory | ""; years: string; level: SkillLevel | "" };
export type WorkRow = {
  company: string;
  from: string;
  to: string;
  role: string;
  teamSize: string;
  /** 商流 as typed: the companies in between, separated by 「、」 or commas. */
  via: string;
  project: string;
  phases: EngagementPhase[];
  technologies: string;
  description: string;
};
export type EducationRow = { school: string; degree: string; field: string; from: string; to: string };
/** acquired as typed: "2022-04", or "2022" when only the year is known. */
export type CertificationRow = { name: string; acquired: string };

export type ProfileDraft = {
  name: string;
  title: string;
  summary: string;
  skills: SkillRow[];
  workHistory: WorkRow[];
  education: EducationRow[];
  certifications: CertificationRow[];
  rateMin: string;
  rateMax: string;
  daysPerWeek: string;
  workStyle: WorkStyle | "";
  locations: string;
  startDate: string;
  contractTypes: ContractType[];
  paymentTermsDays: string;
  githubUsername: string;
  portfolioUrl: string;
};

export const EMPTY_SKILL: SkillRow = { name: "", category: "", years: "", level: "" };
export const EMPTY_WORK: WorkRow = {
  company: "",
  from: "",
  to: "",
  role: "",
  teamSize: "",
  via: "",
  project: "",
  phases: [],
  technologies: "",
  description: "",
};
export const EMPTY_EDUCATION: EducationRow = { school: "", degree: "", field: "", from: "", to: "" };
export const EMPTY_CERTIFICATION: CertificationRow = { name: "", acquired: "" };

const text = (value: string | number | null | undefined) => (value == null ? "" : String(value));

export function skillRow(skill: Skill): SkillRow {
  return { name: skill.name, category: skill.category ?? "", years: text(skill.years), level: skill.level ?? "" };
}

export function workRow(entry: WorkHistoryEntry): WorkRow {
  return {
    company: text(entry.company),
    from: entry.period.from,
    to: text(entry.period.to),
    role: text(entry.role),
    teamSize: text(entry.teamSize),
    via: (entry.via ?? []).join("、"),
    project: text(entry.project),
    phases: [...(entry.phases ?? [])],
    technologies: (entry.technologies ?? []).join(", "),
    description: text(entry.description),
  };
}

export function draftOfProfile(profile: Profile): ProfileDraft {
  const desired = profile.desired ?? { locations: [], contractTypes: [], paymentTermsDays: [] };
  return {
    name: text(profile.name),
    title: text(profile.title),
    summary: text(profile.summary),
    skills: (profile.skills ?? []).map(skillRow),
    workHistory: (profile.workHistory ?? []).map(workRow),
    education: (profile.education ?? []).map((e) => ({
      school: e.school,
      degree: text(e.degree),
      field: text(e.field),
      from: text(e.period?.from),
      to: text(e.period?.to),
    })),
    certifications: (profile.certifications ?? []).map((c) => ({ name: c.name, acquired: text(c.acquired) })),
    rateMin: manYenOfYen(desired.monthlyRateMinYen),
    rateMax: manYenOfYen(desired.monthlyRateMaxYen),
    daysPerWeek: text(desired.daysPerWeek),
    workStyle: desired.workStyle ?? "",
    locations: (desired.locations ?? []).join(", "),
    startDate: text(desired.startDate),
    contractTypes: [...(desired.contractTypes ?? [])],
    paymentTermsDays: (desired.paymentTermsDays ?? []).join(", "),
    githubUsername: text(profile.links?.githubUsername),
    portfolioUrl: text(profile.links?.portfolioUrl),
  };
}

export type ProfileErrorKey =
  | "tooLong"
  | "required"
  | "notNumber"
  | "yearsRange"
  | "rateRange"
  | "rateOrder"
  | "daysRange"
  | "paymentRange"
  | "periodMissing"
  | "periodOrder"
  | "acquiredFormat"
  | "acquiredRange"
  | "teamSize"
  | "github"
  | "url"
  | "tooMany";

/** Errors by field path ("name", "skills.2.years", "workHistory.0.from"). */
export type ProfileErrors = Record<string, ProfileErrorKey>;

const GITHUB = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function optionalText(errors: ProfileErrors, path: string, value: string, limit: number) {
  if (length(value) > limit) errors[path] = "tooLong";
  return value.trim() || null;
}

/**
 * Checks a draft as Profile, Skill, WorkHistoryEntry, Education, Certification, DesiredConditions
 * and ProfileLinks check it, and builds the PUT /v1/me/profile body (without expectedVersion).
 * Blank rows are dropped, not refused.
 */
export function checkProfile(draft: ProfileDraft): { errors: ProfileErrors; body: Omit<Profile, "subject" | "version" | "updatedAt"> | null } {
  const errors: ProfileErrors = {};
  const name = optionalText(errors, "name", draft.name, 100);
  const title = optionalText(errors, "title", draft.title, 200);
  const summary = optionalText(errors, "summary", draft.summary, 4000);

  const skills: Skill[] = [];
  draft.skills.forEach((row, i) => {
    if (!row.name.trim() && !row.years.trim()) return;
    if (!row.name.trim()) errors[`skills.${i}.name`] = "required";
    else if (length(row.name) > 100) errors[`skills.${i}.name`] = "tooLong";
    const years = row.years.trim() === "" ? null : Number(row.years);
    if (years !== null && Number.isNaN(years)) errors[`skills.${i}.years`] = "notNumber";
    else if (years !== null && (years < 0 || years > 60)) errors[`skills.${i}.years`] = "yearsRange";
    skills.push({
      name: row.name.trim(),
      ...(row.category ? { category: row.category } : {}),
      ...(years !== null ? { years } : {}),
      ...(row.level ? { level: row.level } : {}),
    });
  });
  if (skills.length > 200) errors.skills = "tooMany";

  const period = (prefix: string, from: string, to: string, required: boolean) => {
    if (!from) {
      if (required || to) errors[`${prefix}.from`] = "periodMissing";
      return null;
    }
    if (!MONTH.test(from)) errors[`${prefix}.from`] = "periodMissing";
    if (to && !MONTH.test(to)) errors[`${prefix}.to`] = "periodMissing";
    if (to && to < from) errors[`${prefix}.to`] = "periodOrder";
    return { from, ...(to ? { to } : {}) };
  };

  const workHistory: WorkHistoryEntry[] = [];
  draft.workHistory.forEach((row, i) => {
    if (!row.phases.length && Object.values(row).every((v) => typeof v !== "string" || !v.trim())) return;
    const p = `workHistory.${i}`;
    const team = integerOf(row.teamSize);
    if (Number.isNaN(team) || (team !== null && (team < 1 || team > 10_000))) errors[`${p}.teamSize`] = "teamSize";
    const { via, error: viaError } = chainOf(row.via);
    if (viaError) errors[`${p}.via`] = viaError;
    workHistory.push({
      company: optionalText(errors, `${p}.company`, row.company, 200),
      via,
      project: optionalText(errors, `${p}.project`, row.project, 200),
      period: period(p, row.from, row.to, true) ?? { from: "" },
      role: optionalText(errors, `${p}.role`, row.role, 200),
      teamSize: team,
      phases: sortedPhases(row.phases),
      technologies: listOf(row.technologies),
      description: optionalText(errors, `${p}.description`, row.description, 4000),
    });
  });
  if (workHistory.length > 100) errors.workHistory = "tooMany";

  const education: Education[] = [];
  draft.education.forEach((row, i) => {
    if (Object.values(row).every((v) => !v.trim())) return;
    const p = `education.${i}`;
    if (!row.school.trim()) errors[`${p}.school`] = "required";
    else if (length(row.school) > 200) errors[`${p}.school`] = "tooLong";
    education.push({
      school: row.school.trim(),
      degree: optionalText(errors, `${p}.degree`, row.degree, 100),
      field: optionalText(errors, `${p}.field`, row.field, 200),
      period: period(p, row.from, row.to, false),
    });
  });

  const certifications: Certification[] = [];
  draft.certifications.forEach((row, i) => {
    if (!row.name.trim() && !row.acquired.trim()) return;
    const p = `certifications.${i}`;
    if (!row.name.trim()) errors[`${p}.name`] = "required";
    else if (length(row.name) > 200) errors[`${p}.name`] = "tooLong";
    // A month or a year alone: the profile never makes a month up for a sheet that gave none.
    const acquired = acquiredOf(row.acquired);
    if (acquired.error) errors[`${p}.acquired`] = acquired.error;
    certifications.push({ name: row.name.trim(), ...(acquired.value ? { acquired: acquired.value } : {}) });
  });

  const rateMin = yenOfManYen(draft.rateMin);
  const rateMax = yenOfManYen(draft.rateMax);
  for (const [path, yen] of [
    ["rateMin", rateMin],
    ["rateMax", rateMax],
  ] as const) {
    if (Number.isNaN(yen)) errors[path] = "notNumber";
    else if (yen !== null && (yen < 10_000 || yen > 10_000_000)) errors[path] = "rateRange";
  }
  if (rateMin !== null && rateMax !== null && rateMin > rateMax && !errors.rateMin) errors.rateMin = "rateOrder";
  const days = integerOf(draft.daysPerWeek);
  if (Number.isNaN(days) || (days !== null && (days < 1 || days > 5))) errors.daysPerWeek = "daysRange";
  const locations = listOf(draft.locations);
  if (locations.some((l) => length(l) > 100)) errors.locations = "tooLong";
  if (new Set(locations).size > 20) errors.locations = "tooMany";
  const terms = listOf(draft.paymentTermsDays).map(Number);
  if (terms.some((d) => !Number.isInteger(d) || d < 0 || d > 120)) errors.paymentTermsDays = "paymentRange";

  const github = draft.githubUsername.trim();
  if (github && !GITHUB.test(github)) errors.githubUsername = "github";
  const portfolio = draft.portfolioUrl.trim();
  if (portfolio) {
    try {
      const url = new URL(portfolio);
      if (url.protocol !== "https:" && url.protocol !== "http:") errors.portfolioUrl = "url";
    } catch {
      errors.portfolioUrl = "url";
    }
    if (length(portfolio) > 500) errors.portfolioUrl = "tooLong";
  }

  if (Object.keys(errors).length) return { errors, body: null };
  return {
    errors,
    body: {
      name,
      title,
      summary,
      skills,
      workHistory,
      education,
      certifications,
      desired: {
        monthlyRateMinYen: rateMin,
        monthlyRateMaxYen: rateMax,
        daysPerWeek: days,
        workStyle: draft.workStyle || null,
        locations: [...new Set(locations)],
        startDate: draft.startDate || null,
        contractTypes: draft.contractTypes,
        paymentTermsDays: [...new Set(terms)],
      },
      links: { githubUsername: github || null, portfolioUrl: portfolio || null },
    },
  };
}
