import { describe, expect, it } from "vitest";
import { auditQuery, filtersFromSearch, nextDay, NO_FILTERS, reversed } from "./auditFilters";

describe("audit filters", () => {
  it("makes the last day picked inclusive against the API's exclusive end", () => {
    expect(auditQuery({ ...NO_FILTERS, from: "2026-11-01", to: "2026-11-30" })).toEqual({
      from: "2026-11-01",
      to: "2026-12-01",
    });
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });

  it("leaves empty filters out and trims the rest", () => {
    expect(auditQuery({ ...NO_FILTERS, tenant: "platform", action: " tenant. " })).toEqual({
      tenant: "platform",
      action: "tenant.",
    });
  });

  it("passes a malformed date on for the server to refuse", () => {
    expect(auditQuery({ ...NO_FILTERS, to: "soon" }).to).toBe("soon");
  });

  it("reads the filters a link carries", () => {
    expect(filtersFromSearch("?tenant=abc&action=profile.&x=1")).toEqual({
      ...NO_FILTERS,
      tenant: "abc",
      action: "profile.",
    });
  });

  it("notices an end before the start", () => {
    expect(reversed({ ...NO_FILTERS, from: "2026-11-02", to: "2026-11-01" })).toBe(true);
    expect(reversed({ ...NO_FILTERS, from: "2026-11-01", to: "2026-11-01" })).toBe(false);
  });
});
