import { describe, expect, it } from "vitest";
import type { Profile } from "../apiTypes";
import { checkProfile, draftOfProfile, EMPTY_SKILL, EMPTY_WORK } from "./profileForm";

const profile: Profile = {
  subject: "f1",
  name: "佐藤 花子",
  title: "バックエンドエンジニア",
  skills: [{ name: "Java", category: "LANGUAGE", years: 8, level: "EXPERT" }],
  workHistory: [
    { company: "大手EC事業者", period: { from: "2023-08" }, role: "SE", teamSize: 6, technologies: ["Java", "PostgreSQL"], description: "決済API" },
  ],
  education: [],
  certifications: [{ name: "応用情報技術者", acquired: "2016-04" }],
  desired: {
    monthlyRateMinYen: 700_000,
    monthlyRateMaxYen: 800_000,
    daysPerWeek: 4,
    workStyle: "REMOTE",
    locations: ["東京都"],
    contractTypes: ["QUASI_MANDATE"],
    paymentTermsDays: [30],
  },
  links: { githubUsername: "hana-sato" },
  version: 3,
};

describe("profile form", () => {
  it("round-trips a saved profile into the PUT body", () => {
    const { errors, body } = checkProfile(draftOfProfile(profile));
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      name: "佐藤 花子",
      skills: profile.skills,
      workHistory: [{ company: "大手EC事業者", period: { from: "2023-08" }, teamSize: 6, technologies: ["Java", "PostgreSQL"] }],
      certifications: profile.certifications,
      desired: { monthlyRateMinYen: 700_000, monthlyRateMaxYen: 800_000, daysPerWeek: 4, paymentTermsDays: [30] },
      links: { githubUsername: "hana-sato", portfolioUrl: null },
    });
  });

  it("keeps a certification dated by year alone, and refuses what is no month or year", () => {
    const saved: Profile = { ...profile, certifications: [{ name: "AWS SAA", acquired: "2022" }, { name: "PMP", acquired: "2021-04" }] };
    const draft = draftOfProfile(saved);
    expect(draft.certifications).toEqual([
      { name: "AWS SAA", acquired: "2022" },
      { name: "PMP", acquired: "2021-04" },
    ]);
    expect(checkProfile(draft).body?.certifications).toEqual(saved.certifications);
    const typed = checkProfile({
      ...draft,
      certifications: [
        { name: "AWS SAA", acquired: "2022年" },
        { name: "PMP", acquired: "2021/4" },
        { name: "CKA", acquired: "そのうち" },
        { name: "LPIC", acquired: "1900" },
        { name: "CKAD", acquired: " " },
      ],
    });
    expect(typed.errors).toEqual({ "certifications.2.acquired": "acquiredFormat", "certifications.3.acquired": "acquiredRange" });
    expect(checkProfile({ ...draft, certifications: [{ name: "AWS SAA", acquired: "2022年" }, { name: "PMP", acquired: "2021/4" }, { name: "CKAD", acquired: "" }] }).body?.certifications).toEqual([
      { name: "AWS SAA", acquired: "2022" },
      { name: "PMP", acquired: "2021-04" },
      { name: "CKAD" },
    ]);
  });

  it("drops blank rows instead of refusing them", () => {
    const draft = { ...draftOfProfile(profile), skills: [EMPTY_SKILL, ...draftOfProfile(profile).skills], workHistory: [EMPTY_WORK] };
    const { errors, body } = checkProfile(draft);
    expect(errors).toEqual({});
    expect(body!.skills).toHaveLength(1);
    expect(body!.workHistory).toEqual([]);
  });

  it("refuses what the server refuses, on the field", () => {
    const draft = draftOfProfile(profile);
    const errors = checkProfile({
      ...draft,
      name: "あ".repeat(101),
      skills: [{ name: "", category: "", years: "3", level: "" }, { name: "Go", category: "", years: "61", level: "" }],
      workHistory: [{ ...EMPTY_WORK, company: "X", teamSize: "0" }, { ...EMPTY_WORK, from: "2024-05", to: "2024-01" }],
      rateMin: "90",
      daysPerWeek: "6",
      paymentTermsDays: "30, 150",
      githubUsername: "-bad-",
      portfolioUrl: "ftp://example.jp",
    }).errors;
    expect(errors).toEqual({
      name: "tooLong",
      "skills.0.name": "required",
      "skills.1.years": "yearsRange",
      "workHistory.0.from": "periodMissing",
      "workHistory.0.teamSize": "teamSize",
      "workHistory.1.to": "periodOrder",
      rateMin: "rateOrder",
      daysPerWeek: "daysRange",
      paymentTermsDays: "paymentRange",
      githubUsername: "github",
      portfolioUrl: "url",
    });
  });

  it("edits the 商流, project and 担当工程 and keeps them through a save", () => {
    const saved: Profile = {
      ...profile,
      workHistory: [
        {
          company: "株式会社テストEC",
          via: ["大手SIer"],
          project: "EC基盤刷新",
          period: { from: "2023-04" },
          role: "PL",
          phases: ["REQUIREMENTS", "BASIC_DESIGN"],
          technologies: ["Java"],
        },
      ],
    };
    const draft = draftOfProfile(saved);
    expect(draft.workHistory[0]).toMatchObject({ via: "大手SIer", project: "EC基盤刷新", phases: ["REQUIREMENTS", "BASIC_DESIGN"] });
    const edited = {
      ...draft,
      workHistory: [{ ...draft.workHistory[0], via: "株式会社A、株式会社B", phases: [...draft.workHistory[0].phases, "OPERATION" as const, "IMPLEMENTATION" as const] }],
    };
    const { errors, body } = checkProfile(edited);
    expect(errors).toEqual({});
    expect(body?.workHistory[0]).toMatchObject({
      via: ["株式会社A", "株式会社B"],
      project: "EC基盤刷新",
      phases: ["REQUIREMENTS", "BASIC_DESIGN", "IMPLEMENTATION", "OPERATION"],
      role: "PL",
    });
  });

  it("refuses a 商流 the server refuses and keeps a row that only has phases ticked", () => {
    const draft = draftOfProfile(profile);
    const { errors } = checkProfile({
      ...draft,
      workHistory: [
        { ...EMPTY_WORK, from: "2024-01", via: "A、B、C、D、E、F", project: "あ".repeat(201) },
        { ...EMPTY_WORK, phases: ["TEST"] },
      ],
    });
    expect(errors).toEqual({ "workHistory.0.via": "tooMany", "workHistory.0.project": "tooLong", "workHistory.1.from": "periodMissing" });
  });
});
