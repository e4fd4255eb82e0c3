import type { Profile } from "../apiTypes";
import { acquiredOf, integerOf, listOf } from "../shared/format";
import { length } from "../shared/problems";
import { chainOf, sortedPhases } from "./engagements";
import type {
  Certification,
  Education,
  Engagement,
  EngagementPhase,
  SheetDraft,
  SheetReviewRequest,
  Skill,
  SkillCategory,
  SkillLevel,
} from "./skillSheetTypes";

/**
 * A skill-sheet review as its form holds it: every proposal with a tick and an editable copy, the
 * skills the freelancer adds, numbers and months as typed. Built once from the draft; the request
 * says EDIT only for what the freelancer changed.
 */
export type TextField = { take: boolean; value: string };
export type SkillRow = { name: string; category: SkillCategory | ""; years: string; level: SkillLevel | "" };
export type EngagementRow = {
  company: string;
  via: string;
  project: string;
  role: string;
  teamSize: string;
  from: string;
  to: string;
  ongoing: boolean;
  phases: EngagementPhase[];
  technologies: string;
  description: string;
};
export type EducationRow = { school: string; degree: string; field: string; from: string; to: string };
/** acquired as typed: "2022-04", or "2022" when the sheet gives only the year. */
export type CertificationRow = { name: string; acquired: string };
export type Item<R> = { take: boolean; row: R };

export type ReviewForm = {
  name: TextField;
  title: TextField;
  summary: TextField;
  skills: Item<SkillRow>[];
  workHistory: Item<EngagementRow>[];
  education: Item<EducationRow>[];
  certifications: Item<CertificationRow>[];
  /** Skills the draft does not hold: typed in, or proposed names taken with one click. */
  added: SkillRow[];
};

const text = (value: string | number | null | undefined) => (value == null ? "" : String(value));

export function skillRow(skill: Skill): SkillRow {
  return { name: skill.name, category: skill.category ?? "", years: text(skill.years), level: skill.level ?? "" };
}

export function engagementRow(entry: Engagement): EngagementRow {
  return {
    company: text(entry.company),
    via: (entry.via ?? []).join("、"),
    project: text(entry.project),
    role: text(entry.role),
    teamSize: text(entry.teamSize),
    from: entry.period.from,
    to: text(entry.period.to),
    ongoing: !entry.period.to,
    phases: [...(entry.phases ?? [])],
    technologies: (entry.technologies ?? []).join(", "),
    description: text(entry.description),
  };
}

function educationRow(entry: Education): EducationRow {
  return {
    school: entry.school,
    degree: text(entry.degree),
    field: text(entry.field),
    from: text(entry.period?.from),
    to: text(entry.period?.to),
  };
}

/**
 * Whether a proposal is ticked before the freelancer looks: what the parser is sure of and what
 * overwrites nothing. A text field only when the profile has none; every skill the vocabulary
 * recognised (the draft's skills; unknown names are `proposedSkills`, left unticked); an
 * engagement with a company or a project (its period it always has); a school with its dates; a
 * certification with its date (a month, or the year alone when that is all the sheet says).
 */
export function confident(draft: SheetDraft, current: Profile | null | undefined) {
  const blank = (value: string | null | undefined) => !value || !value.trim();
  return {
    name: !blank(draft.name) && blank(current?.name),
    title: !blank(draft.title) && blank(current?.title),
    summary: !blank(draft.summary) && blank(current?.summary),
    engagement: (entry: Engagement) => !blank(entry.company) || !blank(entry.project),
    education: (entry: Education) => !blank(entry.school) && !!entry.period,
    certification: (entry: Certification) => !blank(entry.name) && !!entry.acquired,
  };
}

/** The form for a fresh review: the draft's values, confident proposals ticked. */
export function reviewForm(draft: SheetDraft, current: Profile | null | undefined): ReviewForm {
  const sure = confident(draft, current);
  return {
    name: { take: sure.name, value: text(draft.name) },
    title: { take: sure.title, value: text(draft.title) },
    summary: { take: sure.summary, value: text(draft.summary) },
    skills: draft.skills.map((s) => ({ take: true, row: skillRow(s) })),
    workHistory: draft.workHistory.map((w) => ({ take: sure.engagement(w), row: engagementRow(w) })),
    education: draft.education.map((e) => ({ take: sure.education(e), row: educationRow(e) })),
    certifications: draft.certifications.map((c) => ({
      take: sure.certification(c),
      row: { name: c.name, acquired: text(c.acquired) },
    })),
    added: [],
  };
}

