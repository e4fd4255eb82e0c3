import { describe, expect, it } from "vitest";
import type { Availability } from "../../types";
import { matchesAvailableBy, matchesSkills, skillTerms } from "./boardFilters";

describe("skills", () => {
  it("splits on commas, Japanese commas and spaces", () => {
    expect(skillTerms(" Java、AWS, react  ")).toEqual(["java", "aws", "react"]);
    expect(skillTerms("")).toEqual([]);
  });

  it("needs every term, matched inside skill names regardless of case", () => {
    const skills = ["Java 17", "Jakarta EE", "AWS"];
    expect(matchesSkills(skills, ["java", "aws"])).toBe(true);
    expect(matchesSkills(skills, ["java", "go"])).toBe(false);
    expect(matchesSkills(undefined, ["java"])).toBe(false);
    expect(matchesSkills(undefined, [])).toBe(true);
  });
});

const base: Availability = {
  status: "AVAILABLE",
  daysPerWeek: 5,
  hoursPerDay: 8,
  workStyle: "REMOTE",
  updatedAt: "2026-11-30T00:00:00Z",
  version: 1,
};

describe("available by", () => {
  it("keeps everyone when no date is chosen", () => {
    expect(matchesAvailableBy(null, "")).toBe(true);
  });

  it("keeps the available and those starting on or before the day", () => {
    expect(matchesAvailableBy(base, "2026-12-01")).toBe(true);
    const from = { ...base, status: "AVAILABLE_FROM" as const, availableFrom: "2026-12-01" };
    expect(matchesAvailableBy(from, "2026-12-01")).toBe(true);
    expect(matchesAvailableBy(from, "2026-11-30")).toBe(false);
  });

  it("drops the unavailable and those without availability", () => {
    expect(matchesAvailableBy({ ...base, status: "UNAVAILABLE" }, "2027-01-01")).toBe(false);
    expect(matchesAvailableBy(undefined, "2027-01-01")).toBe(false);
  });
});
