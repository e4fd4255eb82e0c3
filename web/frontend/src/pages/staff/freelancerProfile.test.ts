import { describe, expect, it } from "vitest";
import { boardEntryOf, periodText, skillSheetFileName } from "./freelancerProfile";

describe("freelancerProfile", () => {
  it("words a period in each language, open-ended as current", () => {
    expect(periodText("ja", { from: "2023-08" })).toBe("2023年8月 〜 現在");
    expect(periodText("en", { from: "2023-08", to: "2025-03" })).toBe("Aug 2023 – Mar 2025");
    expect(periodText("ja", null)).toBe("");
  });

  it("finds the freelancer's board entry or nothing", () => {
    const board = [{ freelancerId: "a" }, { freelancerId: "b", displayName: "山田 太郎" }];
    expect(boardEntryOf(board, "b")?.displayName).toBe("山田 太郎");
    expect(boardEntryOf(board, "c")).toBeNull();
  });

  it("names the PDF after the person without path or control characters", () => {
    expect(skillSheetFileName("山田 太郎")).toBe("skill-sheet-山田 太郎.pdf");
    expect(skillSheetFileName("../a/b\u0000")).toBe("skill-sheet-..ab.pdf");
    expect(skillSheetFileName(null)).toBe("skill-sheet.pdf");
  });
});
