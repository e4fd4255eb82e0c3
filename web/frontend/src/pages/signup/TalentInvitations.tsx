import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { problemText, serverErrors, type FieldErrors } from "../shared/problems";
import { FieldError, invalid, LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { canResend, canRevoke, checkInviteEmail, inviteeName } from "./onboarding";
import type { InvitedView, TalentInvitationStatus, TalentInvitationView } from "./signupTypes";

const messages = defineMessages({
  ja: {
    title: "人材プールへの招待",
    intro: "フリーランスの方をメールで招待します。本人が招待を承諾すると、プロフィールと稼働状況がこのポータルに公開されます。辞退・期限切れの場合は何も公開されません。",
    invite: "フリーランスを招待",
    familyName: "姓（任意）",
    givenName: "名（任意）",
    email: "メールアドレス",
    language: "招待メールの言語",
    japanese: "日本語",
    english: "英語",
    submit: "招待メールを送る",
    required: "入力してください。",
    badEmail: "メールアドレスの形式が正しくありません。",
    sent: "{email} に招待メールを送りました。",
    notSent: "招待は登録しましたが、メールを送れませんでした（{reason}）。一覧の「再送」からもう一度送れます。",
    resent: "{email} に招待メールを再送しました。以前のリンクは使えなくなりました。",
    revoked: "{email} への招待を取り消しました。",
    confirmRevoke: "{email} への招待を取り消しますか？メールのリンクは使えなくなります。",
    listTitle: "招待の一覧",
    name: "氏名",
    status: "状態",
    invitedAt: "招待日",
    expiresAt: "有効期限",
    actions: "操作",
    resend: "再送",
    revoke: "取り消す",
    empty: "まだ招待していません。",
    PENDING: "承諾待ち",
    ACCEPTED: "承諾済み（公開中）",
    DECLINED: "辞退",
    REVOKED: "取り消し済み",
    EXPIRED: "期限切れ",
    notMailed: "（メール未送信）",
  },
  en: {
    title: "Talent pool invitations",
    intro: "Invite freelancers by mail. When they accept, their profile and availability are shared with this portal. If they decline or the link expires, nothing is shared.",
    invite: "Invite a freelancer",
    familyName: "Family name (optional)",
    givenName: "Given name (optional)",
    email: "E-mail",
    language: "Mail language",
    japanese: "Japanese",
    english: "English",
    submit: "Send invitation",
    required: "Required.",
    badEmail: "This is not an e-mail address.",
    sent: "Invitation sent to {email}.",
    notSent: "The invitation is saved but the mail could not be sent ({reason}). Use Resend in the list.",
    resent: "Invitation sent again to {email}; the earlier link no longer works.",
    revoked: "Invitation to {email} revoked.",
    confirmRevoke: "Revoke the invitation to {email}? Its link will stop working.",
    listTitle: "Invitations",
    name: "Name",
    status: "Status",
    invitedAt: "Invited",
    expiresAt: "Expires",
    actions: "Actions",
    resend: "Resend",
    revoke: "Revoke",
    empty: "No invitations yet.",
    PENDING: "Awaiting answer",
    ACCEPTED: "Accepted (sharing)",
    DECLINED: "Declined",
    REVOKED: "Revoked",
    EXPIRED: "Expired",
    notMailed: "(mail not sent)",
  },
});

const FORM_ID = "talent-invite";
type Field = "email" | "familyName" | "givenName";

/** `/talent-invitations`: staff invite freelancers into the tenant's talent pool by mail. */
export function TalentInvitations() {
  const t = useT(messages);
  const language = useLang();
  const empty = { email: "", familyName: "", givenName: "", language };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const inviting = useAction();
  const acting = useAction();
  const { loaded, reload, set } = useLoad(
    (signal) => api<TalentInvitationView[]>("/v1/talent-invitations", { signal }),
    [],
  );

  const replace = (changed: TalentInvitationView) =>
    set((list) =>
      list.some((i) => i.id === changed.id)
        ? list.map((i) => (i.id === changed.id ? changed : i))
        : [changed, ...list],
    );

  async function invite(event: FormEvent) {
    event.preventDefault();
    const problem = checkInviteEmail(form.email);
    if (problem) {
      setErrors({ email: problem === "required" ? t("required") : t("badEmail") });
      return;
    }
    setErrors({});
    await inviting.run(
      async () => {
        const result = await api<InvitedView>("/v1/talent-invitations", {
          method: "POST",
          body: {
            email: form.email.trim(),
            familyName: form.familyName.trim() || null,
            givenName: form.givenName.trim() || null,
            language: form.language,
          },
        });
        setForm(empty);
        replace(result.invitation);
        if (result.mail.status === "NOT_SENT") {
          throw new Error(t("notSent", { reason: result.mail.problem ?? "" }));
        }
        return t("sent", { email: result.invitation.email });
      },
      (e) => {
        if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
        setErrors(serverErrors<Field>(e, language, ["email", "familyName", "givenName"]));
        return problemText(e, language);
      },
    );
  }

  const resend = (invitation: TalentInvitationView) =>
    void acting.run(
      async () => {
        const result = await api<InvitedView>(`/v1/talent-invitations/${invitation.id}/resend`, { method: "POST" });
        replace(result.invitation);
        return t("resent", { email: invitation.email });
      },
      (e) => problemText(e, language),
    );

  const revoke = (invitation: TalentInvitationView) => {
    if (!window.confirm(t("confirmRevoke", { email: invitation.email }))) return;
    void acting.run(
      async () => {
        replace(await api<TalentInvitationView>(`/v1/talent-invitations/${invitation.id}`, { method: "DELETE" }));
        return t("revoked", { email: invitation.email });
      },
      (e) => problemText(e, language),
    );
  };

  const statusText = (status: TalentInvitationStatus) => t(status);

  return (
    <section aria-labelledby="talent-title" className="stack">
      <h1 id="talent-title">{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <form id={FORM_ID} className="card stack" onSubmit={invite} noValidate aria-labelledby="talent-invite-title">
        <h2 id="talent-invite-title">{t("invite")}</h2>
        <div className="row wrap">
          <label className="field">
            <span>{t("familyName")}</span>
            <input
              {...invalid(FORM_ID, "familyName", errors.familyName)}
              value={form.familyName}
              autoComplete="off"
              onChange={(e) => setForm({ ...form, familyName: e.target.value })}
            />
            <FieldError id={`${FORM_ID}-familyName-error`} text={errors.familyName} />
          </label>
          <label className="field">
            <span>{t("givenName")}</span>
            <input
              {...invalid(FORM_ID, "givenName", errors.givenName)}
              value={form.givenName}
              autoComplete="off"
              onChange={(e) => setForm({ ...form, givenName: e.target.value })}
            />
            <FieldError id={`${FORM_ID}-givenName-error`} text={errors.givenName} />
          </label>
          <label className="field grow">
            <span>{t("email")}</span>
            <input
              {...invalid(FORM_ID, "email", errors.email)}
              type="email"
              value={form.email}
              autoComplete="off"
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
            <FieldError id={`${FORM_ID}-email-error`} text={errors.email} />
          </label>
          <label className="field">
            <span>{t("language")}</span>
            <select
              id={`${FORM_ID}-language`}
              value={form.language}
              onChange={(e) => setForm({ ...form, language: e.target.value as "ja" | "en" })}
            >
              <option value="ja">{t("japanese")}</option>
              <option value="en">{t("english")}</option>
            </select>
          </label>
        </div>
        {errors.form ? (
          <p className="error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" id={`${FORM_ID}-submit`} disabled={inviting.busy}>
            {t("submit")}
          </button>
        </div>
        <NoticeLine notice={inviting.notice} id="talent-invite-notice" />
      </form>
      <h2>{t("listTitle")}</h2>
      <NoticeLine notice={acting.notice} id="talent-list-notice" />
      <LoadState loaded={loaded} reload={reload}>
        {(invitations) =>
          invitations.length === 0 ? (
            <p className="muted">{t("empty")}</p>
          ) : (
            <table className="table" id="talent-invitations">
              <thead>
                <tr>
                  <th scope="col">{t("email")}</th>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("invitedAt")}</th>
                  <th scope="col">{t("expiresAt")}</th>
                  <th scope="col">{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id} data-status={invitation.status}>
                    <td>{invitation.email}</td>
                    <td>{inviteeName(invitation.familyName, invitation.givenName, language) || "—"}</td>
                    <td>
                      {statusText(invitation.status)}
                      {invitation.status === "PENDING" && !invitation.mailedAt ? ` ${t("notMailed")}` : ""}
                    </td>
                    <td>{formatDate(language, invitation.invitedAt)}</td>
                    <td>{formatDate(language, invitation.expiresAt)}</td>
                    <td className="actions">
                      {canResend(invitation.status) ? (
                        <button type="button" className="button subtle" disabled={acting.busy} onClick={() => resend(invitation)}>
                          {t("resend")}
                        </button>
                      ) : null}
                      {canRevoke(invitation.status) ? (
                        <button type="button" className="button subtle" disabled={acting.busy} onClick={() => revoke(invitation)}>
                          {t("revoke")}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </section>
  );
}
