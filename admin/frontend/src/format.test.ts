import { describe, expect, it } from "vitest";
import { ApiError, query } from "./api";
import { defineMessages, formatCompact, formatCount, formatMonth, formatYen, translate } from "@proxima/frontend-core/i18n";
import { filterTenants } from "./tenantList";
import type { Tenant } from "./types";

describe("formatting", () => {
  it("names months in either language", () => {
    expect(formatMonth("ja", "2026-11")).toBe("2026年11月");
    expect(formatMonth("en", "2026-01")).toBe("Jan 2026");
    expect(formatMonth("en", "garbage")).toBe("garbage");
  });

  it("writes yen and counts the local way", () => {
    expect(formatYen("ja", 941050)).toMatch(/941,050/);
    expect(formatCount("en", 12345)).toBe("12,345");
    expect(formatCompact("ja", 1_200_000)).toBe("120万");
    expect(formatCompact("en", 1_200_000)).toBe("1.2M");
  });

  it("fills placeholders and shows an unknown one rather than nothing", () => {
    const messages = defineMessages({ ja: { hi: "{name}さん" }, en: { hi: "Hi {name}" } });
    expect(translate(messages, "ja", "hi", { name: "森" })).toBe("森さん");
    expect(translate(messages, "en", "hi")).toBe("Hi {name}");
  });

  it("builds query strings from the filled values only", () => {
    expect(query({ from: "2026-01", to: "", tenantId: null, limit: 100 })).toBe("?from=2026-01&limit=100");
    expect(query({})).toBe("");
  });

  it("keeps a problem's violations", () => {
    const error = new ApiError(400, "Bad Request", "bad", undefined, [{ field: "slug", message: "x" }]);
    expect(error.message).toBe("bad");
    expect(error.violations).toHaveLength(1);
  });
});

describe("the tenant list filter", () => {
  const tenant = (slug: string, name: string, status: "ACTIVE" | "SUSPENDED") =>
    ({ id: slug, slug, status, branding: { displayName: name } }) as Tenant;
  const all = [tenant("sakura", "さくらエージェント", "ACTIVE"), tenant("acme", "ＡＣＭＥ株式会社", "SUSPENDED")];

  it("matches name or slug, full-width letters included", () => {
    expect(filterTenants(all, "さくら", "").map((t) => t.slug)).toEqual(["sakura"]);
    expect(filterTenants(all, "acme", "").map((t) => t.slug)).toEqual(["acme"]);
    expect(filterTenants(all, "", "SUSPENDED").map((t) => t.slug)).toEqual(["acme"]);
    expect(filterTenants(all, "sakura", "SUSPENDED")).toEqual([]);
  });
});
