/** A member as `GET /v1/members` lists them. */
export type MemberView = {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  workspaceId: string | null;
  since: string;
  status: "ACTIVE" | "INVITED";
  invitationPending: boolean;
  invitationMailedAt: string | null;
  invitationExpiresAt: string | null;
};

export type MailDelivery = { status: "SENT" | "NOT_SENT" | "NOT_NEEDED"; sentAt: string | null; problem: string | null };

/** `POST /v1/members` and its resend: the member and whether the invitation mail left. */
export type InvitedMember = { member: MemberView; invitationMail: MailDelivery };

export type Role = "agency-admin" | "recruiter" | "company-admin" | "company-member";

export const ROLE_LABELS = {
  ja: {
    "agency-admin": "エージェント管理者",
    recruiter: "リクルーター",
    "company-admin": "企業管理者",
    "company-member": "企業メンバー",
  },
  en: {
    "agency-admin": "Agency admin",
    recruiter: "Recruiter",
    "company-admin": "Company admin",
    "company-member": "Company member",
  },
} as const;

/** The roles a caller may give: an agency admin any role of an agency, a company admin company roles. */
export function grantableRoles(tenantType: "AGENCY" | "COMPANY", callerRole: string | null): Role[] {
  if (tenantType === "COMPANY" || callerRole === "company-admin") return ["company-admin", "company-member"];
  return ["agency-admin", "recruiter", "company-admin", "company-member"];
}

export function isAdministrator(role: string | null | undefined): boolean {
  return role === "agency-admin" || role === "company-admin";
}

/** Where an invitation stands, for the members list. */
export type Standing =
  | { kind: "member" }
  | { kind: "awaiting-acceptance" }
  | { kind: "mailed"; at: string; expired: boolean }
  | { kind: "not-mailed" };

export function standingOf(member: MemberView, now: Date = new Date()): Standing {
  if (!member.invitationPending) return { kind: "member" };
  if (!member.invitationMailedAt) {
    // An existing account's offer is shown in their portal even without the mail.
    return member.status === "INVITED" ? { kind: "awaiting-acceptance" } : { kind: "not-mailed" };
  }
  const expired = member.invitationExpiresAt !== null && new Date(member.invitationExpiresAt) <= now;
  return { kind: "mailed", at: member.invitationMailedAt, expired };
}

/** A person's name as Japanese writes it: family name first, a space between. */
export function fullName(familyName: string, givenName: string, language: "ja" | "en"): string {
  const family = familyName.trim();
  const given = givenName.trim();
  return language === "ja" ? `${family} ${given}`.trim() : `${given} ${family}`.trim();
}

export type InviteForm = {
  email: string;
  familyName: string;
  givenName: string;
  role: Role;
  workspaceId: string;
  language: "ja" | "en";
};

export type InviteErrorKey = "email" | "familyName" | "givenName" | "workspaceId";

/** What the form can tell before the server does. */
export function checkInvite(form: InviteForm, tenantType: "AGENCY" | "COMPANY"): Partial<Record<InviteErrorKey, "required" | "email">> {
  const errors: Partial<Record<InviteErrorKey, "required" | "email">> = {};
  if (!form.email.trim()) errors.email = "required";
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) errors.email = "email";
  if (!form.familyName.trim()) errors.familyName = "required";
  if (!form.givenName.trim()) errors.givenName = "required";
  const companyRole = form.role === "company-admin" || form.role === "company-member";
  if (tenantType === "AGENCY" && companyRole && !form.workspaceId) errors.workspaceId = "required";
  return errors;
}

/** The request body: the API names the given name firstName and the family name lastName. */
export function inviteBody(form: InviteForm) {
  const companyRole = form.role === "company-admin" || form.role === "company-member";
  return {
    email: form.email.trim(),
    firstName: form.givenName.trim(),
    lastName: form.familyName.trim(),
    role: form.role,
    workspaceId: companyRole && form.workspaceId ? form.workspaceId : undefined,
    language: form.language,
  };
}
