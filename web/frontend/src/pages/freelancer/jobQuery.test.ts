import { describe, expect, it } from "vitest";
import { activeFilterCount, EMPTY_FILTERS, facetCount, filtersQuery, parseFilters, toggle } from "./jobQuery";

describe("the job search in the URL", () => {
  it("reads every filter and writes it back in one order", () => {
    const search =
      "?sort=RATE&workStyle=REMOTE,HYBRID&q=golang&rateAtLeast=700000&prefecture=%E6%9D%B1%E4%BA%AC%E9%83%BD" +
      "&station=%E6%B8%8B%E8%B0%B7&contractType=QUASI_MANDATE&settlementMinAtLeast=140&settlementMaxAtMost=180" +
      "&paymentTermsAtMost=30&startBy=2027-02-01&culture=STARTUP&days=3&skill=Go&skill=AWS";
    const filters = parseFilters(search);
    expect(filters.q).toBe("golang");
    expect(filters.workStyle).toEqual(["REMOTE", "HYBRID"]);
    expect(filters.skill).toEqual(["Go", "AWS"]);
    expect(filters.rateAtLeast).toBe(700000);
    expect(filters.prefecture).toEqual(["東京都"]);
    expect(filters.station).toBe("渋谷");
    expect(filters.days).toBe(3);
    expect(filters.sort).toBe("RATE");
    expect(filtersQuery(filters)).toBe(
      "q=golang&skill=Go%2CAWS&rateAtLeast=700000&days=3&workStyle=REMOTE%2CHYBRID&prefecture=%E6%9D%B1%E4%BA%AC%E9%83%BD" +
        "&station=%E6%B8%8B%E8%B0%B7&contractType=QUASI_MANDATE&settlementMinAtLeast=140&settlementMaxAtMost=180" +
        "&paymentTermsAtMost=30&startBy=2027-02-01&culture=STARTUP&sort=RATE",
    );
    expect(parseFilters(filtersQuery(filters))).toEqual(filters);
  });

  it("leaves out what is not set and ignores what it cannot read", () => {
    expect(filtersQuery(EMPTY_FILTERS)).toBe("");
    const filters = parseFilters("rateAtLeast=lots&sort=MOON&days=&q=%20");
    expect(filters).toEqual(EMPTY_FILTERS);
  });

  it("ticks and unticks checkbox values", () => {
    const one = toggle(EMPTY_FILTERS, "workStyle", "REMOTE");
    expect(one.workStyle).toEqual(["REMOTE"]);
    expect(toggle(one, "workStyle", "REMOTE").workStyle).toEqual([]);
    expect(activeFilterCount({ ...one, q: "java", sort: "RATE", station: "渋谷" })).toBe(2);
  });

  it("reads a facet's count of a value", () => {
    const facets = { workStyle: [{ value: "REMOTE", count: 12 }] };
    expect(facetCount(facets, "workStyle", "REMOTE")).toBe(12);
    expect(facetCount(facets, "workStyle", "HYBRID")).toBe(0);
    expect(facetCount(null, "culture", "SIER")).toBe(0);
  });
});
