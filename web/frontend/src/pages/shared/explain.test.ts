import { describe, expect, it } from "vitest";
import type { ExplanationView } from "../apiTypes";
import { availabilityLine, daysLine, explain, rateLine, skillLine, summary } from "./explain";

const explanation: ExplanationView = {
  skills: {
    matched: [
      { skill: "Java", required: true, years: 8, minYears: 3, meetsYears: true, evidence: "LISTED" },
      { skill: "Kotlin", required: true, years: 1, minYears: 2, meetsYears: false, evidence: "LISTED" },
      { skill: "AWS", required: false, meetsYears: true, via: "AWS Lambda", evidence: "IMPLIED" },
    ],
    missingRequired: ["Go"],
    missingPreferred: ["Terraform"],
  },
  rate: { verdict: "ABOVE", byYen: 50_000, text: "above the range by ¥50,000" },
  days: { verdict: "FEWER", byDays: 1, text: "1 day(s) a week fewer than asked" },
  workStyle: { job: "HYBRID", candidate: "REMOTE", reachesOffice: false, fits: false },
  availability: {
    status: "AVAILABLE_FROM",
    availableFrom: "2027-02-01",
    daysLate: 31,
    text: "available from 2027-02-01, 31 days after the start",
    source: "LIVE",
    online: true,
  },
};

describe("match explanations", () => {
  it("words each matched skill with years, what the job asks and the evidence", () => {
    const [java, kotlin, aws] = explain("ja", explanation).matched;
    expect(java).toEqual({ text: "Java 8年（必須・3年以上）", tone: "good" });
    expect(kotlin.tone).toBe("warn");
    expect(aws.text).toBe("AWS（AWS Lambda から推定）");
    expect(skillLine("en", explanation.skills.matched[0]).text).toBe("Java 8 yrs (required, 3 yrs+ asked)");
  });

  it("words rate, days and availability in either language with a tone", () => {
    expect(rateLine("ja", explanation.rate)).toEqual({ text: "予算の上限を 5万円 超過", tone: "bad" });
    expect(rateLine("en", { verdict: "WITHIN", byYen: 0, text: "" }).tone).toBe("good");
    expect(daysLine("en", explanation.days)).toEqual({ text: "1 day(s) a week short", tone: "bad" });
    const late = availabilityLine("ja", explanation.availability);
    expect(late.tone).toBe("warn");
    expect(late.text).toContain("31日遅れ");
    expect(late.text).toContain("オンライン");
    const stored = availabilityLine("en", { ...explanation.availability, status: "AVAILABLE_NOW", source: "STORED", online: null });
    expect(stored.text).toBe("available now (as last saved)");
  });

  it("sums it up in one line", () => {
    expect(summary("ja", explanation)).toMatch(/^必須スキル 2\/3 ・ 予算の上限を 5万円 超過 ・ /);
    expect(explain("en", explanation).workStyle).toEqual({
      text: "job: hybrid, wants: remote (office outside their area)",
      tone: "bad",
    });
  });
});
