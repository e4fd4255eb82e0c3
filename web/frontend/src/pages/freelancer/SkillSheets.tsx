import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { api, apiBlob, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link, navigate } from "@proxima/frontend-core/router";
import { SKILL_LEVELS, type Profile } from "../apiTypes";
import { bytes } from "../shared/format";
import { AcquiredInput } from "../shared/AcquiredInput";
import { ENUM_LABELS } from "../shared/labels";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import {
  checkReview,
  countTaken,
  EMPTY_SKILL,
  pathOfProblemField,
  reviewForm,
  skillNames,
  takeProposed,
  type EducationRow,
  type EngagementRow,
  type Item,
  type ReviewErrorKey,
  type ReviewErrors,
  type ReviewForm,
  type SkillRow,
} from "./sheetReview";
import {
  ENGAGEMENT_PHASES,
  type EngagementPhase,
  type OriginalText,
  type SheetReviewRequest,
  type SheetUpload,
  type UploadHistory,
} from "./skillSheetTypes";
import { phaseMessages, togglePhase } from "./engagements";
import "./skillSheets.css";

const messages = defineMessages({
  ja: {
    title: "スキルシート",
    intro: "お手元のスキルシート（PDF・Word・Excel・Markdown・テキスト、10MBまで）をアップロードすると、内容を読み取って下書きを作ります。原本と見比べながら修正し、選んだ項目だけがプロフィールに反映されます。",
    upload: "スキルシートをアップロード",
    file: "ファイル",
    send: "アップロードして読み取る",
    uploading: "読み取り中…",
    uploaded: "「{name}」を読み取りました。内容を確認してください。",
    chooseFile: "ファイルを選択してください。",
    tooLarge: "ファイルは10MBまでです。",
    list: "アップロード履歴",
    empty: "まだアップロードしていません。",
    fileName: "ファイル名",
    size: "サイズ",
    uploadedAt: "アップロード日時",
    status: "状態",
    review: "確認する",
    delete: "削除",
    deleteLabel: "「{name}」を削除",
    confirmDelete: "「{name}」を削除しますか？アップロードしたファイルと読み取り結果は完全に削除され、元に戻せません。プロフィールに反映済みの内容はそのまま残ります。",
    deleted: "「{name}」を削除しました。",
    page: "{page} / {pages} ページ（全 {total} 件）",
    previous: "前へ",
    next: "次へ",
    PENDING: "確認待ち",
    APPLIED: "反映済み",
    DISCARDED: "破棄",
    back: "スキルシート一覧へ",
    reviewTitle: "読み取り結果の確認: {name}",
    reviewIntro: "左の原本と見比べて、各項目をその場で修正できます。自信をもって読み取れた項目にはあらかじめチェックが入っています。チェックした項目だけがプロフィールに反映され、それ以外は変わりません。",
    original: "アップロードした原本",
    originalText: "読み取ったテキスト",
    originalLoading: "原本を読み込み中…",
    originalMissing: "この下書きの原本は保存されていません（原本の保存を始める前のアップロードです）。",
    originalFailed: "原本を表示できませんでした: {reason}",
    pdfTitle: "アップロードした原本（PDF）",
    draftHeading: "読み取り結果",
    now: "現在のプロフィール: {value}",
    none: "（なし）",
    name: "氏名",
    headline: "職種・肩書き",
    summary: "自己PR",
    skills: "スキル",
    skillName: "スキル名",
    years: "経験年数",
    level: "レベル",
    noLevel: "（指定なし）",
    proposedHeading: "スキル候補",
    proposedIntro: "技術名と思われるものの、辞書にない語です。該当するものだけ追加してください。",
    takeProposed: "＋ {name}",
    takeProposedLabel: "「{name}」をスキルに追加",
    addedHeading: "追加するスキル",
    addSkill: "スキルを追加",
    removeSkill: "削除",
    removeSkillLabel: "追加するスキル {n} を削除",
    work: "職務経歴",
    engagement: "案件 {n}",
    company: "会社名（エンド企業）",
    via: "商流（間に入る会社、「、」区切り）",
    project: "案件名",
    role: "役割・職種",
    members: "チーム人数",
    from: "開始年月",
    to: "終了年月",
    ongoing: "現在も継続中",
    phases: "担当工程",
    technologies: "使用技術（カンマ区切り）",
    description: "業務内容",
    education: "学歴",
    school: "学校名",
    degree: "学位",
    field: "専攻",
    certifications: "資格",
    certification: "資格名",
    notes: "読み取れなかった箇所",
    take: "反映する",
    takeAll: "すべて選択",
    takeNone: "選択を解除",
    selected: "{count} 項目を選択中",
    apply: "選択した項目をプロフィールに反映",
    applied: "プロフィールに反映しました（版 {version}）。",
    toProfile: "プロフィールを見る",
    discard: "この下書きを破棄",
    confirmDiscard: "この下書きを破棄しますか？プロフィールは変わりません。",
    discarded: "下書きを破棄しました。",
    decided: "この下書きは{status}です（{date}）。",
    conflict: "プロフィールが別の画面で更新されたか、この下書きは処理済みです。最新の状態を読み込みました。",
    nothingSelected: "反映する項目を選んでください。",
    fixErrors: "入力内容を確認してください（{count} 件）。",
    tooLong: "長すぎます。",
    required: "入力してください。",
    notNumber: "数値で入力してください。",
    yearsRange: "0〜60年の範囲で入力してください。",
    periodMissing: "年月を選んでください。",
    periodOrder: "終了は開始より後にしてください。",
    acquiredFormat: "2022-04（年月）または 2022（年）の形で入力してください。",
    acquiredRange: "1950年から来年までの年を入力してください。",
    teamSize: "1〜10000人の範囲で入力してください。",
    tooMany: "多すぎます。",
    duplicate: "同じスキルがすでにあります。",
    ...phaseMessages.ja,
  },
  en: {
    title: "Skill sheets",
    intro: "Upload your skill sheet (PDF, Word, Excel, Markdown or text, up to 10 MB) and we read it into a draft. Correct it beside the original; only the parts you choose reach your profile.",
    upload: "Upload a skill sheet",
    file: "File",
    send: "Upload and read",
    uploading: "Reading…",
    uploaded: "\"{name}\" was read. Please review it.",
    chooseFile: "Choose a file.",
    tooLarge: "A file is at most 10 MB.",
    list: "Uploads",
    empty: "No uploads yet.",
    fileName: "File",
    size: "Size",
    uploadedAt: "Uploaded",
    status: "Status",
    review: "Review",
    delete: "Delete",
    deleteLabel: "Delete \"{name}\"",
    confirmDelete: "Delete \"{name}\"? The uploaded file and what was read from it are deleted for good. Whatever you applied to your profile stays.",
    deleted: "\"{name}\" was deleted.",
    page: "Page {page} of {pages} ({total} in all)",
    previous: "Previous",
    next: "Next",
    PENDING: "To review",
    APPLIED: "Applied",
    DISCARDED: "Discarded",
    back: "Back to skill sheets",
    reviewTitle: "Review: {name}",
    reviewIntro: "Compare with the original on the left and correct any field in place. What was read with confidence is ticked already. Only ticked parts reach your profile; everything else stays as it is.",
    original: "The sheet you uploaded",
    originalText: "Text read from the sheet",
    originalLoading: "Loading the original…",
    originalMissing: "The original of this draft was not kept (it was uploaded before originals were kept).",
    originalFailed: "The original could not be shown: {reason}",
    pdfTitle: "The sheet you uploaded (PDF)",
    draftHeading: "What was read",
    now: "On your profile now: {value}",
    none: "(none)",
    name: "Name",
    headline: "Title",
    summary: "Summary",
    skills: "Skills",
    skillName: "Skill",
    years: "Years",
    level: "Level",
    noLevel: "(not set)",
    proposedHeading: "Possible skills",
    proposedIntro: "These look like technologies but are not in the vocabulary. Add only the ones that are.",
    takeProposed: "+ {name}",
    takeProposedLabel: "Add \"{name}\" as a skill",
    addedHeading: "Skills to add",
    addSkill: "Add a skill",
    removeSkill: "Remove",
    removeSkillLabel: "Remove skill to add {n}",
    work: "Work history",
    engagement: "Engagement {n}",
    company: "Company (end client)",
    via: "Chain (companies in between, comma separated)",
    project: "Project",
    role: "Role",
    members: "Team size",
    from: "From",
    to: "To",
    ongoing: "Ongoing",
    phases: "Phases",
    technologies: "Technologies (comma separated)",
    description: "Description",
    education: "Education",
    school: "School",
    degree: "Degree",
    field: "Field",
    certifications: "Certifications",
    certification: "Certification",
    notes: "Parts that could not be placed",
    take: "Take",
    takeAll: "Select all",
    takeNone: "Clear",
    selected: "{count} selected",
    apply: "Apply the selection to my profile",
    applied: "Applied to your profile (version {version}).",
    toProfile: "View my profile",
    discard: "Discard this draft",
    confirmDiscard: "Discard this draft? Your profile does not change.",
    discarded: "Draft discarded.",
    decided: "This draft is {status} ({date}).",
    conflict: "Your profile changed elsewhere, or this draft was already handled. The latest is loaded.",
    nothingSelected: "Choose something to apply.",
    fixErrors: "Please check your input ({count}).",
    tooLong: "Too long.",
    required: "Required.",
    notNumber: "Enter a number.",
    yearsRange: "Between 0 and 60 years.",
    periodMissing: "Choose a month.",
    periodOrder: "The end must not be before the start.",
    acquiredFormat: "Enter a month like 2022-04 or a year like 2022.",
    acquiredRange: "Enter a year from 1950 to next year.",
    teamSize: "Between 1 and 10000 people.",
    tooMany: "Too many.",
    duplicate: "This skill is already there.",
    ...phaseMessages.en,
  },
});

