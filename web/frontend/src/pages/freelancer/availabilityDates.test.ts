import { describe, expect, it } from "vitest";
import { firstOfNextMonth, nextMonday } from "./availabilityDates";

describe("one-click start dates", () => {
  it("rolls the first of next month over the year end", () => {
    expect(firstOfNextMonth(new Date(2026, 11, 15))).toBe("2027-01-01");
    expect(firstOfNextMonth(new Date(2026, 10, 30))).toBe("2026-12-01");
  });

  it("finds the next Monday, never today", () => {
    expect(nextMonday(new Date(2026, 10, 30))).toBe("2026-12-07"); // a Monday
    expect(nextMonday(new Date(2026, 11, 3))).toBe("2026-12-07"); // a Thursday
    expect(nextMonday(new Date(2026, 11, 6))).toBe("2026-12-07"); // a Sunday
  });
});
