import { describe, expect, it } from "vitest";
import type { SimilarJob } from "./searchTypes";
import { similarReason } from "./similar";

const job = { id: "j", title: "t" } as SimilarJob["job"];

describe("why a job is similar", () => {
  it("names shared skills, the same work style and the rate difference", () => {
    const similar: SimilarJob = { job, sharedSkills: ["Go", "AWS"], sameWorkStyle: true, rateDifferenceYen: 50_000 };
    expect(similarReason("ja", similar, "リモート")).toBe("共通スキル: Go・AWS · 同じリモート · 単価 5万円高い");
    expect(similarReason("en", similar, "Remote")).toBe("Shared skills: Go, AWS · also remote · rate 50k JPY higher");
  });

  it("says the rate is about the same within 1万円 and leaves out what it does not know", () => {
    expect(similarReason("ja", { job, sharedSkills: ["Java"], sameWorkStyle: false, rateDifferenceYen: -5_000 }, "常駐")).toBe(
      "共通スキル: Java · 単価ほぼ同じ",
    );
    expect(similarReason("ja", { job, sharedSkills: ["Java"], sameWorkStyle: false, rateDifferenceYen: -100_000 }, "常駐")).toBe(
      "共通スキル: Java · 単価 10万円低い",
    );
    expect(similarReason("ja", { job, sharedSkills: [], sameWorkStyle: false, rateDifferenceYen: null }, "常駐")).toBe("");
  });
});
