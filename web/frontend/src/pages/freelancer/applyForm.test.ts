import { describe, expect, it } from "vitest";
import { canWithdraw, checkAnswer, checkApplication } from "./applyForm";

describe("applying", () => {
  it("sends only what was written, the rate in yen", () => {
    expect(checkApplication(" Rust 5年です ", "80").body).toEqual({ coverNote: "Rust 5年です", proposedRateYen: 800_000 });
    expect(checkApplication("", "").body).toEqual({});
  });

  it("refuses what the server refuses", () => {
    expect(checkApplication("あ".repeat(4001), "").errors).toEqual({ coverNote: "tooLong" });
    expect(checkApplication("", "0.5").errors).toEqual({ proposedRateYen: "rateRange" });
    expect(checkApplication("", "1001").errors).toEqual({ proposedRateYen: "rateRange" });
    expect(checkApplication("", "x").errors).toEqual({ proposedRateYen: "notNumber" });
    expect(checkAnswer("a".repeat(1001))).toBe("tooLong");
    expect(checkAnswer("")).toBeNull();
  });

  it("withdraws only an open application", () => {
    expect(canWithdraw("INTERVIEW")).toBe(true);
    expect(canWithdraw("CONTRACTED")).toBe(false);
    expect(canWithdraw("WITHDRAWN")).toBe(false);
  });
});
