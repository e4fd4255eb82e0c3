import { describe, expect, it } from "vitest";
import type { Availability } from "../../types";
import { matchesAvailableBy } from "./boardFilters";

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
