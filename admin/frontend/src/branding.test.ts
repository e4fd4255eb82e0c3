import { describe, expect, it } from "vitest";
import { colour, contrast, textOn } from "./branding";

describe("branding", () => {
  it("keeps a valid colour and replaces anything else", () => {
    expect(colour("#C2185B", "#000000")).toBe("#c2185b");
    expect(colour("red; background:url(x)", "#000000")).toBe("#000000");
    expect(colour(null, "#123456")).toBe("#123456");
  });

  it("measures contrast as WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 0);
    expect(contrast("#ffffff", "#ffffff")).toBeCloseTo(1);
    // The platform's blue passes for text on white; a pale yellow does not.
    expect(contrast("#1f4fd1", "#ffffff")).toBeGreaterThan(4.5);
    expect(contrast("#ffe066", "#ffffff")).toBeLessThan(3);
  });

  it("picks readable text for light and dark colours", () => {
    expect(textOn("#ffb300")).toBe("#111111");
    expect(textOn("#1f4fd1")).toBe("#ffffff");
  });
});