export const EMPTY_SKILL: SkillRow = { name: "", category: "", years: "", level: "" };

/** The form with a proposed name taken as a new skill; a name already there is not added twice. */
export function takeProposed(form: ReviewForm, name: string): ReviewForm {
  if (skillNames(form).has(name.trim().toLowerCase())) return form;
  return { ...form, added: [...form.added, { ...EMPTY_SKILL, name: name.trim() }] };
}

/** Names (lower case) the review will put on the profile: ticked draft skills and added ones. */
export function skillNames(form: ReviewForm): Set<string> {
  return new Set(
    [...form.skills.filter((s) => s.take).map((s) => s.row.name), ...form.added.map((s) => s.name)]
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function countTaken(form: ReviewForm): number {
  const ticked = <R>(items: Item<R>[]) => items.filter((i) => i.take).length;
  return (
    Number(form.name.take) +
    Number(form.title.take) +
    Number(form.summary.take) +
    ticked(form.skills) +
    ticked(form.workHistory) +
    ticked(form.education) +
    ticked(form.certifications) +
    form.added.filter((s) => s.name.trim()).length
  );
}

export type ReviewErrorKey =
  | "tooLong"
  | "required"
  | "notNumber"
  | "yearsRange"
  | "periodMissing"
  | "periodOrder"
  | "acquiredFormat"
  | "acquiredRange"
  | "teamSize"
  | "tooMany"
  | "duplicate";

/** Errors by field path ("name", "skills.2.years", "workHistory.0.from", "added.1.name"). */
export type ReviewErrors = Record<string, ReviewErrorKey>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Checks the ticked parts as the domain checks them (Skill, WorkHistoryEntry, Education,
 * Certification, Period) and builds the apply request: ACCEPT or an item as drafted when it is
 * unchanged, EDIT or `edited` when the freelancer changed it. Unticked parts are not checked.
 */
export function checkReview(
  form: ReviewForm,
  draft: SheetDraft,
  expectedVersion: number,
): { errors: ReviewErrors; body: SheetReviewRequest | null } {
  const errors: ReviewErrors = {};
  const field = (key: "name" | "title" | "summary", limit: number) => {
    const f = form[key];
    if (!f.take) return { decision: "KEEP" as const };
    if (length(f.value) > limit) errors[key] = "tooLong";
    const value = f.value.trim();
    if (value === text(draft[key]).trim() && value) return { decision: "ACCEPT" as const };
    return value ? { decision: "EDIT" as const, value } : { decision: "EDIT" as const };
  };
  const name = field("name", 100);
  const title = field("title", 200);
  const summary = field("summary", 4000);

  const optional = (path: string, value: string, limit: number) => {
    if (length(value) > limit) errors[path] = "tooLong";
    return value.trim() || null;
  };
  const skillOf = (path: string, row: SkillRow): Skill => {
    if (!row.name.trim()) errors[`${path}.name`] = "required";
    else if (length(row.name) > 100) errors[`${path}.name`] = "tooLong";
    const years = row.years.trim() === "" ? null : Number(row.years.trim());
    if (years !== null && Number.isNaN(years)) errors[`${path}.years`] = "notNumber";
    else if (years !== null && (years < 0 || years > 60)) errors[`${path}.years`] = "yearsRange";
    return {
      name: row.name.trim(),
      ...(row.category ? { category: row.category } : {}),
      ...(years !== null && !Number.isNaN(years) ? { years } : {}),
      ...(row.level ? { level: row.level } : {}),
    };
  };
  const period = (path: string, from: string, to: string, required: boolean) => {
    if (!from) {
      if (required || to) errors[`${path}.from`] = "periodMissing";
      return null;
    }
    if (!MONTH.test(from)) errors[`${path}.from`] = "periodMissing";
    if (to && !MONTH.test(to)) errors[`${path}.to`] = "periodMissing";
    else if (to && to < from) errors[`${path}.to`] = "periodOrder";
    return { from, ...(to ? { to } : {}) };
  };

  const seen = new Set<string>();
  const once = (path: string, skill: Skill) => {
    const key = skill.name.toLowerCase();
    if (key && seen.has(key)) errors[`${path}.name`] = "duplicate";
    seen.add(key);
  };

  const skills: SheetReviewRequest["skills"] = [];
  form.skills.forEach((item, i) => {
    if (!item.take) return;
    const skill = skillOf(`skills.${i}`, item.row);
    once(`skills.${i}`, skill);
    skills.push(same(skill, draft.skills[i]) ? { index: i } : { index: i, edited: skill });
  });
  const addedSkills: Skill[] = [];
  form.added.forEach((row, i) => {
    if (!row.name.trim() && !row.years.trim() && !row.level) return;
    const skill = skillOf(`added.${i}`, row);
    once(`added.${i}`, skill);
    addedSkills.push(skill);
  });
  if (addedSkills.length > 200) errors.added = "tooMany";

  const workHistory: SheetReviewRequest["workHistory"] = [];
  form.workHistory.forEach((item, i) => {
    if (!item.take) return;
    const p = `workHistory.${i}`;
    const row = item.row;
    const team = integerOf(row.teamSize);
    if (Number.isNaN(team) || (team !== null && (team < 1 || team > 10_000))) errors[`${p}.teamSize`] = "teamSize";
    const { via, error: viaError } = chainOf(row.via);
    if (viaError) errors[`${p}.via`] = viaError;
    const entry: Engagement = {
      company: optional(`${p}.company`, row.company, 200),
      via,
      project: optional(`${p}.project`, row.project, 200),
      period: period(p, row.from, row.ongoing ? "" : row.to, true) ?? { from: "" },
      role: optional(`${p}.role`, row.role, 200),
      teamSize: Number.isNaN(team) ? null : team,
      phases: sortedPhases(row.phases),
      technologies: listOf(row.technologies),
      description: optional(`${p}.description`, row.description, 4000),
    };
    workHistory.push(same(entry, draft.workHistory[i]) ? { index: i } : { index: i, edited: entry });
  });

  const education: SheetReviewRequest["education"] = [];
  form.education.forEach((item, i) => {
    if (!item.take) return;
    const p = `education.${i}`;
    const row = item.row;
    if (!row.school.trim()) errors[`${p}.school`] = "required";
    else if (length(row.school) > 200) errors[`${p}.school`] = "tooLong";
    const entry: Education = {
      school: row.school.trim(),
      degree: optional(`${p}.degree`, row.degree, 100),
      field: optional(`${p}.field`, row.field, 200),
      period: period(p, row.from, row.to, false),
    };
    education.push(same(entry, draft.education[i]) ? { index: i } : { index: i, edited: entry });
  });

  const certifications: SheetReviewRequest["certifications"] = [];
  form.certifications.forEach((item, i) => {
    if (!item.take) return;
    const p = `certifications.${i}`;
    const row = item.row;
    if (!row.name.trim()) errors[`${p}.name`] = "required";
    else if (length(row.name) > 200) errors[`${p}.name`] = "tooLong";
    const acquired = acquiredOf(row.acquired);
    if (acquired.error) errors[`${p}.acquired`] = acquired.error;
    const entry: Certification = {
      name: row.name.trim(),
      ...(acquired.value ? { acquired: acquired.value } : {}),
    };
    certifications.push(same(entry, draft.certifications[i]) ? { index: i } : { index: i, edited: entry });
  });

  if (Object.keys(errors).length) return { errors, body: null };
  return {
    errors,
    body: { name, title, summary, skills, workHistory, education, certifications, addedSkills, expectedVersion },
  };
}


/**
 * Whether an item as the form rebuilt it is the drafted one: then it is sent by index alone and
 * the server takes its own copy. Absent, null, "" and [] count as the same emptiness.
 */
export function same(edited: unknown, drafted: unknown): boolean {
  return JSON.stringify(normalised(edited)) === JSON.stringify(normalised(drafted));
}

function normalised(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalised);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = normalised((value as Record<string, unknown>)[key]);
      if (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
      out[key] = v;
    }
    return out;
  }
  return value;
}

/**
 * Where a server refusal belongs on the review form: the problem's `field` ("workHistory[1].index",
 * "addedSkills", "skills[0].edited.years") as a form path ("workHistory.1", "added"), or null for
 * the form as a whole. `taken` maps the position in the request back to the item's index in the
 * draft, since the request lists only ticked items.
 */
export function pathOfProblemField(field: string | null | undefined, body: SheetReviewRequest | null): string | null {
  if (!field) return null;
  if (field === "addedSkills" || field.startsWith("addedSkills[")) {
    const m = /^addedSkills\[(\d+)]/.exec(field);
    return m ? `added.${m[1]}.name` : "added";
  }
  const m = /^(skills|workHistory|education|certifications)\[(\d+)]/.exec(field);
  if (m && body) {
    const list = body[m[1] as "skills" | "workHistory" | "education" | "certifications"];
    const item = list[Number(m[2])];
    return item ? `${m[1]}.${item.index}` : m[1];
  }
  if (field === "name" || field === "title" || field === "summary") return field;
  return null;
}
