import { describe, expect, it } from "vitest";
import { ApiError } from "../../api";
import type { BoardEntry } from "../../types";
import type { Profile } from "../apiTypes";
import { chainText, periodText, skillSheetFileName, staffFreelancer } from "./freelancerProfile";

const entry: BoardEntry = {
  freelancerId: "f-1",
  displayName: "デモ 太郎",
  skills: [],
  availability: null,
};
const notFound = new ApiError(404, "Not Found", "no freelancer f-1 shares a profile with this tenant");
const rejected = (reason: unknown): PromiseSettledResult<Profile> => ({ status: "rejected", reason });

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

  it("shows the profile when there is one, with or without a board entry", () => {
    const profile = { name: "山田 太郎" } as Profile;
    expect(staffFreelancer({ status: "fulfilled", value: profile }, entry)).toEqual({ profile, entry });
    expect(staffFreelancer({ status: "fulfilled", value: profile }, null)).toEqual({ profile, entry: null });
  });

  it("reads a profile's 404 beside a board entry as a sharer who has not filled in a profile", () => {
    expect(staffFreelancer(rejected(notFound), entry)).toEqual({ profile: null, entry });
  });

  it("keeps a 404 without a board entry an error: a stranger looks like an unknown id", () => {
    expect(() => staffFreelancer(rejected(notFound), null)).toThrow(notFound);
  });

  it("keeps any other failure of the profile an error, board entry or not", () => {
    const forbidden = new ApiError(403, "Forbidden", "staff only");
    const down = new ApiError(503, "Service Unavailable", "later");
    const network = new TypeError("Failed to fetch");
    expect(() => staffFreelancer(rejected(forbidden), entry)).toThrow(forbidden);
    expect(() => staffFreelancer(rejected(down), entry)).toThrow(down);
    expect(() => staffFreelancer(rejected(network), entry)).toThrow(network);
  });
});
