import { describe, expect, it } from "vitest";
import { integerOf, listOf, manYen, manYenOfYen, percent, rateRange, yenOfManYen } from "./format";

describe("format", () => {
  it("quotes monthly yen in 万円 or k JPY", () => {
    expect(manYen("ja", 650_000)).toBe("65万円");
    expect(manYen("ja", 655_000)).toBe("65.5万円");
    expect(manYen("en", 650_000)).toBe("650k JPY");
  });

  it("writes ranges open at either end", () => {
    expect(rateRange("ja", 600_000, 800_000)).toBe("60–80万円");
    expect(rateRange("en", 600_000, 800_000)).toBe("600k–800k JPY");
    expect(rateRange("ja", 600_000, null)).toBe("60万円〜");
    expect(rateRange("en", null, 800_000)).toBe("up to 800k JPY");
    expect(rateRange("ja", null, null)).toBe("");
    expect(rateRange("ja", 700_000, 700_000)).toBe("70万円");
  });

  it("reads 万円 and whole numbers from forms", () => {
    expect(yenOfManYen("65.5")).toBe(655_000);
    expect(yenOfManYen(" ")).toBeNull();
    expect(yenOfManYen("abc")).toBeNaN();
    expect(manYenOfYen(655_000)).toBe("65.5");
    expect(integerOf("12")).toBe(12);
    expect(integerOf("1.5")).toBeNaN();
  });

  it("splits lists on Japanese and Latin commas", () => {
    expect(listOf("Java, Go、 AWS\n")).toEqual(["Java", "Go", "AWS"]);
    expect(percent(0.8234)).toBe("82%");
  });
});
