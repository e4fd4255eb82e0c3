import { describe, expect, it } from "vitest";
import type { JobDetails } from "../apiTypes";
import {
  draftTerms,
  endingReminder,
  endOfMonth,
  filterContracts,
  formOf,
  paymentDueFor,
  paymentSite,
  reportMonths,
  termsOf,
  timeline,
  tokyoToday,
  workDaysFromForm,
  workDaysOf,
} from "./contracts";
import type { ContractDossier, ContractView, Terms } from "./contractTypes";

const TERMS: Terms = {
  title: "決済基盤 API 開発支援",
  clientName: "株式会社サンプル商事",
  freelancerName: "佐藤 花子",
  contractType: "QUASI_MANDATE",
  monthlyRateYen: 600000,
  minHours: 140,
  maxHours: 180,
  paymentDays: 30,
  startDate: "2026-12-01",
  endDate: "2027-02-28",
  renewalMonths: 3,
};

function contract(overrides: Partial<ContractView> = {}, terms: Partial<Terms> = {}): ContractView {
  return {
    id: "c1",
    freelancerId: "hana",
    kind: "MAIN",
    status: "ACTIVE",
    terms: { ...TERMS, ...terms },
    signatures: [],
    createdAt: "2026-11-20T00:00:00Z",
    updatedAt: "2026-11-20T00:00:00Z",
    version: 1,
    ...overrides,
  };
}

const JOB: JobDetails = {
  title: "決済基盤 Java エンジニア",
  description: "決済基盤の開発",
  requiredSkills: [],
  preferredSkills: [],
  rateMinYen: 600000,
  rateMaxYen: 800000,
  rateTaxIncluded: false,
  settlementMinHours: 150,
  settlementMaxHours: 190,
  daysMin: 5,
  daysMax: 5,
  workStyle: "REMOTE",
  contractType: "QUASI_MANDATE",
  trialAvailable: true,
  paymentTermsDays: 45,
  durationMonths: 6,
};

