import { describe, expect, it } from "vitest";
import type { Profile } from "../apiTypes";
import { checkReview, countTaken, pathOfProblemField, reviewForm, takeProposed, type ReviewForm } from "./sheetReview";
import type { SheetDraft } from "./skillSheetTypes";

const draft: SheetDraft = {
  name: "佐藤 花子",
  title: "バックエンドエンジニア",
  summary: null,
  skills: [
    { name: "Java", category: "LANGUAGE", years: 5 },
    { name: "PostgreSQL", category: "DATABASE" },
  ],
  workHistory: [
    {
      company: "株式会社テストEC",
      via: ["大手SIer"],
      project: "EC基盤刷新",
      period: { from: "2023-04" },
      role: "SE",
      teamSize: 8,
      phases: ["BASIC_DESIGN", "IMPLEMENTATION"],
      technologies: ["Java", "PostgreSQL"],
      description: "決済APIの設計と実装",
    },
    { period: { from: "2020-01", to: "2021-03" }, technologies: [] },
  ],
  education: [{ school: "東京工業大学", period: { from: "2012-04", to: "2016-03" } }, { school: "専門学校" }],
  certifications: [{ name: "応用情報技術者", acquired: "2015-10" }, { name: "TOEIC 800" }, { name: "AWS SAA", acquired: "2022" }],
  notes: [],
  proposedSkills: ["Terragrunt"],
};

const profile = { name: "佐藤 花子", title: null, summary: null, version: 3 } as unknown as Profile;

