import { describe, expect, it } from "vitest";
import { chainText, periodText, skillSheetFileName } from "./freelancerProfile";

describe("freelancerProfile", () => {
  it("words a period in each language, open-ended as current", () => {
    expect(periodText("ja", { from: "2023-08" })).toBe("2023年8月 〜 現在");
    expect(periodText("en", { from: "2023-08", to: "2025-03" })).toBe("Aug 2023 – Mar 2025");
    expect(periodText("ja", null)).toBe("");
  });

  it("words the 商流 from the freelancer's side to the end client, nothing when direct", () => {
    expect(chainText(["株式会社テックパートナーズ", "株式会社大手SI"], "株式会社メガバンク")).toBe(
      "株式会社テックパートナーズ → 株式会社大手SI → 株式会社メガバンク",
    );
    expect(chainText(["A社"], null)).toBe("A社");
    expect(chainText([], "株式会社メガバンク")).toBe("");
    expect(chainText(undefined, "株式会社メガバンク")).toBe("");
  });

  it("names the PDF after the person without path or control characters", () => {
    expect(skillSheetFileName("山田 太郎")).toBe("skill-sheet-山田 太郎.pdf");
    expect(skillSheetFileName("../a/b\u0000")).toBe("skill-sheet-..ab.pdf");
    expect(skillSheetFileName(null)).toBe("skill-sheet.pdf");
  });
});
