import { describe, expect, it } from "vitest";
import type { AllowanceView } from "../apiTypes";
import { checkScout, quotaLevel, quotaText } from "./scouts";

const allowance: AllowanceView = { month: "2026-12-01", limit: 20, used: 17, remaining: 3, renewsOn: "2027-01-01" };

describe("scout quota", () => {
  it("says what is left and when it renews", () => {
    expect(quotaText("ja", allowance)).toMatch(/^今月の残り 3 \/ 20 件（2027.*に更新）$/);
    expect(quotaText("en", allowance)).toMatch(/^3 of 20 scouts left this month \(renews .*2027\)$/);
    const spent = { ...allowance, used: 20, remaining: 0 };
    expect(quotaText("ja", spent)).toContain("すべて使いました");
    expect(quotaText("en", spent)).toContain("All 20 scouts");
  });

  it("grades the allowance", () => {
    expect(quotaLevel(allowance)).toBe("ok");
    expect(quotaLevel({ ...allowance, remaining: 2 })).toBe("low");
    expect(quotaLevel({ ...allowance, remaining: 0 })).toBe("spent");
  });

  it("checks a scout before sending", () => {
    expect(checkScout("f1", "ぜひご相談させてください", allowance)).toEqual({});
    expect(checkScout("", " ", allowance)).toEqual({ freelancerId: "freelancerRequired", message: "messageRequired" });
    expect(checkScout("f1", "あ".repeat(4001), null)).toEqual({ message: "messageTooLong" });
    expect(checkScout("f1", "hi", { ...allowance, remaining: 0 })).toEqual({ form: "quotaSpent" });
  });
});