describe("a skill-sheet review form", () => {
  it("ticks what the parser is sure of and what overwrites nothing", () => {
    const form = reviewForm(draft, profile);
    expect(form.name.take).toBe(false); // the profile already has a name
    expect(form.title.take).toBe(true);
    expect(form.summary.take).toBe(false); // nothing drafted
    expect(form.skills.map((s) => s.take)).toEqual([true, true]);
    expect(form.workHistory.map((w) => w.take)).toEqual([true, false]); // no company or project
    expect(form.education.map((e) => e.take)).toEqual([true, false]); // no dates
    expect(form.certifications.map((c) => c.take)).toEqual([true, false, true]); // no date; a year alone is a date
    expect(form.added).toEqual([]);
    expect(form.workHistory[0].row).toMatchObject({ via: "大手SIer", ongoing: true, to: "" });
  });

  it("sends unchanged proposals by index and ACCEPT, changed ones as EDIT", () => {
    const form = reviewForm(draft, profile);
    const { errors, body } = checkReview(form, draft, 3);
    expect(errors).toEqual({});
    expect(body).toEqual({
      name: { decision: "KEEP" },
      title: { decision: "ACCEPT" },
      summary: { decision: "KEEP" },
      skills: [{ index: 0 }, { index: 1 }],
      workHistory: [{ index: 0 }],
      education: [{ index: 0 }],
      certifications: [{ index: 0 }, { index: 2 }],
      addedSkills: [],
      expectedVersion: 3,
    });
  });

  it("sends an engagement whose role and 担当工程 were edited as its corrected version", () => {
    const form = reviewForm(draft, profile);
    const edited: ReviewForm = {
      ...form,
      title: { take: true, value: "テックリード" },
      workHistory: form.workHistory.map((w, i) =>
        i === 0 ? { ...w, row: { ...w.row, role: "PL", phases: ["TEST", "REQUIREMENTS", "IMPLEMENTATION"], ongoing: false, to: "2024-03" } } : w,
      ),
    };
    const { body } = checkReview(edited, draft, 3);
    expect(body?.title).toEqual({ decision: "EDIT", value: "テックリード" });
    expect(body?.workHistory).toEqual([
      {
        index: 0,
        edited: {
          company: "株式会社テストEC",
          via: ["大手SIer"],
          project: "EC基盤刷新",
          period: { from: "2023-04", to: "2024-03" },
          role: "PL",
          teamSize: 8,
          phases: ["REQUIREMENTS", "IMPLEMENTATION", "TEST"],
          technologies: ["Java", "PostgreSQL"],
          description: "決済APIの設計と実装",
        },
      },
    ]);
  });

  it("keeps a year alone as a year and reads a date typed either way", () => {
    const form = reviewForm(draft, profile);
    expect(form.certifications[2].row).toEqual({ name: "AWS SAA", acquired: "2022" });
    const typed: ReviewForm = {
      ...form,
      certifications: [
        { take: true, row: { name: "応用情報技術者", acquired: "2015年10月" } }, // the same month, typed
        { take: true, row: { name: "TOEIC 800", acquired: "２０１９" } },
        { take: true, row: { name: "AWS SAA", acquired: "2022-06" } },
      ],
    };
    expect(checkReview(typed, draft, 3).body?.certifications).toEqual([
      { index: 0 },
      { index: 1, edited: { name: "TOEIC 800", acquired: "2019" } },
      { index: 2, edited: { name: "AWS SAA", acquired: "2022-06" } },
    ]);
    const early = { ...typed, certifications: [{ take: true, row: { name: "簿記", acquired: "1900" } }] };
    expect(checkReview(early, draft, 3).errors).toEqual({ "certifications.0.acquired": "acquiredRange" });
  });

  it("adds typed skills and proposed names once, and refuses a name twice", () => {
    let form = takeProposed(reviewForm(draft, profile), "Terragrunt");
    form = takeProposed(form, "terragrunt");
    form = takeProposed(form, "Java"); // already ticked from the draft
    expect(form.added.map((s) => s.name)).toEqual(["Terragrunt"]);
    form = { ...form, added: [...form.added, { name: "Go", category: "", years: "2.5", level: "PRACTICAL" }] };
    expect(countTaken(form)).toBe(1 + 2 + 1 + 1 + 2 + 2);
    expect(checkReview(form, draft, 3).body?.addedSkills).toEqual([
      { name: "Terragrunt" },
      { name: "Go", years: 2.5, level: "PRACTICAL" },
    ]);

    const twice = { ...form, added: [...form.added, { name: "JAVA", category: "" as const, years: "", level: "" as const }] };
    expect(checkReview(twice, draft, 3)).toEqual({ errors: { "added.2.name": "duplicate" }, body: null });
  });

  it("puts each broken value at its field and sends nothing", () => {
    const form = reviewForm(draft, profile);
    const broken: ReviewForm = {
      ...form,
      skills: [{ take: true, row: { ...form.skills[0].row, years: "61" } }, { take: true, row: { ...form.skills[1].row, name: " " } }],
      workHistory: [
        { take: true, row: { ...form.workHistory[0].row, teamSize: "0", ongoing: false, to: "2022-01", via: "a、b、c、d、e、f" } },
        { take: false, row: { ...form.workHistory[1].row, from: "" } }, // unticked: not checked
      ],
      education: [{ take: true, row: { ...form.education[0].row, school: "" } }, form.education[1]],
      certifications: [{ take: true, row: { name: "応用情報技術者", acquired: "2015-13" } }, form.certifications[1]],
    };
    expect(checkReview(broken, draft, 3)).toEqual({
      errors: {
        "skills.0.years": "yearsRange",
        "skills.1.name": "required",
        "workHistory.0.teamSize": "teamSize",
        "workHistory.0.via": "tooMany",
        "workHistory.0.to": "periodOrder",
        "education.0.school": "required",
        "certifications.0.acquired": "acquiredFormat",
      },
      body: null,
    });
  });

  it("finds the form field a server problem names, through the ticked items' indexes", () => {
    const body = checkReview(reviewForm(draft, profile), draft, 3).body;
    const withSecond = body && { ...body, workHistory: [{ index: 0 }, { index: 1 }] };
    expect(pathOfProblemField("workHistory[1].index", withSecond)).toBe("workHistory.1");
    expect(pathOfProblemField("skills[0].edited.years", body)).toBe("skills.0");
    expect(pathOfProblemField("addedSkills", body)).toBe("added");
    expect(pathOfProblemField("title", body)).toBe("title");
    expect(pathOfProblemField("expectedVersion", body)).toBeNull();
    expect(pathOfProblemField(undefined, body)).toBeNull();
  });
});
