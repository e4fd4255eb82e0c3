import { describe, expect, it } from "vitest";
import { checkInvite, fullName, grantableRoles, inviteBody, standingOf, type MemberView } from "./members";

const base: MemberView = {
  id: "m1",
  email: "sato@example.jp",
  displayName: "Hana Sato",
  role: "recruiter",
  workspaceId: null,
  since: "2026-12-01T00:00:00Z",
  status: "ACTIVE",
  invitationPending: false,
  invitationMailedAt: null,
  invitationExpiresAt: null,
};

describe("standingOf", () => {
  it("is a member once nothing is pending", () => {
    expect(standingOf(base)).toEqual({ kind: "member" });
  });
  it("says the mail was not sent when the server never took it", () => {
    expect(standingOf({ ...base, invitationPending: true })).toEqual({ kind: "not-mailed" });
  });
  it("tells a mailed link that expired from a live one", () => {
    const mailed = {
      ...base,
      invitationPending: true,
      invitationMailedAt: "2026-12-01T00:00:00Z",
      invitationExpiresAt: "2026-12-08T00:00:00Z",
    };
    expect(standingOf(mailed, new Date("2026-12-07T00:00:00Z"))).toEqual({ kind: "mailed", at: mailed.invitationMailedAt, expired: false });
    expect(standingOf(mailed, new Date("2026-12-09T00:00:00Z"))).toMatchObject({ expired: true });
  });
  it("waits for an existing account to accept", () => {
    expect(standingOf({ ...base, status: "INVITED", invitationPending: true })).toEqual({ kind: "awaiting-acceptance" });
  });
});

describe("invitations", () => {
  it("writes the family name first in Japanese only", () => {
    expect(fullName("佐藤", "花子", "ja")).toBe("佐藤 花子");
    expect(fullName("Sato", "Hana", "en")).toBe("Hana Sato");
  });
  it("needs a workspace for a company role in an agency, not in a company tenant", () => {
    const form = { email: "a@example.jp", familyName: "佐藤", givenName: "花子", role: "company-member" as const, workspaceId: "", language: "ja" as const };
    expect(checkInvite(form, "AGENCY")).toEqual({ workspaceId: "required" });
    expect(checkInvite(form, "COMPANY")).toEqual({});
  });
  it("refuses an address without a domain", () => {
    const form = { email: "sato@", familyName: "佐藤", givenName: "花子", role: "recruiter" as const, workspaceId: "x", language: "ja" as const };
    expect(checkInvite(form, "AGENCY")).toEqual({ email: "email" });
    expect(inviteBody(form).workspaceId).toBeUndefined();
  });
  it("offers a company admin only company roles", () => {
    expect(grantableRoles("AGENCY", "company-admin")).toEqual(["company-admin", "company-member"]);
    expect(grantableRoles("AGENCY", "agency-admin")).toContain("agency-admin");
  });
});
