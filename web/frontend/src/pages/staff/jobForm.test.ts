import { describe, expect, it } from "vitest";
import { checkJob, draftOfJob, EMPTY_JOB, jobActions, parseSkills, type JobDraft } from "./jobForm";

const valid: JobDraft = {
  ...EMPTY_JOB,
  title: "決済基盤のバックエンド開発",
  description: "Java / Spring Boot による決済 API の開発",
  requiredSkills: "Java 3\nSpring Boot",
  preferredSkills: "AWS, java",
  rateMinManYen: "60",
  rateMaxManYen: "80",
  workStyle: "HYBRID",
  location: "東京都港区",
  prefecture: "東京都",
  station: "田町",
  durationMonths: "6",
  paymentTermsDays: "30",
};

describe("job form", () => {
  it("builds the body the API takes, in yen, without a preferred skill that is required", () => {
    const { keys, details } = checkJob(valid);
    expect(keys).toEqual({});
    expect(details).toMatchObject({
      title: "決済基盤のバックエンド開発",
      requiredSkills: [{ skill: "Java", years: 3 }, { skill: "Spring Boot" }],
      preferredSkills: [{ skill: "AWS" }],
      rateMinYen: 600_000,
      rateMaxYen: 800_000,
      daysMin: 5,
      daysMax: 5,
      workStyle: "HYBRID",
      location: "東京都港区",
      prefecture: "東京都",
      station: "田町",
      durationMonths: 6,
      paymentTermsDays: 30,
      culture: null,
      startDate: null,
    });
    expect(details).not.toHaveProperty("workspaceId");
  });

  it("mirrors the server's rules", () => {
    const check = (patch: Partial<JobDraft>) => checkJob({ ...valid, ...patch }).keys;
    expect(check({ title: " " })).toEqual({ title: "required" });
    expect(check({ title: "あ".repeat(201) })).toEqual({ title: "tooLong" });
    expect(check({ rateMinManYen: "90" })).toEqual({ rateMinYen: "rateOrder" });
    expect(check({ rateMaxManYen: "2000" })).toEqual({ rateMaxYen: "rateRange" });
    expect(check({ rateMinManYen: "abc" })).toEqual({ rateMinYen: "notNumber" });
    expect(check({ settlementMinHours: "200" })).toEqual({ settlementMinHours: "hoursOrder" });
    expect(check({ daysMin: "6", daysMax: "3" })).toEqual({ daysMin: "daysOrder" });
    expect(check({ daysMax: "8" })).toEqual({ daysMax: "daysRange" });
    expect(check({ location: "" })).toEqual({ location: "locationNeeded" });
    expect(check({ station: "駅".repeat(51) })).toEqual({ station: "tooLong" });
    expect(check({ workStyle: "REMOTE", location: "" })).toEqual({});
    expect(check({ durationMonths: "121" })).toEqual({ durationMonths: "durationRange" });
    expect(check({ paymentTermsDays: "-1" })).toEqual({ paymentTermsDays: "paymentRange" });
    expect(check({ requiredSkills: "Java 41" })).toEqual({ requiredSkills: "skillYears" });
    expect(
      check({ requiredSkills: Array.from({ length: 31 }, (_, i) => `skill${i}`).join("\n") }),
    ).toEqual({ requiredSkills: "skillCount" });
  });

  it("reads skills with or without years", () => {
    expect(parseSkills("Go 2年\nTypeScript 1.5\n\nKubernetes")).toEqual([
      { skill: "Go", years: 2 },
      { skill: "TypeScript", years: 1.5 },
      { skill: "Kubernetes" },
    ]);
  });

  it("round-trips a saved job", () => {
    const details = checkJob(valid).details!;
    expect(checkJob(draftOfJob(details)).details).toEqual(details);
  });

  it("offers only the moves a job's state allows", () => {
    expect(jobActions("DRAFT")).toEqual({ edit: true, publish: true, close: false, delete: true });
    expect(jobActions("OPEN")).toEqual({ edit: true, publish: false, close: true, delete: false });
    expect(jobActions("CLOSED")).toEqual({ edit: false, publish: false, close: false, delete: false });
  });
});