const LIMIT = 10 * 1024 * 1024;
const PAGE_SIZE = 10;

/** `/skill-sheets`: upload a sheet; the upload history, a page at a time, with delete. */
export function SkillSheets() {
  const t = useT(messages);
  const language = useLang();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const action = useAction();
  const removal = useAction();
  const { loaded, reload } = useLoad(
    (signal) => api<UploadHistory>(`/v1/me/skill-sheet-history?page=${page}&size=${PAGE_SIZE}`, { signal }),
    [page],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError(t("chooseFile"));
      fileRef.current?.focus();
      return;
    }
    if (file.size > LIMIT) {
      setError(t("tooLarge"));
      return;
    }
    setError(null);
    void action.run(
      async () => {
        const view = await api<SheetUpload>(`/v1/me/skill-sheets?fileName=${encodeURIComponent(file.name)}`, {
          method: "POST",
          file,
        });
        navigate("/skill-sheets/" + view.id);
        return t("uploaded", { name: view.fileName });
      },
      (e) => {
        const text = problemText(e, language);
        setError(text);
        return text;
      },
    );
  };

  const remove = (upload: SheetUpload, history: UploadHistory) => {
    if (!window.confirm(t("confirmDelete", { name: upload.fileName }))) return;
    void removal.run(
      async () => {
        await api<void>(`/v1/me/skill-sheet-history/${encodeURIComponent(upload.id)}`, { method: "DELETE" });
        // The last row of a later page gone: show the page before, which still has rows.
        if (history.uploads.length === 1 && page > 0) setPage(page - 1);
        else reload();
        return t("deleted", { name: upload.fileName });
      },
      (e) => problemText(e, language),
    );
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <form className="card" onSubmit={submit} id="skill-sheet-upload" noValidate>
        <h2 style={{ marginTop: 0 }}>{t("upload")}</h2>
        <div className="toolbar">
          <label className="field">
            {t("file")}
            <input
              ref={fileRef}
              type="file"
              id="skill-sheet-file"
              name="file"
              accept=".pdf,.docx,.doc,.xlsx,.xls,.md,.markdown,.txt,.csv,application/pdf,text/plain,text/markdown"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "skill-sheet-error" : undefined}
            />
          </label>
          <button type="submit" className="button" disabled={action.busy} id="skill-sheet-send">
            {action.busy ? t("uploading") : t("send")}
          </button>
        </div>
        {error ? (
          <p className="error" role="alert" id="skill-sheet-error">
            {error}
          </p>
        ) : null}
        <NoticeLine notice={action.busy ? { text: t("uploading") } : action.notice} id="skill-sheet-notice" />
      </form>
      <section aria-labelledby="uploads-heading">
        <h2 id="uploads-heading">{t("list")}</h2>
        <NoticeLine notice={removal.notice} id="skill-sheets-notice" />
        <LoadState loaded={loaded} reload={reload}>
          {(history) =>
            history.total === 0 ? (
              <p id="skill-sheets-empty">{t("empty")}</p>
            ) : (
              <>
                <div className="table-wrap">
                  <table className="grid responsive" id="skill-sheets">
                    <thead>
                      <tr>
                        <th scope="col">{t("fileName")}</th>
                        <th scope="col">{t("size")}</th>
                        <th scope="col">{t("uploadedAt")}</th>
                        <th scope="col">{t("status")}</th>
                        <th scope="col" />
                      </tr>
                    </thead>
                    <tbody>
                      {history.uploads.map((u) => (
                        <tr key={u.id} data-testid={"skill-sheet-" + u.id} data-status={u.status}>
                          <td data-label={t("fileName")}>{u.fileName}</td>
                          <td data-label={t("size")}>{bytes(u.sizeBytes)}</td>
                          <td data-label={t("uploadedAt")}>{formatDate(language, u.uploadedAt)}</td>
                          <td data-label={t("status")}>
                            <span className={"badge " + u.status}>{t(u.status)}</span>
                          </td>
                          <td>
                            <div className="actions">
                              <Link to={"/skill-sheets/" + u.id}>{t("review")}</Link>
                              <button
                                type="button"
                                className="button subtle delete-upload"
                                id={"delete-" + u.id}
                                disabled={removal.busy}
                                aria-label={t("deleteLabel", { name: u.fileName })}
                                onClick={() => remove(u, history)}
                              >
                                {t("delete")}
                              </button>
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <nav className="pager" aria-label={t("list")}>
                  <button type="button" className="button subtle" id="history-previous" disabled={page === 0} onClick={() => setPage(page - 1)}>
                    {t("previous")}
                  </button>
                  <span id="history-page" aria-live="polite" data-page={history.page} data-total={history.total}>
                    {t("page", { page: history.page + 1, pages: history.pages, total: history.total })}
                  </span>
                  <button
                    type="button"
                    className="button subtle"
                    id="history-next"
                    disabled={history.page + 1 >= history.pages}
                    onClick={() => setPage(page + 1)}
                  >
                    {t("next")}
                  </button>
                </nav>
              </>
            )
          }
        </LoadState>
      </section>
    </>
  );
}

/**
 * The uploaded sheet as it was sent: a PDF inline from a blob URL (the portal's policy allows
 * `frame-src blob:`), any other format as the text the reader took from it.
 */
function OriginalPane({ upload }: { upload: SheetUpload }) {
  const t = useT(messages);
  const language = useLang();
  const pdf = upload.mediaType === "application/pdf";
  const [url, setUrl] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let objectUrl: string | null = null;
    setUrl(null);
    setText(null);
    setProblem(null);
    const failed = (e: unknown) => {
      if (!live) return;
      setProblem(
        e instanceof ApiError && e.status === 404 ? t("originalMissing") : t("originalFailed", { reason: problemText(e, language) }),
      );
    };
    const base = `/v1/me/skill-sheets/${encodeURIComponent(upload.id)}`;
    if (pdf) {
      apiBlob(`${base}/original`).then((blob) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(new Blob([blob], { type: "application/pdf" }));
        setUrl(objectUrl);
      }, failed);
    } else {
      api<OriginalText>(`${base}/text`).then((read) => live && setText(read.text), failed);
    }
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [upload.id, pdf, language]);
  return (
    <section className="card sheet-original" aria-labelledby="sheet-original-heading" id="sheet-original">
      <h2 id="sheet-original-heading" style={{ marginTop: 0 }}>
        {pdf ? t("original") : t("originalText")}
      </h2>
      <p className="muted" style={{ marginTop: 0 }}>
        {upload.fileName}
      </p>
      {problem ? (
        <p className="muted" role="status" id="sheet-original-missing">
          {problem}
        </p>
      ) : url ? (
        <iframe className="pdf-preview" id="original-pdf" title={t("pdfTitle")} src={url} />
      ) : text !== null ? (
        <pre id="original-text" tabIndex={0}>
          {text}
        </pre>
      ) : (
        <p className="muted" role="status">
          {t("originalLoading")}
        </p>
      )}
    </section>
  );
}

