import { useState, type FormEvent, type ReactNode } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import {
  ENGAGEMENT_PHASES,
  CONTRACT_TYPES,
  SKILL_CATEGORIES,
  SKILL_LEVELS,
  WORK_STYLES,
  type Profile as ProfileRecord,
  type ProfileViewRecord,
} from "../apiTypes";
import { AcquiredInput } from "../shared/AcquiredInput";
import { ENUM_LABELS } from "../shared/labels";
import { phaseMessages, togglePhase } from "./engagements";
import { PersonalDetailsForm } from "./PersonalDetails";
import { problemText } from "../shared/problems";
import { download, LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import {
  checkProfile,
  draftOfProfile,
  EMPTY_CERTIFICATION,
  EMPTY_EDUCATION,
  EMPTY_SKILL,
  EMPTY_WORK,
  type ProfileDraft,
  type ProfileErrorKey,
  type ProfileErrors,
} from "./profileForm";

const messages = defineMessages({
  ja: {
    title: "プロフィール",
    intro: "このプロフィールはあなたのものです。公開先に設定したエージェント・企業だけが閲覧でき、閲覧された記録はこのページで確認できます。",
    sharing: "公開先の設定",
    export: "書き出し",
    exportJson: "JSON をダウンロード",
    exportPdf: "スキルシート（PDF）をダウンロード",
    downloaded: "ダウンロードしました。",
    basics: "基本情報",
    name: "氏名（100字まで）",
    headline: "職種・肩書き（200字まで）",
    summary: "自己PR（4,000字まで）",
    skills: "スキル",
    skillName: "スキル名",
    category: "分類",
    years: "経験年数",
    level: "レベル",
    unset: "未選択",
    addSkill: "スキルを追加",
    work: "職務経歴",
    company: "会社・クライアント",
    from: "開始（年月）",
    to: "終了（年月・空欄は現在）",
    role: "役割",
    teamSize: "チーム人数",
    via: "商流（間に入る会社、「、」区切り）",
    project: "案件名",
    phases: "担当工程",
    ...phaseMessages.ja,
    technologies: "使用技術（カンマ区切り）",
    description: "業務内容",
    addWork: "職務経歴を追加",
    education: "学歴",
    school: "学校名",
    degree: "学位",
    field: "専攻",
    addEducation: "学歴を追加",
    certifications: "資格",
    certification: "資格名",
    addCertification: "資格を追加",
    remove: "削除",
    removeRow: "{what} {n} を削除",
    row: "{what} {n}",
    desired: "希望条件",
    rateMin: "希望単価 下限（万円/月・税抜）",
    rateMax: "希望単価 上限（万円/月・税抜）",
    daysPerWeek: "週の稼働日数（1〜5）",
    workStyle: "働き方",
    locations: "希望勤務地（カンマ区切り・20件まで）",
    startDate: "稼働開始可能日",
    contractTypes: "契約形態",
    paymentTermsDays: "支払いサイト（日・カンマ区切り）",
    links: "リンク",
    githubUsername: "GitHub ユーザー名",
    portfolioUrl: "ポートフォリオ URL",
    save: "保存",
    saved: "保存しました（版 {version}）。",
    conflict: "別の画面で先に更新されました。最新の内容を読み込みました。もう一度編集してください。",
    fixErrors: "入力内容を確認してください（{count} 件）。",
    version: "版 {version}・最終更新 {date}",
    never: "まだ保存されていません",
    views: "閲覧履歴",
    viewsIntro: "公開先のスタッフがプロフィールを開いた記録と、ご自身によるスキルシートのダウンロード・登録データの書き出しの記録です。",
    yourself: "ご本人の操作",
    noViews: "まだ閲覧されていません。",
    viewer: "閲覧者",
    tenant: "公開先",
    what: "内容",
    when: "日時",
    PROFILE: "プロフィール",
    PDF: "PDF",
    JSON: "JSON",
    EXPORT: "登録データ一式のダウンロード",
    SHEET_ORIGINAL: "スキルシート原本のダウンロード",
    PAYOUT_ACCOUNT: "振込先口座（契約に基づく支払いのため）",
    tooLong: "文字数が上限を超えています。",
    required: "入力してください。",
    notNumber: "数値で入力してください。",
    yearsRange: "0〜60年で入力してください。",
    rateRange: "1〜1,000万円の範囲で入力してください。",
    rateOrder: "下限が上限を超えています。",
    daysRange: "1〜5日で入力してください。",
    paymentRange: "0〜120日の整数で入力してください。",
    periodMissing: "年月を入力してください。",
    periodOrder: "終了が開始より前です。",
    acquiredFormat: "2022-04（年月）または 2022（年）の形で入力してください。",
    acquiredRange: "1950年から来年までの年を入力してください。",
    teamSizeRange: "1〜10,000人で入力してください。",
    github: "GitHub のユーザー名の形式ではありません。",
    url: "http(s):// で始まる URL を入力してください。",
    tooMany: "件数が上限を超えています。",
  },
  en: {
    title: "Profile",
    intro: "This profile is yours. Only the agencies and companies you share it with can see it, and you can see every time they look.",
    sharing: "Sharing settings",
    export: "Export",
    exportJson: "Download JSON",
    exportPdf: "Download skill sheet (PDF)",
    downloaded: "Downloaded.",
    basics: "Basics",
    name: "Name (up to 100)",
    headline: "Title (up to 200)",
    summary: "Summary (up to 4,000)",
    skills: "Skills",
    skillName: "Skill",
    category: "Category",
    years: "Years",
    level: "Level",
    unset: "Not set",
    addSkill: "Add a skill",
    work: "Work history",
    company: "Company / client",
    from: "From (month)",
    to: "To (month; blank while it lasts)",
    role: "Role",
    teamSize: "Team size",
    via: "Chain (companies in between, comma separated)",
    project: "Project",
    phases: "Phases",
    ...phaseMessages.en,
    technologies: "Technologies (comma separated)",
    description: "Description",
    addWork: "Add an engagement",
    education: "Education",
    school: "School",
    degree: "Degree",
    field: "Field",
    addEducation: "Add a school",
    certifications: "Certifications",
    certification: "Certification",
    addCertification: "Add a certification",
    remove: "Remove",
    removeRow: "Remove {what} {n}",
    row: "{what} {n}",
    desired: "Desired conditions",
    rateMin: "Rate from (10k JPY a month, tax excl.)",
    rateMax: "Rate up to (10k JPY a month, tax excl.)",
    daysPerWeek: "Days a week (1–5)",
    workStyle: "Work style",
    locations: "Locations (comma separated, up to 20)",
    startDate: "Available from",
    contractTypes: "Contract types",
    paymentTermsDays: "Payment terms (days, comma separated)",
    links: "Links",
    githubUsername: "GitHub username",
    portfolioUrl: "Portfolio URL",
    save: "Save",
    saved: "Saved (version {version}).",
    conflict: "Changed elsewhere first. The latest is loaded; please edit again.",
    fixErrors: "Please check the form ({count} problems).",
    version: "Version {version}, updated {date}",
    never: "Not saved yet",
    views: "Who viewed your profile",
    viewsIntro: "Each time staff of a tenant you share with opened your profile, and each copy you took yourself: skill-sheet downloads and data exports.",
    yourself: "You",
    noViews: "Nobody has viewed it yet.",
    viewer: "Viewer",
    tenant: "Tenant",
    what: "What",
    when: "When",
    PROFILE: "Profile",
    PDF: "PDF",
    JSON: "JSON",
    EXPORT: "Export of all your data",
    SHEET_ORIGINAL: "Skill sheet file downloaded",
    PAYOUT_ACCOUNT: "Payout bank account (to pay you under a contract)",
    tooLong: "Too long.",
    required: "Required.",
    notNumber: "Enter a number.",
    yearsRange: "Between 0 and 60 years.",
    rateRange: "Between 1 and 1,000 (10k JPY).",
    rateOrder: "The minimum is above the maximum.",
    daysRange: "Between 1 and 5 days.",
    paymentRange: "Whole days between 0 and 120.",
    periodMissing: "Enter a month.",
    periodOrder: "Ends before it starts.",
    acquiredFormat: "Enter a month like 2022-04 or a year like 2022.",
    acquiredRange: "Enter a year from 1950 to next year.",
    teamSizeRange: "Between 1 and 10,000.",
    github: "Not a GitHub username.",
    url: "Enter an http(s):// address.",
    tooMany: "Too many entries.",
  },
});

const FORM_ID = "profile-form";

/** `/profile`: the freelancer's portable profile, its exports and who looked at it. */
export function Profile() {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const [profile, setProfile] = useState<ProfileRecord | null>(null);
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const action = useAction();
  const exports = useAction();

  const { loaded, reload } = useLoad(
    async (signal) => {
      const found = await api<ProfileRecord>("/v1/me/profile", { signal });
      setProfile(found);
      setDraft(draftOfProfile(found));
      return found;
    },
    [],
  );
  const views = useLoad((signal) => api<ProfileViewRecord[]>("/v1/me/profile/views?limit=50", { signal }), []);

  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  const errorText = (key: ProfileErrorKey) => t(key === "teamSize" ? "teamSizeRange" : key);
  const err = (path: string) => (errors[path] ? errorText(errors[path]) : undefined);
  const input = (path: string) => ({
    id: `${FORM_ID}-${path.replace(/\./g, "-")}`,
    "aria-invalid": errors[path] ? true : undefined,
    "aria-describedby": errors[path] ? `${FORM_ID}-${path.replace(/\./g, "-")}-error` : undefined,
  });
  const fieldError = (path: string) =>
    errors[path] ? (
      <span className="field-error error" id={`${FORM_ID}-${path.replace(/\./g, "-")}-error`}>
        {err(path)}
      </span>
    ) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft || !profile) return;
    const check = checkProfile(draft);
    const paths = Object.keys(check.errors);
    setErrors(check.errors);
    if (!check.body) {
      setFormError(t("fixErrors", { count: paths.length }));
      document.getElementById(`${FORM_ID}-${paths[0].replace(/\./g, "-")}`)?.focus();
      return;
    }
    setFormError(null);
    void action.run(
      async () => {
        const saved = await api<ProfileRecord>("/v1/me/profile", {
          method: "PUT",
          body: { ...check.body, expectedVersion: profile.version },
        });
        setProfile(saved);
        setDraft(draftOfProfile(saved));
        return t("saved", { version: saved.version });
      },
      (e) => {
        if (e instanceof ApiError && e.status === 409) {
          reload();
          return t("conflict");
        }
        const text = problemText(e, language);
        setFormError(text);
        return text;
      },
    );
  };

  const exportAs = (kind: "json" | "pdf") =>
    void exports.run(
      async () => {
        await download(`/v1/me/profile/export.${kind}`, kind === "pdf" ? "skill-sheet.pdf" : "profile.json");
        return t("downloaded");
      },
      (e) => problemText(e, language),
    );

  const rows = <R,>(
    key: "skills" | "workHistory" | "education" | "certifications",
    what: string,
    empty: R,
    addLabel: string,
    render: (row: R, i: number, update: (patch: Partial<R>) => void) => ReactNode,
  ) => {
    const list = (draft?.[key] ?? []) as R[];
    const update = (i: number) => (patch: Partial<R>) =>
      set(key, list.map((r, j) => (j === i ? { ...r, ...patch } : r)) as never);
    return (
      <>
        {errors[key] ? <p className="error">{errorText(errors[key])}</p> : null}
        <ol className="plain" id={`profile-${key}`}>
          {list.map((row, i) => (
            <li key={i} className="card" role="group" aria-label={t("row", { what, n: i + 1 })}>
              <div className="form-grid">{render(row, i, update(i))}</div>
              <button
                type="button"
                className="button subtle"
                onClick={() => set(key, list.filter((_, j) => j !== i) as never)}
                aria-label={t("removeRow", { what, n: i + 1 })}
              >
                {t("remove")}
              </button>
            </li>
          ))}
        </ol>
        <p>
          <button type="button" className="button subtle" onClick={() => set(key, [...list, empty] as never)} id={`add-${key}`}>
            {addLabel}
          </button>
        </p>
      </>
    );
  };

  const text = (path: string, label: string, value: string, onChange: (v: string) => void, extra: Record<string, unknown> = {}) => (
    <label className="field">
      {label}
      <input {...input(path)} value={value} onChange={(e) => onChange(e.target.value)} {...extra} />
      {fieldError(path)}
    </label>
  );

  const acquiredField = (path: string, value: string, onChange: (v: string) => void) => (
    <AcquiredInput field={input(path)} value={value} onChange={onChange} error={fieldError(path)} />
  );

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        <div className="actions" role="group" aria-label={t("export")}>
          <button type="button" className="button subtle" id="export-json" disabled={exports.busy} onClick={() => exportAs("json")}>
            {t("exportJson")}
          </button>
          <button type="button" className="button subtle" id="export-pdf" disabled={exports.busy} onClick={() => exportAs("pdf")}>
            {t("exportPdf")}
          </button>
          <Link to="/sharing">{t("sharing")}</Link>
        </div>
      </div>
      <NoticeLine notice={exports.notice} id="export-notice" />
      <LoadState loaded={loaded} reload={reload}>
        {() =>
          draft && profile ? (
            <form id={FORM_ID} onSubmit={submit} noValidate className="stack">
              <p className="muted" id="profile-version" data-version={profile.version}>
                {profile.updatedAt
                  ? t("version", { version: profile.version, date: formatDate(language, profile.updatedAt) })
                  : t("never")}
              </p>
              {formError ? (
                <p className="form-error" role="alert" id={`${FORM_ID}-error`}>
                  {formError}
                </p>
              ) : null}
              <fieldset className="group">
                <legend>{t("basics")}</legend>
                <div className="form-grid">
                  {text("name", t("name"), draft.name, (v) => set("name", v), { maxLength: 100, autoComplete: "name" })}
                  {text("title", t("headline"), draft.title, (v) => set("title", v), { maxLength: 200 })}
                  <label className="field span-all">
                    {t("summary")}
                    <textarea {...input("summary")} rows={6} value={draft.summary} onChange={(e) => set("summary", e.target.value)} />
                    {fieldError("summary")}
                  </label>
                </div>
              </fieldset>
              <fieldset className="group">
                <legend>{t("skills")}</legend>
                {rows("skills", t("skills"), EMPTY_SKILL, t("addSkill"), (row, i, update) => (
                  <>
                    {text(`skills.${i}.name`, t("skillName"), row.name, (v) => update({ name: v }), { maxLength: 100 })}
                    <label className="field">
                      {t("category")}
                      <select {...input(`skills.${i}.category`)} value={row.category} onChange={(e) => update({ category: e.target.value as typeof row.category })}>
                        <option value="">{t("unset")}</option>
                        {SKILL_CATEGORIES.map((c) => (
                          <option key={c} value={c}>
                            {enums(c)}
                          </option>
                        ))}
                      </select>
                    </label>
                    {text(`skills.${i}.years`, t("years"), row.years, (v) => update({ years: v }), {
                      type: "number",
                      min: 0,
                      max: 60,
                      step: 0.5,
                      inputMode: "decimal",
                    })}
                    <label className="field">
                      {t("level")}
                      <select {...input(`skills.${i}.level`)} value={row.level} onChange={(e) => update({ level: e.target.value as typeof row.level })}>
                        <option value="">{t("unset")}</option>
                        {SKILL_LEVELS.map((l) => (
                          <option key={l} value={l}>
                            {enums(l)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </>
                ))}
              </fieldset>
              <fieldset className="group">
                <legend>{t("work")}</legend>
                {rows("workHistory", t("work"), EMPTY_WORK, t("addWork"), (row, i, update) => (
                  <>
                    {text(`workHistory.${i}.company`, t("company"), row.company, (v) => update({ company: v }), { maxLength: 200 })}
                    {text(`workHistory.${i}.via`, t("via"), row.via, (v) => update({ via: v }))}
                    {text(`workHistory.${i}.project`, t("project"), row.project, (v) => update({ project: v }), { maxLength: 200 })}
                    {text(`workHistory.${i}.from`, t("from"), row.from, (v) => update({ from: v }), { type: "month" })}
                    {text(`workHistory.${i}.to`, t("to"), row.to, (v) => update({ to: v }), { type: "month" })}
                    {text(`workHistory.${i}.role`, t("role"), row.role, (v) => update({ role: v }), { maxLength: 200 })}
                    {text(`workHistory.${i}.teamSize`, t("teamSize"), row.teamSize, (v) => update({ teamSize: v }), { type: "number", min: 1 })}
                    <fieldset className="phases span-all" id={`${FORM_ID}-workHistory-${i}-phases`}>
                      <legend>{t("phases")}</legend>
                      {ENGAGEMENT_PHASES.map((phase) => (
                        <label key={phase}>
                          <input
                            type="checkbox"
                            id={`${FORM_ID}-workHistory-${i}-phase-${phase}`}
                            checked={row.phases.includes(phase)}
                            onChange={() => update({ phases: togglePhase(row.phases, phase) })}
                          />{" "}
                          {t(phase)}
                        </label>
                      ))}
                    </fieldset>
                    {text(`workHistory.${i}.technologies`, t("technologies"), row.technologies, (v) => update({ technologies: v }))}
                    <label className="field span-all">
                      {t("description")}
                      <textarea {...input(`workHistory.${i}.description`)} value={row.description} onChange={(e) => update({ description: e.target.value })} />
                      {fieldError(`workHistory.${i}.description`)}
                    </label>
                  </>
                ))}
              </fieldset>
              <fieldset className="group">
                <legend>{t("education")}</legend>
                {rows("education", t("education"), EMPTY_EDUCATION, t("addEducation"), (row, i, update) => (
                  <>
                    {text(`education.${i}.school`, t("school"), row.school, (v) => update({ school: v }), { maxLength: 200 })}
                    {text(`education.${i}.degree`, t("degree"), row.degree, (v) => update({ degree: v }), { maxLength: 100 })}
                    {text(`education.${i}.field`, t("field"), row.field, (v) => update({ field: v }), { maxLength: 200 })}
                    {text(`education.${i}.from`, t("from"), row.from, (v) => update({ from: v }), { type: "month" })}
                    {text(`education.${i}.to`, t("to"), row.to, (v) => update({ to: v }), { type: "month" })}
                  </>
                ))}
              </fieldset>
              <fieldset className="group">
                <legend>{t("certifications")}</legend>
                {rows("certifications", t("certifications"), EMPTY_CERTIFICATION, t("addCertification"), (row, i, update) => (
                  <>
                    {text(`certifications.${i}.name`, t("certification"), row.name, (v) => update({ name: v }), { maxLength: 200 })}
                    {acquiredField(`certifications.${i}.acquired`, row.acquired, (v) => update({ acquired: v }))}
                  </>
                ))}
              </fieldset>
              <fieldset className="group">
                <legend>{t("desired")}</legend>
                <div className="form-grid">
                  {text("rateMin", t("rateMin"), draft.rateMin, (v) => set("rateMin", v), { type: "number", min: 1, max: 1000, step: 0.1 })}
                  {text("rateMax", t("rateMax"), draft.rateMax, (v) => set("rateMax", v), { type: "number", min: 1, max: 1000, step: 0.1 })}
                  {text("daysPerWeek", t("daysPerWeek"), draft.daysPerWeek, (v) => set("daysPerWeek", v), { type: "number", min: 1, max: 5 })}
                  <label className="field">
                    {t("workStyle")}
                    <select {...input("workStyle")} value={draft.workStyle} onChange={(e) => set("workStyle", e.target.value as ProfileDraft["workStyle"])}>
                      <option value="">{t("unset")}</option>
                      {WORK_STYLES.map((s) => (
                        <option key={s} value={s}>
                          {enums(s)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {text("locations", t("locations"), draft.locations, (v) => set("locations", v))}
                  {text("startDate", t("startDate"), draft.startDate, (v) => set("startDate", v), { type: "date" })}
                  {text("paymentTermsDays", t("paymentTermsDays"), draft.paymentTermsDays, (v) => set("paymentTermsDays", v), { inputMode: "numeric" })}
                  <fieldset className="checks span-all">
                    <legend>{t("contractTypes")}</legend>
                    {CONTRACT_TYPES.map((c) => (
                      <label key={c}>
                        <input
                          type="checkbox"
                          name="contractTypes"
                          value={c}
                          checked={draft.contractTypes.includes(c)}
                          onChange={(e) =>
                            set(
                              "contractTypes",
                              e.target.checked ? [...draft.contractTypes, c] : draft.contractTypes.filter((x) => x !== c),
                            )
                          }
                        />{" "}
                        {enums(c)}
                      </label>
                    ))}
                  </fieldset>
                </div>
              </fieldset>
              <fieldset className="group">
                <legend>{t("links")}</legend>
                <div className="form-grid">
                  {text("githubUsername", t("githubUsername"), draft.githubUsername, (v) => set("githubUsername", v), { maxLength: 39, autoComplete: "off" })}
                  {text("portfolioUrl", t("portfolioUrl"), draft.portfolioUrl, (v) => set("portfolioUrl", v), { type: "url", maxLength: 500 })}
                </div>
              </fieldset>
              <NoticeLine notice={action.notice} id="profile-notice" />
              <div className="actions">
                <button type="submit" className="button" disabled={action.busy} id="save-profile">
                  {t("save")}
                </button>
              </div>
            </form>
          ) : null
        }
      </LoadState>
      <PersonalDetailsForm />
      <section aria-labelledby="views-heading">
        <h2 id="views-heading">{t("views")}</h2>
        <p className="muted">{t("viewsIntro")}</p>
        <LoadState loaded={views.loaded} reload={views.reload}>
          {(list) =>
            list.length === 0 ? (
              <p id="profile-views-empty">{t("noViews")}</p>
            ) : (
              <div className="table-wrap">
                <table className="grid responsive" id="profile-views">
                  <thead>
                    <tr>
                      <th scope="col">{t("when")}</th>
                      <th scope="col">{t("tenant")}</th>
                      <th scope="col">{t("viewer")}</th>
                      <th scope="col">{t("what")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((v, i) => (
                      <tr key={i}>
                        <td data-label={t("when")}>{formatDate(language, v.viewedAt)}</td>
                        <td data-label={t("tenant")}>{v.tenantId ? (v.tenantName ?? "") : t("yourself")}</td>
                        <td data-label={t("viewer")}>{v.viewerName ?? ""}</td>
                        <td data-label={t("what")}>{t(v.what)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </LoadState>
      </section>
    </>
  );
}
