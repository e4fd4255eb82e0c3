import { describe, expect, it } from "vitest";
import { ApiError } from "./api";
import {
  EMPTY_FORM,
  hostList,
  isSafeLogoUrl,
  newTenantBody,
  problemFields,
  validateNewTenant,
  type TenantForm,
} from "./tenantForm";

const GOOD: TenantForm = {
  ...EMPTY_FORM,
  slug: "sakura-agent",
  displayName: "さくらエージェント",
  primaryColor: "#C2185B",
  adminEmail: "admin@sakura.example.jp",
  adminFirstName: "花子",
  adminLastName: "佐藤",
};

describe("the new tenant form", () => {
  it("accepts a complete tenant", () => {
    expect(validateNewTenant(GOOD)).toEqual({});
  });

  it("says which fields are missing", () => {
    expect(validateNewTenant(EMPTY_FORM)).toEqual({
      slug: "required",
      displayName: "required",
      adminEmail: "required",
      adminFirstName: "required",
      adminLastName: "required",
    });
  });

  it("holds slugs to the server's form", () => {
    for (const slug of ["ab", "-abc", "abc-", "a--b", "ABC", "さくら", "a".repeat(41), "a_b"]) {
      expect(validateNewTenant({ ...GOOD, slug }).slug, slug).toBe("slugForm");
    }
    expect(validateNewTenant({ ...GOOD, slug: "admin" }).slug).toBe("slugReserved");
    expect(validateNewTenant({ ...GOOD, slug: "a1b" }).slug).toBeUndefined();
  });

  it("refuses colours, logos, hosts and emails the server would refuse", () => {
    const errors = validateNewTenant({
      ...GOOD,
      primaryColor: "red",
      accentColor: "#12345",
      logoUrl: "javascript:alert(1)",
      hostNames: "portal.example.jp, bad_host!",
      adminEmail: "not-an-email",
    });
    expect(errors).toEqual({
      primaryColor: "colourForm",
      accentColor: "colourForm",
      logoUrl: "logoForm",
      hostNames: "hostForm",
      adminEmail: "emailForm",
    });
    const many = Array.from({ length: 11 }, (_, i) => `h${i}.example.jp`).join("\n");
    expect(validateNewTenant({ ...GOOD, hostNames: many }).hostNames).toBe("tooManyHosts");
  });

  it("allows https logos and plain http only on this machine", () => {
    expect(isSafeLogoUrl("https://cdn.example.jp/logo.svg")).toBe(true);
    expect(isSafeLogoUrl("http://localhost:8080/logo.png")).toBe(true);
    expect(isSafeLogoUrl("http://example.jp/logo.png")).toBe(false);
    expect(isSafeLogoUrl("https://user:pw@example.jp/logo.png")).toBe(false);
    expect(isSafeLogoUrl("data:image/svg+xml,<svg/>")).toBe(false);
  });

  it("sends trimmed values and leaves empty options to the server's defaults", () => {
    const body = newTenantBody({ ...GOOD, slug: " sakura-agent ", hostNames: "A.example.jp\na.example.jp" });
    expect(body.slug).toBe("sakura-agent");
    expect(body.branding).toEqual({
      displayName: "さくらエージェント",
      logoUrl: null,
      primaryColor: "#C2185B",
      accentColor: null,
      hostNames: ["a.example.jp"],
    });
    expect(body.firstAdmin).toEqual({ email: "admin@sakura.example.jp", firstName: "花子", lastName: "佐藤" });
  });

  it("splits host names on lines and commas", () => {
    expect(hostList(" a.jp,b.jp\n\n c.jp ")).toEqual(["a.jp", "b.jp", "c.jp"]);
  });
});

describe("problems from the server", () => {
  it("puts each violation at its field", () => {
    const error = new ApiError(400, "Bad Request", "The request has invalid values.", "urn:proxima:problem:validation", [
      { field: "branding.displayName", message: "must not be blank" },
      { field: "firstAdmin.email", message: "must be a well-formed email address" },
      { field: "somethingElse", message: "odd" },
    ]);
    expect(problemFields(error)).toEqual({
      fields: { displayName: "must not be blank", adminEmail: "must be a well-formed email address" },
      general: "somethingElse: odd",
    });
  });

  it("puts a domain refusal at the field its sentence names", () => {
    expect(problemFields(new ApiError(409, "Conflict", "the slug sakura is taken")).fields).toEqual({
      slug: "the slug sakura is taken",
    });
    expect(problemFields(new ApiError(400, "Bad Request", "accent colour must be #rrggbb")).fields).toEqual({
      accentColor: "accent colour must be #rrggbb",
    });
    expect(problemFields(new ApiError(400, "Bad Request", "logo must be an https URL")).fields).toEqual({
      logoUrl: "logo must be an https URL",
    });
  });

  it("keeps anything else for the whole form", () => {
    expect(problemFields(new ApiError(502, "Bad Gateway", "Keycloak did not answer"))).toEqual({
      fields: {},
      general: "Keycloak did not answer",
    });
    expect(problemFields(new ApiError(403, "Forbidden", "")).general).toBe("Forbidden");
  });
});
