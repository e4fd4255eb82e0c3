import { describe, expect, it } from "vitest";
import { searchText, withSharing } from "./agencySearch";

describe("agencySearch", () => {
  it("searches for what was typed, full-width folded, and nothing for blanks", () => {
    expect(searchText("  さくら ")).toBe("さくら");
    expect(searchText("ＡＢＣ１")).toBe("ABC1");
    expect(searchText("   ")).toBeNull();
    expect(searchText("x".repeat(300))).toHaveLength(100);
  });

  it("marks the agencies already shared with, not those revoked", () => {
    const listed = withSharing(
      [{ slug: "a" }, { slug: "b" }, { slug: "c" }],
      [
        { tenantSlug: "a", active: true },
        { tenantSlug: "b", active: false },
      ],
    );
    expect(listed.map((agency) => agency.shared)).toEqual([true, false, false]);
  });
});
