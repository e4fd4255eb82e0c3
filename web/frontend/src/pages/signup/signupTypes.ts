/** `GET /v1/me/onboarding`: the freelancer's first-run guide. */
export type OnboardingView = {
  offered: boolean;
  show: boolean;
  step: OnboardingStep | "DONE" | null;
  startedAt: string | null;
  finishedAt: string | null;
  outcome: "COMPLETED" | "SKIPPED" | null;
  termsVersion: string;
  privacyVersion: string;
  termsAccepted: boolean;
  termsAcceptedAt: string | null;
  termsAcceptedVia: "SIGN_UP_FORM" | "PORTAL" | null;
};

export type OnboardingStep = "TERMS" | "PROFILE" | "AVAILABILITY" | "SHARING";

export type TalentInvitationStatus = "PENDING" | "ACCEPTED" | "DECLINED" | "REVOKED" | "EXPIRED";

/** A talent invitation as the tenant's staff see it. */
export type TalentInvitationView = {
  id: string;
  email: string;
  familyName: string | null;
  givenName: string | null;
  language: "ja" | "en";
  status: TalentInvitationStatus;
  invitedAt: string;
  expiresAt: string;
  mailedAt: string | null;
  answeredAt: string | null;
};

export type InvitedView = {
  invitation: TalentInvitationView;
  mail: { status: "SENT" | "NOT_SENT"; sentAt: string | null; problem: string | null };
};

/** What the invitee sees through the link. */
export type InvitationLinkView = {
  tenantSlug: string;
  tenantName: string;
  email: string;
  familyName: string | null;
  givenName: string | null;
  status: TalentInvitationStatus;
  expiresAt: string;
  /** What accepting shares, and the tenant's purpose of use it agrees to. */
  sharedItems?: string[];
  sharingPurpose?: string;
  /** The version of those terms: sent back when accepting. */
  termsVersion?: string;
};
