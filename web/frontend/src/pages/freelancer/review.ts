import type { FieldChoice, ReviewRequest, SkillSheetDraft } from "../apiTypes";

/** What the freelancer ticked in a draft: text fields to take, list items by index. */
export type Selection = {
  name: boolean;
  title: boolean;
  summary: boolean;
  skills: Set<number>;
  workHistory: Set<number>;
  education: Set<number>;
  certifications: Set<number>;
};

/** Nothing ticked: a review that changes nothing unless the freelancer chooses. */
export function emptySelection(): Selection {
  return { name: false, title: false, summary: false, skills: new Set(), workHistory: new Set(), education: new Set(), certifications: new Set() };
}

/** Everything the draft proposes, ticked (the "take all" shortcut). */
export function selectAll(draft: SkillSheetDraft): Selection {
  const all = (n: number) => new Set(Array.from({ length: n }, (_, i) => i));
  return {
    name: !!draft.name,
    title: !!draft.title,
    summary: !!draft.summary,
    skills: all(draft.skills.length),
    workHistory: all(draft.workHistory.length),
    education: all(draft.education.length),
    certifications: all(draft.certifications.length),
  };
}

export function countSelected(selection: Selection): number {
  return (
    Number(selection.name) +
    Number(selection.title) +
    Number(selection.summary) +
    selection.skills.size +
    selection.workHistory.size +
    selection.education.size +
    selection.certifications.size
  );
}

/** The body of POST /v1/me/skill-sheets/{id}/apply: ACCEPT what is ticked, KEEP the rest. */
export function reviewRequest(selection: Selection, expectedVersion: number): ReviewRequest {
  const choice = (take: boolean): FieldChoice => ({ decision: take ? "ACCEPT" : "KEEP" });
  const items = (set: Set<number>) => [...set].sort((a, b) => a - b).map((index) => ({ index }));
  return {
    name: choice(selection.name),
    title: choice(selection.title),
    summary: choice(selection.summary),
    skills: items(selection.skills),
    workHistory: items(selection.workHistory),
    education: items(selection.education),
    certifications: items(selection.certifications),
    expectedVersion,
  };
}

/** Toggles one item of a list selection, as a new set (for React state). */
export function toggled(set: Set<number>, index: number): Set<number> {
  const next = new Set(set);
  if (next.has(index)) next.delete(index);
  else next.add(index);
  return next;
}
