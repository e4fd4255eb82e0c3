import { describe, expect, it } from "vitest";
import { ApiError } from "@proxima/frontend-core/http";
import { TERMS_CHANGED, changedTerms } from "./sharingTerms";

describe("a share refused because the terms changed", () => {
  const terms = {
    tenantSlug: "sakura",
    tenantName: "さくら",
    sharedItems: ["PROFILE"],
    purpose: "新しい利用目的",
    version: "q3Xb9Lk0aZ1c",
  };

  it("gives the current terms the problem carries, to be shown and asked about again", () => {
    expect(changedTerms(new ApiError(409, "Conflict", "changed", TERMS_CHANGED, [], { terms }))).toEqual(terms);
  });

  it("is nothing for any other failure", () => {
    expect(changedTerms(new ApiError(409, "Conflict", "taken", "urn:proxima:problem:conflict", [], { terms }))).toBeNull();
    expect(changedTerms(new ApiError(409, "Conflict", "changed", TERMS_CHANGED))).toBeNull();
    expect(changedTerms(new ApiError(404, "Not Found", "no tenant"))).toBeNull();
    expect(changedTerms(new Error("offline"))).toBeNull();
  });
});
