import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link, navigate } from "@proxima/frontend-core/router";
import type { Profile, Skill, UploadView, WorkHistoryEntry } from "../apiTypes";
import { bytes } from "../shared/format";
import { ENUM_LABELS } from "../shared/labels";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { countSelected, emptySelection, reviewRequest, selectAll, toggled, type Selection } from "./review";

const messages = defineMessages({
  ja: {
    title: "スキルシート",
    intro: "お手元のスキルシート（PDF・Word・Excel・Markdown・テキスト、10MBまで）をアップロードすると、内容を読み取って下書きを作ります。確認して選んだ項目だけがプロフィールに反映されます。",
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
    PENDING: "確認待ち",
    APPLIED: "反映済み",
    DISCARDED: "破棄",
    back: "スキルシート一覧へ",
    reviewTitle: "読み取り結果の確認: {name}",
    reviewIntro: "反映したい項目にチェックを入れてください。チェックしていない項目はプロフィールのまま変わりません。",
    proposed: "読み取った内容",
    current: "現在のプロフィール",
    empty2: "（なし）",
    name: "氏名",
    headline: "職種・肩書き",
    summary: "自己PR",
    skills: "スキル",
    work: "職務経歴",
    education: "学歴",
    certifications: "資格",
    notes: "読み取れなかった箇所",
    take: "反映する",
    takeAll: "すべて選択",
    takeNone: "選択を解除",
    selected: "{count} 項目を選択中",
    apply: "選択した項目をプロフィールに反映",
    applied: "プロフィールに反映しました（版 {version}）。",
    discard: "この下書きを破棄",
    confirmDiscard: "この下書きを破棄しますか？プロフィールは変わりません。",
    discarded: "下書きを破棄しました。",
    decided: "この下書きは{status}です（{date}）。",
    conflict: "プロフィールが別の画面で更新されたか、この下書きは処理済みです。最新の状態を読み込みました。",
    years: "{years}年",
    present: "現在",
    nothingSelected: "反映する項目を選んでください。",
  },
  en: {
    title: "Skill sheets",
    intro: "Upload your skill sheet (PDF, Word, Excel, Markdown or text, up to 10 MB) and we read it into a draft. Only the parts you choose reach your profile.",
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
    PENDING: "To review",
    APPLIED: "Applied",
    DISCARDED: "Discarded",
    back: "Back to skill sheets",
    reviewTitle: "Review: {name}",
    reviewIntro: "Tick what you want on your profile. Anything not ticked stays as it is.",
    proposed: "Read from the sheet",
    current: "Your profile now",
    empty2: "(none)",
    name: "Name",
    headline: "Title",
    summary: "Summary",
    skills: "Skills",
    work: "Work history",
    education: "Education",
    certifications: "Certifications",
    notes: "Parts that could not be placed",
    take: "Take",
    takeAll: "Select all",
    takeNone: "Clear",
    selected: "{count} selected",
    apply: "Apply the selection to my profile",
    applied: "Applied to your profile (version {version}).",
    discard: "Discard this draft",
    confirmDiscard: "Discard this draft? Your profile does not change.",
    discarded: "Draft discarded.",
    decided: "This draft is {status} ({date}).",
    conflict: "Your profile changed elsewhere, or this draft was already handled. The latest is loaded.",
    years: "{years} yrs",
    present: "present",
    nothingSelected: "Choose something to apply.",
  },
});

const LIMIT = 10 * 1024 * 1024;

