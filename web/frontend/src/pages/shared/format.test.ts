import { describe, expect, it } from "vitest";
import { acquiredOf, acquiredText, integerOf, listOf, manYen, manYenOfYen, percent, rateRange, yenOfManYen } from "./format";

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

  it("reads a certification date as a month or a year alone, never inventing a month", () => {
    const now = new Date(2026, 11, 7);
    expect(acquiredOf("2022-04", now)).toEqual({ value: "2022-04", error: null });
    expect(acquiredOf(" 2022/4 ", now)).toEqual({ value: "2022-04", error: null });
    expect(acquiredOf("２０２２年４月", now)).toEqual({ value: "2022-04", error: null });
    expect(acquiredOf("2022", now)).toEqual({ value: "2022", error: null });
    expect(acquiredOf("2022年", now)).toEqual({ value: "2022", error: null });
    expect(acquiredOf("", now)).toEqual({ value: null, error: null });
    expect(acquiredOf("2022-13", now)).toEqual({ value: null, error: "acquiredFormat" });
    expect(acquiredOf("22", now)).toEqual({ value: null, error: "acquiredFormat" });
    expect(acquiredOf("令和4年", now)).toEqual({ value: null, error: "acquiredFormat" });
    expect(acquiredOf("2022-04-01", now)).toEqual({ value: null, error: "acquiredFormat" });
    expect(acquiredOf("1949", now)).toEqual({ value: null, error: "acquiredRange" });
    expect(acquiredOf("2027", now)).toEqual({ value: "2027", error: null });
    expect(acquiredOf("2028-01", now)).toEqual({ value: null, error: "acquiredRange" });
  });

  it("writes a year alone as 2022年 and a month as before", () => {
    expect(acquiredText("ja", "2022")).toBe("2022年");
    expect(acquiredText("en", "2022")).toBe("2022");
    expect(acquiredText("ja", "2022-04")).toBe("2022年4月");
    expect(acquiredText("en", "2022-04")).toBe("Apr 2022");
  });
});