describe("reminders before the end date", () => {
  it("remind an active contract within 30 days of its last day, and say whether it renews", () => {
    expect(endingReminder(contract(), "2027-01-29")).toEqual({ daysLeft: 30, renews: true });
    expect(endingReminder(contract(), "2027-01-28")).toBeNull();
    expect(endingReminder(contract({ kind: "TRIAL" }, { renewalMonths: 0 }), "2027-02-28")).toEqual({
      daysLeft: 0,
      renews: false,
    });
    expect(endingReminder(contract({ status: "DRAFT" }), "2027-02-20")).toBeNull();
  });

  it("filter the list by status or by ending soon", () => {
    const list = [contract({ id: "a" }), contract({ id: "b", status: "DRAFT" }), contract({ id: "c" }, { endDate: "2027-12-31" })];
    expect(filterContracts(list, "", "2027-02-10").map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(filterContracts(list, "ENDING_SOON", "2027-02-10").map((c) => c.id)).toEqual(["a"]);
    expect(filterContracts(list, "DRAFT", "2027-02-10").map((c) => c.id)).toEqual(["b"]);
  });
});

describe("payment", () => {
  it("words the payment terms as the market says them", () => {
    expect(paymentSite("ja", 30)).toBe("月末締め・締め日から30日以内に支払い（月末締め翌月末払い相当）");
    expect(paymentSite("ja", 45)).toContain("翌々月15日払い");
    expect(paymentSite("en", 60)).toBe("Closed at month end, paid within 60 days of the close");
  });

  it("dates a month's payment from its last day, as the server's due date does", () => {
    expect(paymentDueFor("2026-12", 30)).toBe("2027-01-30");
    expect(paymentDueFor("2027-02", 60)).toBe("2027-04-29");
  });
});

describe("months and days of the time report", () => {
  it("offers the contract's months up to now, newest first", () => {
    expect(reportMonths(TERMS, "2027-01-15")).toEqual(["2027-01", "2026-12"]);
    expect(reportMonths(TERMS, "2027-08-01")).toEqual(["2027-02", "2027-01", "2026-12"]);
    expect(reportMonths(TERMS, "2026-11-30")).toEqual([]);
  });

  it("lists the month's days inside the period", () => {
    expect(workDaysOf("2026-12", { startDate: "2026-12-29", endDate: "2027-01-31" })).toEqual([
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
    ]);
    expect(workDaysOf("2027-02", TERMS)).toHaveLength(28);
    expect(workDaysOf("", TERMS)).toEqual([]);
  });

  it("reads the hours per day, leaving blank days out and naming a bad one", () => {
    expect(workDaysFromForm({ "2026-12-02": "7.5", "2026-12-01": "8", "2026-12-03": " " })).toEqual([
      { date: "2026-12-01", hours: 8 },
      { date: "2026-12-02", hours: 7.5 },
    ]);
    expect(workDaysFromForm({ "2026-12-01": "25" })).toBe("2026-12-01");
    expect(workDaysFromForm({ "2026-12-01": "-1" })).toBe("2026-12-01");
  });
});

describe("terms", () => {
  it("prefill a trial from the job and the rate the freelancer asked", () => {
    const form = draftTerms("TRIAL", JOB, { clientName: "さくらテック", freelancerName: "佐藤 花子" }, 700000, "2026-12-06");
    expect(form).toMatchObject({
      title: "決済基盤 Java エンジニア",
      monthlyRateYen: "700000",
      minHours: "150",
      maxHours: "190",
      paymentDays: "45",
      startDate: "2027-01-01",
      endDate: "2027-01-31",
      renewalMonths: "0",
    });
    const main = draftTerms("MAIN", { ...JOB, startDate: "2027-02-01" }, { clientName: "", freelancerName: "" }, null, "2026-12-06");
    expect(main).toMatchObject({ monthlyRateYen: "800000", startDate: "2027-02-01", endDate: "2027-07-31", renewalMonths: "3" });
    expect(draftTerms("MAIN", null, { clientName: "", freelancerName: "" }, null, "2026-12-06")).toMatchObject({
      minHours: "140",
      maxHours: "180",
      paymentDays: "30",
      endDate: "2027-03-31",
    });
  });

  it("turn the form into the API's terms, or say which field is wrong", () => {
    const form = draftTerms("TRIAL", JOB, { clientName: "さくらテック", freelancerName: "佐藤 花子" }, null, "2026-12-06");
    const ok = termsOf(form);
    expect("terms" in ok && ok.terms).toMatchObject({ monthlyRateYen: 800000, minHours: 150, renewalMonths: 0, unitRounding: 10 });
    const bad = termsOf({ ...form, monthlyRateYen: "80万", minHours: "200", freelancerName: " ", endDate: "2027-06-30" });
    expect("errors" in bad && bad.errors).toEqual({ monthlyRateYen: "number", maxHours: "order", freelancerName: "required", endDate: "trial" });
  });

  it("carries a trial's terms into the main contract that follows it", () => {
    const form = formOf("MAIN", { ...TERMS, renewalMonths: 0 }, "2027-03-01");
    expect(form).toMatchObject({ kind: "MAIN", startDate: "2027-03-01", endDate: "2027-05-31", renewalMonths: "3", monthlyRateYen: "600000" });
    expect(formOf("MAIN", { ...TERMS, renewalMonths: 0 })).toMatchObject({ startDate: "2026-12-01", endDate: "2027-02-28", renewalMonths: "0" });
    expect(endOfMonth("2027-01-15", 1)).toBe("2027-02-28");
  });
});

describe("timeline", () => {
  it("tells each move with its side and each signature, in time order", () => {
    const dossier: ContractDossier = {
      contract: contract({
        signatures: [
          { party: "CLIENT", signedBy: "staff", documentSha256: "a", method: "CLICK", signedAt: "2026-11-21T01:00:00Z" },
          { party: "FREELANCER", signedBy: "hana", documentSha256: "a", method: "CLICK", signedAt: "2026-11-22T01:00:00Z" },
        ],
      }),
      history: [
        { from: null, to: "DRAFT", by: "staff", at: "2026-11-20T00:00:00Z" },
        { from: "DRAFT", to: "AWAITING_SIGNATURES", by: "staff", reason: "sent for signature", at: "2026-11-20T02:00:00Z" },
        { from: "AWAITING_SIGNATURES", to: "AWAITING_SIGNATURES", by: "staff", reason: "signed for the client", at: "2026-11-21T01:00:00Z" },
        { from: "AWAITING_SIGNATURES", to: "ACTIVE", by: "hana", at: "2026-11-22T01:00:00Z" },
      ],
      timeReports: [],
    };
    expect(timeline(dossier).map((e) => (e.kind === "step" ? `${e.to}:${e.side}` : `sign:${e.party}`))).toEqual([
      "DRAFT:CLIENT",
      "AWAITING_SIGNATURES:CLIENT",
      "sign:CLIENT",
      "sign:FREELANCER",
      "ACTIVE:FREELANCER",
    ]);
    expect(timeline(dossier).every((e) => e.kind === "signature" || e.reason === null)).toBe(true);
    const cancelled = { ...dossier, history: [...dossier.history, { from: "ACTIVE" as const, to: "TERMINATED" as const, by: "staff", reason: "プロジェクト終了", at: "2026-12-01T00:00:00Z" }] };
    expect(timeline(cancelled).at(-1)).toMatchObject({ to: "TERMINATED", reason: "プロジェクト終了" });
  });

  it("counts days in Tokyo", () => {
    expect(tokyoToday(new Date("2026-12-06T15:30:00Z"))).toBe("2026-12-07");
  });
});