/** `/skill-sheets/:sheetId`: the original beside the draft; correct, tick, apply or discard. */
export function SkillSheetReview({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const language = useLang();
  const id = params.sheetId;
  const [form, setForm] = useState<ReviewForm | null>(null);
  const [errors, setErrors] = useState<ReviewErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [applied, setApplied] = useState(false);
  const action = useAction();
  const { loaded, reload, set } = useLoad(
    async (signal) => {
      const upload = await api<SheetUpload>(`/v1/me/skill-sheets/${encodeURIComponent(id)}`, { signal });
      setForm(upload.draft ? reviewForm(upload.draft, upload.current) : null);
      setErrors({});
      return upload;
    },
    [id],
  );

  return (
    <>
      <p>
        <Link to="/skill-sheets">← {t("back")}</Link>
      </p>
      <LoadState loaded={loaded} reload={reload}>
        {(upload) => {
          const draft = upload.draft;
          const current: Profile | null | undefined = upload.current;
          const pending = upload.status === "PENDING";
          const apply = (event: FormEvent) => {
            event.preventDefault();
            if (!form || !draft) return;
            if (countTaken(form) === 0) {
              action.setNotice({ text: t("nothingSelected"), error: true });
              return;
            }
            const check = checkReview(form, draft, current?.version ?? 0);
            setErrors(check.errors);
            const paths = Object.keys(check.errors);
            if (!check.body) {
              setFormError(t("fixErrors", { count: paths.length }));
              document.getElementById(inputId(paths[0]))?.focus();
              return;
            }
            setFormError(null);
            const body: SheetReviewRequest = check.body;
            void action.run(
              async () => {
                const saved = await api<Profile>(`/v1/me/skill-sheets/${encodeURIComponent(id)}/apply`, { method: "POST", body });
                setApplied(true);
                reload();
                return t("applied", { version: saved.version });
              },
              (e) => {
                if (e instanceof ApiError && e.status === 409) {
                  reload();
                  return t("conflict");
                }
                const text = problemText(e, language);
                const at = e instanceof ApiError ? pathOfProblemField(e.violations[0]?.field, body) : null;
                if (at) setServerError(at, text);
                else setFormError(text);
                return text;
              },
            );
          };
          const discard = () => {
            if (!window.confirm(t("confirmDiscard"))) return;
            void action.run(
              async () => {
                set(await api<SheetUpload>(`/v1/me/skill-sheets/${encodeURIComponent(id)}`, { method: "DELETE" }));
                return t("discarded");
              },
              (e) => problemText(e, language),
            );
          };
          return (
            <>
              <h1>{t("reviewTitle", { name: upload.fileName })}</h1>
              <p>
                <span className={"badge " + upload.status} id="skill-sheet-status" data-status={upload.status}>
                  {t(upload.status)}
                </span>{" "}
                {!pending && upload.decidedAt
                  ? t("decided", { status: t(upload.status), date: formatDate(language, upload.decidedAt) })
                  : null}
                {applied || upload.status === "APPLIED" ? (
                  <>
                    {" "}
                    <Link to="/profile" id="review-to-profile">
                      {t("toProfile")}
                    </Link>
                  </>
                ) : null}
              </p>
              {pending ? <p className="muted">{t("reviewIntro")}</p> : null}
              <div className="sheet-review">
                <OriginalPane upload={upload} />
                <div>
                  {draft && form ? (
                    <form onSubmit={apply} id="skill-sheet-review" className="stack" noValidate>
                      <h2 style={{ margin: 0 }}>{t("draftHeading")}</h2>
                      {pending ? (
                        <div className="actions">
                          <button type="button" className="button subtle" id="review-take-all" onClick={() => setForm(takeAll(form, true))}>
                            {t("takeAll")}
                          </button>
                          <button type="button" className="button subtle" id="review-take-none" onClick={() => setForm(takeAll(form, false))}>
                            {t("takeNone")}
                          </button>
                          <span className="muted" aria-live="polite" id="review-selected">
                            {t("selected", { count: countTaken(form) })}
                          </span>
                        </div>
                      ) : null}
                      {formError ? (
                        <p className="form-error error" role="alert" id="review-form-error">
                          {formError}
                        </p>
                      ) : null}
                      <fieldset disabled={!pending || action.busy} style={{ border: 0, padding: 0, margin: 0 }} className="stack">
                        <ReviewFields form={form} setForm={setForm} errors={errors} draftNotes={draft.notes} proposed={draft.proposedSkills ?? []} current={current} />
                      </fieldset>
                      <NoticeLine notice={action.notice} id="review-notice" />
                      {pending ? (
                        <div className="actions">
                          <button type="submit" className="button" disabled={action.busy} id="apply-skill-sheet">
                            {t("apply")}
                          </button>
                          <button type="button" className="button subtle" disabled={action.busy} id="discard-skill-sheet" onClick={discard}>
                            {t("discard")}
                          </button>
                        </div>
                      ) : null}
                    </form>
                  ) : (
                    <NoticeLine notice={action.notice} id="review-notice" />
                  )}
                </div>
              </div>
            </>
          );
        }}
      </LoadState>
    </>
  );

  function setServerError(path: string, text: string) {
    setErrors((before) => ({ ...before, [path]: text as ReviewErrorKey }));
    document.getElementById(inputId(path))?.focus();
  }
}

const inputId = (path: string) => "review-" + path.replace(/\./g, "-");

function takeAll(form: ReviewForm, take: boolean): ReviewForm {
  const all = <R,>(items: Item<R>[]) => items.map((i) => ({ ...i, take }));
  return {
    ...form,
    name: { ...form.name, take: take && !!form.name.value.trim() },
    title: { ...form.title, take: take && !!form.title.value.trim() },
    summary: { ...form.summary, take: take && !!form.summary.value.trim() },
    skills: all(form.skills),
    workHistory: all(form.workHistory),
    education: all(form.education),
    certifications: all(form.certifications),
  };
}

/** Every field of the draft, editable in place, each with its tick. */
function ReviewFields(props: {
  form: ReviewForm;
  setForm: (form: ReviewForm) => void;
  errors: ReviewErrors;
  draftNotes: string[];
  proposed: string[];
  current: Profile | null | undefined;
}): ReactNode {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const { form, setForm, errors, current } = props;
  // A client check's key is translated; a server problem's text is shown as it came.
  const message = (path: string) => {
    const key = errors[path];
    if (!key) return undefined;
    return key in messages.ja ? t(key as keyof (typeof messages)["ja"]) : key;
  };
  const described = (path: string) => ({
    id: inputId(path),
    "aria-invalid": errors[path] ? true : undefined,
    "aria-describedby": errors[path] ? inputId(path) + "-error" : undefined,
  });
  const fieldError = (path: string) =>
    errors[path] ? (
      <span className="field-error error" id={inputId(path) + "-error"}>
        {message(path)}
      </span>
    ) : null;
  const input = (path: string, label: string, value: string, onChange: (v: string) => void, extra: Record<string, unknown> = {}) => (
    <label className="field">
      {label}
      <input {...described(path)} value={value} onChange={(e) => onChange(e.target.value)} {...extra} />
      {fieldError(path)}
    </label>
  );
  const acquiredField = (path: string, value: string, onChange: (v: string) => void) => (
    <AcquiredInput field={described(path)} value={value} onChange={onChange} error={fieldError(path)} />
  );
  const tick = (path: string, take: boolean, onChange: (take: boolean) => void) => (
    <label className="take">
      <input type="checkbox" id={inputId(path) + "-take"} checked={take} onChange={(e) => onChange(e.target.checked)} /> {t("take")}
    </label>
  );
  const updateItem = <K extends "skills" | "workHistory" | "education" | "certifications">(key: K, i: number, patch: Partial<ReviewForm[K][number]>) =>
    setForm({ ...form, [key]: form[key].map((item, j) => (j === i ? { ...item, ...patch } : item)) });
  const updateRow = <K extends "skills" | "workHistory" | "education" | "certifications">(
    key: K,
    i: number,
    patch: Partial<ReviewForm[K][number]["row"]>,
  ) =>
    setForm({
      ...form,
      [key]: form[key].map((item, j) => (j === i ? { ...item, take: true, row: { ...item.row, ...patch } } : item)),
    });

  const textField = (key: "name" | "title" | "summary", label: string, multiline: boolean) => {
    const f = form[key];
    if (!f.value && !f.take && !current?.[key]) return null;
    const change = (value: string) => setForm({ ...form, [key]: { take: true, value } });
    return (
      <div className={"review-item" + (f.take ? "" : " untaken")} id={inputId(key) + "-item"}>
        {tick(key, f.take, (take) => setForm({ ...form, [key]: { ...f, take } }))}
        <label className="field wide">
          {label}
          {multiline ? (
            <textarea {...described(key)} value={f.value} rows={4} onChange={(e) => change(e.target.value)} />
          ) : (
            <input {...described(key)} value={f.value} onChange={(e) => change(e.target.value)} />
          )}
          {fieldError(key)}
        </label>
        <p className="now">{t("now", { value: current?.[key] || t("none") })}</p>
      </div>
    );
  };

  const skillFields = (path: string, row: SkillRow, change: (patch: Partial<SkillRow>) => void) => (
    <>
      {input(`${path}.name`, t("skillName"), row.name, (name) => change({ name }))}
      {input(`${path}.years`, t("years"), row.years, (years) => change({ years }), { inputMode: "decimal" })}
      <label className="field">
        {t("level")}
        <select {...described(`${path}.level`)} value={row.level} onChange={(e) => change({ level: e.target.value as SkillRow["level"] })}>
          <option value="">{t("noLevel")}</option>
          {SKILL_LEVELS.map((level) => (
            <option key={level} value={level}>
              {enums(level)}
            </option>
          ))}
        </select>
      </label>
    </>
  );

  const taken = skillNames(form);
  const proposed = props.proposed.filter((name) => !taken.has(name.toLowerCase()));

  const engagement = (item: Item<EngagementRow>, i: number) => {
    const p = `workHistory.${i}`;
    const row = item.row;
    const change = (patch: Partial<EngagementRow>) => updateRow("workHistory", i, patch);
    const toggle = (phase: EngagementPhase) =>
      change({ phases: togglePhase(row.phases, phase) });
    return (
      <li key={i} className={"review-item" + (item.take ? "" : " untaken")} id={inputId(p)} aria-label={t("engagement", { n: i + 1 })} role="group">
        {tick(p, item.take, (take) => updateItem("workHistory", i, { take }))}
        {errors[p] ? (
          <p className="error field-error" id={inputId(p) + "-error"}>
            {message(p)}
          </p>
        ) : null}
        <div className="form-grid">
          {input(`${p}.company`, t("company"), row.company, (company) => change({ company }))}
          {input(`${p}.via`, t("via"), row.via, (via) => change({ via }))}
          {input(`${p}.project`, t("project"), row.project, (project) => change({ project }))}
          {input(`${p}.role`, t("role"), row.role, (role) => change({ role }))}
          {input(`${p}.teamSize`, t("members"), row.teamSize, (teamSize) => change({ teamSize }), { inputMode: "numeric" })}
          {input(`${p}.from`, t("from"), row.from, (from) => change({ from }), { type: "month" })}
          <div className="field">
            {input(`${p}.to`, t("to"), row.ongoing ? "" : row.to, (to) => change({ to, ongoing: false }), { type: "month", disabled: row.ongoing })}
            <label>
              <input type="checkbox" id={inputId(p) + "-ongoing"} checked={row.ongoing} onChange={(e) => change({ ongoing: e.target.checked })} /> {t("ongoing")}
            </label>
          </div>
          <fieldset className="phases span-all" id={inputId(p) + "-phases"}>
            <legend>{t("phases")}</legend>
            {ENGAGEMENT_PHASES.map((phase) => (
              <label key={phase}>
                <input type="checkbox" id={`${inputId(p)}-phase-${phase}`} checked={row.phases.includes(phase)} onChange={() => toggle(phase)} /> {t(phase)}
              </label>
            ))}
          </fieldset>
          <div className="span-all">{input(`${p}.technologies`, t("technologies"), row.technologies, (technologies) => change({ technologies }))}</div>
          <label className="field span-all">
            {t("description")}
            <textarea {...described(`${p}.description`)} rows={3} value={row.description} onChange={(e) => change({ description: e.target.value })} />
            {fieldError(`${p}.description`)}
          </label>
        </div>
      </li>
    );
  };

  return (
    <>
      {textField("name", t("name"), false)}
      {textField("title", t("headline"), false)}
      {textField("summary", t("summary"), true)}

      <fieldset className="group" id="review-skills">
        <legend>{t("skills")}</legend>
        <ol className="plain">
          {form.skills.map((item, i) => (
            <li key={i} className={"skill-row" + (item.take ? "" : " untaken")} aria-label={item.row.name} role="group">
              {tick(`skills.${i}`, item.take, (take) => updateItem("skills", i, { take }))}
              {skillFields(`skills.${i}`, item.row, (patch) => updateRow("skills", i, patch))}
            </li>
          ))}
        </ol>
        {errors.skills ? <p className="error">{message("skills")}</p> : null}
        {proposed.length ? (
          <div id="review-proposed">
            <h3 style={{ fontSize: "1rem", margin: "12px 0 2px" }}>{t("proposedHeading")}</h3>
            <p className="muted" style={{ margin: 0 }}>
              {t("proposedIntro")}
            </p>
            <ul className="proposed">
              {proposed.map((name, i) => (
                <li key={name}>
                  <button
                    type="button"
                    className="button subtle"
                    id={`take-proposed-${i}`}
                    aria-label={t("takeProposedLabel", { name })}
                    onClick={() => setForm(takeProposed(form, name))}
                  >
                    {t("takeProposed", { name })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <h3 style={{ fontSize: "1rem", margin: "12px 0 4px" }}>{t("addedHeading")}</h3>
        {errors.added ? (
          <p className="error field-error" id="review-added-error">
            {message("added")}
          </p>
        ) : null}
        <ol className="plain" id="review-added">
          {form.added.map((row, i) => (
            <li key={i} className="skill-row" role="group" aria-label={row.name || t("addedHeading")}>
              <span />
              {skillFields(`added.${i}`, row, (patch) =>
                setForm({ ...form, added: form.added.map((r, j) => (j === i ? { ...r, ...patch } : r)) }),
              )}
              <button
                type="button"
                className="button subtle"
                aria-label={t("removeSkillLabel", { n: i + 1 })}
                onClick={() => setForm({ ...form, added: form.added.filter((_, j) => j !== i) })}
              >
                {t("removeSkill")}
              </button>
            </li>
          ))}
        </ol>
        <p style={{ marginBottom: 0 }}>
          <button type="button" className="button subtle" id="add-skill" onClick={() => setForm({ ...form, added: [...form.added, { ...EMPTY_SKILL }] })}>
            {t("addSkill")}
          </button>
        </p>
      </fieldset>

      {form.workHistory.length ? (
        <fieldset className="group" id="review-workHistory">
          <legend>{t("work")}</legend>
          <ol className="plain">{form.workHistory.map(engagement)}</ol>
        </fieldset>
      ) : null}

      {form.education.length ? (
        <fieldset className="group" id="review-education">
          <legend>{t("education")}</legend>
          <ol className="plain">
            {form.education.map((item, i) => {
              const p = `education.${i}`;
              const change = (patch: Partial<EducationRow>) => updateRow("education", i, patch);
              return (
                <li key={i} className={"review-item" + (item.take ? "" : " untaken")} role="group" aria-label={item.row.school}>
                  {tick(p, item.take, (take) => updateItem("education", i, { take }))}
                  <div className="form-grid">
                    {input(`${p}.school`, t("school"), item.row.school, (school) => change({ school }))}
                    {input(`${p}.degree`, t("degree"), item.row.degree, (degree) => change({ degree }))}
                    {input(`${p}.field`, t("field"), item.row.field, (field) => change({ field }))}
                    {input(`${p}.from`, t("from"), item.row.from, (from) => change({ from }), { type: "month" })}
                    {input(`${p}.to`, t("to"), item.row.to, (to) => change({ to }), { type: "month" })}
                  </div>
                </li>
              );
            })}
          </ol>
        </fieldset>
      ) : null}

      {form.certifications.length ? (
        <fieldset className="group" id="review-certifications">
          <legend>{t("certifications")}</legend>
          <ol className="plain">
            {form.certifications.map((item, i) => {
              const p = `certifications.${i}`;
              return (
                <li key={i} className={"review-item" + (item.take ? "" : " untaken")} role="group" aria-label={item.row.name}>
                  {tick(p, item.take, (take) => updateItem("certifications", i, { take }))}
                  <div className="form-grid">
                    {input(`${p}.name`, t("certification"), item.row.name, (name) => updateRow("certifications", i, { name }))}
                    {acquiredField(`${p}.acquired`, item.row.acquired, (acquired) => updateRow("certifications", i, { acquired }))}
                  </div>
                </li>
              );
            })}
          </ol>
        </fieldset>
      ) : null}

      {props.draftNotes.length ? (
        <section className="card" aria-labelledby="review-notes-heading">
          <h2 id="review-notes-heading" style={{ marginTop: 0 }}>
            {t("notes")}
          </h2>
          <ul id="review-notes">
            {props.draftNotes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
