import { describe, expect, it } from "vitest";
import type { SkillSheetDraft } from "../apiTypes";
import { countSelected, emptySelection, reviewRequest, selectAll, toggled } from "./review";

const draft: SkillSheetDraft = {
  name: "佐藤 花子",
  skills: [{ name: "Java" }, { name: "PostgreSQL" }, { name: "AWS Lambda" }],
  workHistory: [{ period: { from: "2023-08" }, technologies: [] }],
  education: [],
  certifications: [],
  notes: [],
};

describe("skill sheet review", () => {
  it("keeps everything that is not ticked", () => {
    expect(reviewRequest(emptySelection(), 4)).toEqual({
      name: { decision: "KEEP" },
      title: { decision: "KEEP" },
      summary: { decision: "KEEP" },
      skills: [],
      workHistory: [],
      education: [],
      certifications: [],
      expectedVersion: 4,
    });
  });

  it("accepts ticked fields and items by index, in order", () => {
    let selection = { ...emptySelection(), name: true };
    selection = { ...selection, skills: toggled(toggled(toggled(selection.skills, 2), 0), 2) };
    const request = reviewRequest(selection, 1);
    expect(request.name).toEqual({ decision: "ACCEPT" });
    expect(request.skills).toEqual([{ index: 0 }]);
  });

  it("ticks only what the draft has", () => {
    const all = selectAll(draft);
    expect(all.title).toBe(false);
    expect(countSelected(all)).toBe(5);
    expect(reviewRequest(all, 2).skills).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
  });
});
