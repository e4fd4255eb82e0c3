import { describe, expect, it } from "vitest";
import { colour, initialIcon, textOn } from "./branding";

describe("branding", () => {
  it("keeps a valid colour and replaces anything else", () => {
    expect(colour("#c2185b", "#000000")).toBe("#c2185b");
    expect(colour("red; background:url(x)", "#000000")).toBe("#000000");
    expect(colour(null, "#123456")).toBe("#123456");
  });

  it("picks readable text for light and dark brand colours", () => {
    expect(textOn("#ffb300")).toBe("#111111");
    expect(textOn("#1f4fd1")).toBe("#ffffff");
  });

  it("draws the initial of the brand, without markup from the name", () => {
    const icon = decodeURIComponent(initialIcon("<Sakura>", "#c2185b"));
    expect(icon).toContain("#c2185b");
    expect(icon).not.toContain("<Sakura");
    expect(decodeURIComponent(initialIcon("さくら", "#c2185b"))).toContain(">さ</text>");
  });
});
