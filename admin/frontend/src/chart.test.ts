import { describe, expect, it } from "vitest";
import { axisLabel, bars, currentMonth, monthsBack, monthsBetween, niceScale, tickY } from "./chart";

describe("chart scaling", () => {
  it("ends the axis on a round number above the largest value", () => {
    expect(niceScale([3, 17, 9])).toEqual({ max: 20, ticks: [0, 5, 10, 15, 20] });
    expect(niceScale([1_234_567])).toEqual({
      max: 1_500_000,
      ticks: [0, 500_000, 1_000_000, 1_500_000],
    });
    expect(niceScale([100]).ticks).toEqual([0, 50, 100]);
  });

  it("never draws fractional steps for counts, and copes with nothing at all", () => {
    expect(niceScale([1, 2])).toEqual({ max: 2, ticks: [0, 1, 2] });
    expect(niceScale([])).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale([0, 0, 0])).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale([NaN, 4])).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
  });

  it("goes below zero when credit notes outweigh a month's invoices", () => {
    const { ticks } = niceScale([-300, 900]);
    expect(ticks[0]).toBeLessThan(0);
    expect(ticks).toContain(0);
    const [negative, positive] = bars([-300, 900], 200, 100, ticks);
    const zero = tickY(0, 100, ticks);
    expect(negative.y).toBeCloseTo(zero);
    expect(positive.y + positive.height).toBeCloseTo(zero);
  });

  it("places bars in equal slots, as tall as their share of the axis", () => {
    const { ticks } = niceScale([10, 5, 0]);
    const placed = bars([10, 5, 0], 300, 100, ticks);
    expect(placed.map((b) => Math.round(b.x))).toEqual([15, 115, 215]);
    expect(placed[0].height).toBeCloseTo(100);
    expect(placed[1].height).toBeCloseTo(50);
    expect(placed[2].height).toBe(0);
    expect(placed[1].y).toBeCloseTo(50);
  });
});

describe("months", () => {
  it("counts months across a year's end", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03", "2026-03")).toEqual(["2026-03"]);
    expect(monthsBetween("2026-04", "2026-03")).toEqual([]);
  });

  it("finds where a range of n months starts", () => {
    expect(monthsBack("2026-11", 12)).toBe("2025-12");
    expect(monthsBack("2026-01", 1)).toBe("2026-01");
    expect(monthsBack("2026-01", 2)).toBe("2025-12");
  });

  it("takes the month from Japan's calendar", () => {
    // 2026-11-30 20:00 UTC is already 1 December in Tokyo.
    expect(currentMonth(new Date("2026-11-30T20:00:00Z"))).toBe("2026-12");
    expect(currentMonth(new Date("2026-11-30T10:00:00Z"))).toBe("2026-11");
  });

  it("labels the axis briefly, with the year where one starts", () => {
    expect(axisLabel("2025-12", true)).toEqual({ month: "12", year: "2025" });
    expect(axisLabel("2026-01", false)).toEqual({ month: "1", year: "2026" });
    expect(axisLabel("2026-02", false)).toEqual({ month: "2", year: null });
  });
});
