// ---- talent invitations to the signed-in freelancer (signup.api MyTalentInvitationsResource) ----

/** An agency's pending invitation to the caller's verified address, as `/v1/me/talent-invitations` lists it. */
export type MyTalentInvitationView = {
  id: string;
  tenantSlug: string;
  tenantName: string;
  status: "PENDING" | "ACCEPTED" | "DECLINED" | "REVOKED" | "EXPIRED";
  invitedAt: string;
  expiresAt: string;
  /** What accepting shares, and the tenant's purpose of use it agrees to. */
  sharedItems: string[];
  sharingPurpose: string;
  /** The version of sharedItems and sharingPurpose shown: sent back when accepting. */
  termsVersion?: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Days left to answer, a part day counting as a whole one so that "0 days" never shows while the
 * invitation can still be answered; 0 once it has expired.
 */
export function daysLeft(expiresAt: string, now: Date): number {
  const left = new Date(expiresAt).getTime() - now.getTime();
  if (!Number.isFinite(left) || left <= 0) return 0;
  return Math.ceil(left / DAY_MS);
}

/** What is still answerable, the one about to lapse first (the server lists newest first). */
export function answerable(invitations: MyTalentInvitationView[], now: Date): MyTalentInvitationView[] {
  return invitations
    .filter((invitation) => invitation.status === "PENDING" && daysLeft(invitation.expiresAt, now) > 0)
    .sort((a, b) => new Date(a.expiresAt).getTime() - new Date(b.expiresAt).getTime());
}
