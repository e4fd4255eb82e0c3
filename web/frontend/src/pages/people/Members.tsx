import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { useSession } from "../../session";
import type { WorkspaceView } from "../apiTypes";
import { problemText, serverErrors, type FieldErrors } from "../shared/problems";
import { FieldError, invalid, LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import {
  checkInvite,
  grantableRoles,
  inviteBody,
  isAdministrator,
  ROLE_LABELS,
  standingOf,
  type InvitedMember,
  type InviteErrorKey,
  type InviteForm,
  type MemberView,
  type Role,
} from "./members";

const messages = defineMessages({
  ja: {
    title: "メンバー",
    intro: "このポータルを使うスタッフです。招待はメールで届き、本人がリンクからパスワードを設定して参加します。",
    invite: "メンバーを招待",
    email: "メールアドレス",
    familyName: "姓",
    givenName: "名",
    role: "役割",
    workspace: "企業ワークスペース",
    chooseWorkspace: "ワークスペースを選択",
    language: "招待メールの言語",
    japanese: "日本語",
    english: "英語",
    submit: "招待メールを送る",
    required: "入力してください。",
    badEmail: "メールアドレスの形式が正しくありません。",
    workspaceRequired: "企業の役割にはワークスペースが必要です。",
    sent: "{email} に招待メールを送りました。",
    notSent: "招待は登録しましたが、メールを送れませんでした（{reason}）。一覧の「再送」からもう一度送れます。",
    resent: "{email} に招待メールを再送しました。以前のリンクは使えなくなりました。",
    listTitle: "メンバー一覧",
    name: "氏名",
    standing: "状態",
    actions: "操作",
    member: "参加済み（{date}〜）",
    awaitingAcceptance: "承諾待ち（既存のアカウント）",
    mailed: "招待中：{date} にメール送信",
    expired: "招待リンクの期限切れ：再送してください",
    notMailed: "招待メール未送信",
    resend: "再送",
    remove: "削除",
    withdraw: "招待を取り消す",
    confirmRemove: "{name} さんをメンバーから外しますか？アカウント自体は削除されません。",
    removed: "{name} さんをメンバーから外しました。",
    roleChanged: "{name} さんの役割を「{role}」に変更しました。",
    changeRoleOf: "{name} さんの役割",
    you: "（あなた）",
    empty: "メンバーがいません。",
    adminsOnly: "招待や役割の変更は管理者が行えます。",
  },
  en: {
    title: "Members",
    intro: "The staff who use this portal. Invitations arrive by mail; the invitee sets a password through the link and joins.",
    invite: "Invite a member",
    email: "E-mail",
    familyName: "Family name",
    givenName: "Given name",
    role: "Role",
    workspace: "Company workspace",
    chooseWorkspace: "Choose a workspace",
    language: "Invitation mail language",
    japanese: "Japanese",
    english: "English",
    submit: "Send invitation",
    required: "Required.",
    badEmail: "This is not an e-mail address.",
    workspaceRequired: "Company roles need a workspace.",
    sent: "Invitation mailed to {email}.",
    notSent: "The invitation is saved, but the mail was not sent ({reason}). Use “Resend” in the list to send it again.",
    resent: "Invitation mailed again to {email}; the earlier link no longer works.",
    listTitle: "All members",
    name: "Name",
    standing: "Status",
    actions: "Actions",
    member: "Member since {date}",
    awaitingAcceptance: "Waiting for acceptance (existing account)",
    mailed: "Invited: mail sent {date}",
    expired: "Invitation link expired: resend it",
    notMailed: "Invitation mail not sent",
    resend: "Resend",
    remove: "Remove",
    withdraw: "Withdraw invitation",
    confirmRemove: "Remove {name} from the members? Their account itself is kept.",
    removed: "{name} is no longer a member.",
    roleChanged: "{name} is now {role}.",
    changeRoleOf: "Role of {name}",
    you: " (you)",
    empty: "No members.",
    adminsOnly: "Administrators invite people and change roles.",
  },
});

const FORM_ID = "invite-form";

type Data = { members: MemberView[]; workspaces: WorkspaceView[] };

/** `/members`: who uses the portal, invitations by mail, roles, removal. */
export function Members() {
  const t = useT(messages);
  const language = useLang();
  const session = useSession();
  const tenantType = session.tenant?.type ?? "AGENCY";
  const callerRole = session.tenant?.yourRole ?? null;
  const admin = isAdministrator(callerRole);
  const roles = grantableRoles(tenantType, callerRole);
  const empty: InviteForm = {
    email: "",
    familyName: "",
    givenName: "",
    role: roles.includes("recruiter") ? "recruiter" : roles[roles.length - 1],
    workspaceId: "",
    language,
  };
  const [form, setForm] = useState<InviteForm>(empty);
  const [errors, setErrors] = useState<FieldErrors<InviteErrorKey>>({});
  const inviting = useAction();
  const acting = useAction();

  const data = useLoad<Data>(async (signal) => {
    const [members, workspaces] = await Promise.all([
      api<MemberView[]>("/v1/members", { signal }),
      tenantType === "AGENCY"
        ? api<WorkspaceView[]>("/v1/workspaces", { signal }).catch((e) => {
            if (e instanceof DOMException) throw e;
            return [];
          })
        : Promise.resolve([]),
    ]);
    return { members, workspaces };
  }, []);

  const nameOf = (member: MemberView) => member.displayName || member.email;
  const companyRole = form.role === "company-admin" || form.role === "company-member";

  async function invite(event: FormEvent) {
    event.preventDefault();
    const found = checkInvite(form, tenantType);
    const shown: FieldErrors<InviteErrorKey> = {};
    for (const [key, kind] of Object.entries(found)) {
      shown[key as InviteErrorKey] =
        kind === "email" ? t("badEmail") : key === "workspaceId" ? t("workspaceRequired") : t("required");
    }
    setErrors(shown);
    if (Object.keys(shown).length > 0) return;
    await inviting.run(
      async () => {
        const result = await api<InvitedMember>("/v1/members", { method: "POST", body: inviteBody(form) });
        setForm(empty);
        data.reload();
        if (result.invitationMail.status === "NOT_SENT") {
          throw new Error(t("notSent", { reason: result.invitationMail.problem ?? "" }));
        }
        return t("sent", { email: result.member.email });
      },
      (e) => {
        if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
        setErrors(
          serverErrors<InviteErrorKey>(e, language, ["email", "familyName", "givenName", "workspaceId"], [
            [/firstName/, "givenName"],
            [/lastName/, "familyName"],
          ]),
        );
        return problemText(e, language);
      },
    );
  }

  const resend = (member: MemberView) =>
    acting.run(
      async () => {
        await api<InvitedMember>(`/v1/members/${member.id}/invitation`, { method: "POST" });
        data.reload();
        return t("resent", { email: member.email });
      },
      (e) => problemText(e, language),
    );

  const remove = (member: MemberView) => {
    if (!window.confirm(t("confirmRemove", { name: nameOf(member) }))) return;
    void acting.run(
      async () => {
        await api(`/v1/members/${member.id}`, { method: "DELETE" });
        data.reload();
        return t("removed", { name: nameOf(member) });
      },
      (e) => problemText(e, language),
    );
  };

  const changeRole = (member: MemberView, role: Role, workspaceId: string | null) =>
    acting.run(
      async () => {
        await api<MemberView>(`/v1/members/${member.id}/role`, {
          method: "PUT",
          body: { role, workspaceId: workspaceId ?? undefined },
        });
        data.reload();
        return t("roleChanged", { name: nameOf(member), role: ROLE_LABELS[language][role] });
      },
      (e) => problemText(e, language),
    );

  const set = <K extends keyof InviteForm>(key: K, value: InviteForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  return (
    <section aria-labelledby="members-title" className="stack">
      <h1 id="members-title">{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <LoadState loaded={data.loaded} reload={data.reload} id="members-state">
        {({ members, workspaces }) => (
          <>
            {admin ? (
              <form id={FORM_ID} className="card stack" onSubmit={invite} noValidate aria-labelledby="invite-title">
                <h2 id="invite-title">{t("invite")}</h2>
                <div className="row wrap">
                  <label className="field">
                    <span>{t("familyName")}</span>
                    <input
                      {...invalid(FORM_ID, "familyName", errors.familyName)}
                      value={form.familyName}
                      autoComplete="off"
                      onChange={(e) => set("familyName", e.target.value)}
                    />
                    <FieldError id={`${FORM_ID}-familyName-error`} text={errors.familyName} />
                  </label>
                  <label className="field">
                    <span>{t("givenName")}</span>
                    <input
                      {...invalid(FORM_ID, "givenName", errors.givenName)}
                      value={form.givenName}
                      autoComplete="off"
                      onChange={(e) => set("givenName", e.target.value)}
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
                      onChange={(e) => set("email", e.target.value)}
                    />
                    <FieldError id={`${FORM_ID}-email-error`} text={errors.email} />
                  </label>
                </div>
                <div className="row wrap">
                  <label className="field">
                    <span>{t("role")}</span>
                    <select id={`${FORM_ID}-role`} value={form.role} onChange={(e) => set("role", e.target.value as Role)}>
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[language][role]}
                        </option>
                      ))}
                    </select>
                  </label>
                  {tenantType === "AGENCY" && companyRole ? (
                    <label className="field">
                      <span>{t("workspace")}</span>
                      <select
                        {...invalid(FORM_ID, "workspaceId", errors.workspaceId)}
                        value={form.workspaceId}
                        onChange={(e) => set("workspaceId", e.target.value)}
                      >
                        <option value="">{t("chooseWorkspace")}</option>
                        {workspaces.map((w) => (
                          <option key={w.id} value={w.id}>
                            {w.name}
                          </option>
                        ))}
                      </select>
                      <FieldError id={`${FORM_ID}-workspaceId-error`} text={errors.workspaceId} />
                    </label>
                  ) : null}
                  <label className="field">
                    <span>{t("language")}</span>
                    <select
                      id={`${FORM_ID}-language`}
                      value={form.language}
                      onChange={(e) => set("language", e.target.value as "ja" | "en")}
                    >
                      <option value="ja">{t("japanese")}</option>
                      <option value="en">{t("english")}</option>
                    </select>
                  </label>
                </div>
                <div className="row">
                  <button type="submit" className="button accent" disabled={inviting.busy}>
                    {t("submit")}
                  </button>
                </div>
                <NoticeLine notice={inviting.notice} id="invite-notice" />
              </form>
            ) : (
              <p className="muted">{t("adminsOnly")}</p>
            )}
            <h2>{t("listTitle")}</h2>
            <NoticeLine notice={acting.notice} id="members-notice" />
            {members.length === 0 ? (
              <p className="muted">{t("empty")}</p>
            ) : (
              <table className="table" id="members">
                <thead>
                  <tr>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{t("email")}</th>
                    <th scope="col">{t("role")}</th>
                    <th scope="col">{t("standing")}</th>
                    {admin ? <th scope="col">{t("actions")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {members.map((member) => {
                    const standing = standingOf(member);
                    const self = member.email.toLowerCase() === session.identity.email?.toLowerCase();
                    return (
                      <tr key={member.id} data-testid={`member-${member.email}`}>
                        <td>
                          {nameOf(member)}
                          {self ? t("you") : ""}
                        </td>
                        <td>{member.email}</td>
                        <td>
                          {admin && roles.includes(member.role) ? (
                            <select
                              aria-label={t("changeRoleOf", { name: nameOf(member) })}
                              value={member.role}
                              disabled={acting.busy}
                              onChange={(e) => void changeRole(member, e.target.value as Role, member.workspaceId)}
                            >
                              {roles.map((role) => (
                                <option key={role} value={role}>
                                  {ROLE_LABELS[language][role]}
                                </option>
                              ))}
                            </select>
                          ) : (
                            ROLE_LABELS[language][member.role]
                          )}
                        </td>
                        <td className="standing">
                          {standing.kind === "member"
                            ? t("member", { date: formatDate(language, member.since) })
                            : standing.kind === "awaiting-acceptance"
                              ? t("awaitingAcceptance")
                              : standing.kind === "not-mailed"
                                ? <span className="error">{t("notMailed")}</span>
                                : standing.expired
                                  ? <span className="error">{t("expired")}</span>
                                  : t("mailed", { date: formatDate(language, standing.at) })}
                        </td>
                        {admin ? (
                          <td className="row">
                            {member.invitationPending && member.status === "ACTIVE" ? (
                              <button
                                type="button"
                                className="button subtle"
                                disabled={acting.busy}
                                onClick={() => void resend(member)}
                              >
                                {t("resend")}
                              </button>
                            ) : null}
                            {!self ? (
                              <button
                                type="button"
                                className="button subtle danger"
                                disabled={acting.busy}
                                onClick={() => remove(member)}
                              >
                                {member.invitationPending ? t("withdraw") : t("remove")}
                              </button>
                            ) : null}
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}