/** `/skill-sheets`: upload a sheet and list the uploads. */
export function SkillSheets() {
  const t = useT(messages);
  const language = useLang();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const action = useAction();
  const { loaded, reload } = useLoad((signal) => api<UploadView[]>("/v1/me/skill-sheets", { signal }), []);

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
        const view = await api<UploadView>(`/v1/me/skill-sheets?fileName=${encodeURIComponent(file.name)}`, {
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
        <LoadState loaded={loaded} reload={reload}>
          {(uploads) =>
            uploads.length === 0 ? (
              <p id="skill-sheets-empty">{t("empty")}</p>
            ) : (
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
                    {uploads.map((u) => (
                      <tr key={u.id} data-testid={"skill-sheet-" + u.id} data-status={u.status}>
                        <td data-label={t("fileName")}>{u.fileName}</td>
                        <td data-label={t("size")}>{bytes(u.sizeBytes)}</td>
                        <td data-label={t("uploadedAt")}>{formatDate(language, u.uploadedAt)}</td>
                        <td data-label={t("status")}>
                          <span className={"badge " + u.status}>{t(u.status)}</span>
                        </td>
                        <td>
                          <Link to={"/skill-sheets/" + u.id}>{t("review")}</Link>
                        </td>
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

/** `/skill-sheets/:sheetId`: the draft beside the profile; apply the ticked parts or discard. */
export function SkillSheetReview({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const id = params.sheetId;
  const [selection, setSelection] = useState<Selection>(emptySelection());
  const action = useAction();
  const { loaded, reload, set } = useLoad(
    (signal) => api<UploadView>(`/v1/me/skill-sheets/${encodeURIComponent(id)}`, { signal }),
    [id],
  );

  const skillText = (s: Skill) =>
    [s.name, s.years != null ? t("years", { years: s.years }) : null, s.level ? enums(s.level) : null].filter(Boolean).join(" · ");
  const workText = (w: WorkHistoryEntry) =>
    `${w.period.from}〜${w.period.to ?? t("present")} ${w.company ?? ""} ${w.role ?? ""}${
      w.technologies.length ? "（" + w.technologies.join(", ") + "）" : ""
    }`;

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
            if (countSelected(selection) === 0) {
              action.setNotice({ text: t("nothingSelected"), error: true });
              return;
            }
            void action.run(
              async () => {
                const saved = await api<Profile>(`/v1/me/skill-sheets/${encodeURIComponent(id)}/apply`, {
                  method: "POST",
                  body: reviewRequest(selection, current?.version ?? 0),
                });
                setSelection(emptySelection());
                reload();
                return t("applied", { version: saved.version });
              },
              (e) => {
                if (e instanceof ApiError && e.status === 409) {
                  reload();
                  return t("conflict");
                }
                return problemText(e, language);
              },
            );
          };
          const discard = () => {
            if (!window.confirm(t("confirmDiscard"))) return;
            void action.run(
              async () => {
                set(await api<UploadView>(`/v1/me/skill-sheets/${encodeURIComponent(id)}`, { method: "DELETE" }));
                return t("discarded");
              },
              (e) => problemText(e, language),
            );
          };
          const tick = (key: "name" | "title" | "summary", label: string, proposed?: string | null, now?: string | null) =>
            proposed ? (
              <Row
                label={label}
                checked={selection[key]}
                disabled={!pending}
                onChange={() => setSelection({ ...selection, [key]: !selection[key] })}
                proposed={proposed}
                current={now || t("empty2")}
                proposedLabel={t("proposed")}
                currentLabel={t("current")}
                take={t("take")}
                id={`review-${key}`}
              />
            ) : null;
          const list = <T,>(
            key: "skills" | "workHistory" | "education" | "certifications",
            heading: string,
            items: T[],
            describe: (item: T) => string,
          ) =>
            items.length ? (
              <fieldset className="group" id={`review-${key}`}>
                <legend>{heading}</legend>
                <ul className="plain">
                  {items.map((item, i) => (
                    <li key={i}>
                      <label>
                        <input
                          type="checkbox"
                          disabled={!pending}
                          checked={selection[key].has(i)}
                          onChange={() => setSelection({ ...selection, [key]: toggled(selection[key], i) })}
                        />{" "}
                        {describe(item)}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null;
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
              </p>
              {pending ? <p className="muted">{t("reviewIntro")}</p> : null}
              {draft ? (
                <form onSubmit={apply} id="skill-sheet-review" className="stack">
                  {pending ? (
                    <div className="actions">
                      <button type="button" className="button subtle" onClick={() => setSelection(selectAll(draft))}>
                        {t("takeAll")}
                      </button>
                      <button type="button" className="button subtle" onClick={() => setSelection(emptySelection())}>
                        {t("takeNone")}
                      </button>
                      <span className="muted" aria-live="polite" id="review-selected">
                        {t("selected", { count: countSelected(selection) })}
                      </span>
                    </div>
                  ) : null}
                  {tick("name", t("name"), draft.name, current?.name)}
                  {tick("title", t("headline"), draft.title, current?.title)}
                  {tick("summary", t("summary"), draft.summary, current?.summary)}
                  {list("skills", t("skills"), draft.skills, skillText)}
                  {list("workHistory", t("work"), draft.workHistory, workText)}
                  {list("education", t("education"), draft.education, (e) =>
                    [e.school, e.degree, e.field, e.period ? `${e.period.from}〜${e.period.to ?? ""}` : null].filter(Boolean).join(" · "),
                  )}
                  {list("certifications", t("certifications"), draft.certifications, (c) =>
                    [c.name, c.acquired].filter(Boolean).join(" · "),
                  )}
                  {draft.notes.length ? (
                    <section className="card" aria-labelledby="review-notes-heading">
                      <h2 id="review-notes-heading" style={{ marginTop: 0 }}>
                        {t("notes")}
                      </h2>
                      <ul id="review-notes">
                        {draft.notes.map((n, i) => (
                          <li key={i}>{n}</li>
                        ))}
                      </ul>
                    </section>
                  ) : null}
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
            </>
          );
        }}
      </LoadState>
    </>
  );
}

function Row(props: {
  id: string;
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange: () => void;
  proposed: string;
  current: string;
  proposedLabel: string;
  currentLabel: string;
  take: string;
}): ReactNode {
  return (
    <fieldset className="group" id={props.id}>
      <legend>{props.label}</legend>
      <div className="compare">
        <div>
          <h4>{props.proposedLabel}</h4>
          <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{props.proposed}</p>
        </div>
        <div>
          <h4>{props.currentLabel}</h4>
          <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{props.current}</p>
        </div>
      </div>
      <label>
        <input type="checkbox" checked={props.checked} disabled={props.disabled} onChange={props.onChange} /> {props.take}
      </label>
    </fieldset>
  );
}
