import { describe, expect, it } from "vitest";
import { answerable, daysLeft, type MyTalentInvitationView } from "./talentInvitations";

const now = new Date("2026-12-06T12:00:00Z");

function invitation(id: string, expiresAt: string, status: MyTalentInvitationView["status"] = "PENDING") {
  return {
    id,
    tenantSlug: "acme",
    tenantName: "株式会社アクメ",
    status,
    invitedAt: "2026-12-01T00:00:00Z",
    expiresAt,
    sharedItems: ["PROFILE"],
    sharingPurpose: "案件のご紹介と契約手続きのため",
  };
}

describe("daysLeft", () => {
  it("counts a part day as a day", () => {
    expect(daysLeft("2026-12-06T13:00:00Z", now)).toBe(1);
    expect(daysLeft("2026-12-20T12:00:00Z", now)).toBe(14);
    expect(daysLeft("2026-12-20T12:00:01Z", now)).toBe(15);
  });

  it("is 0 once expired or when the date cannot be read", () => {
    expect(daysLeft("2026-12-06T12:00:00Z", now)).toBe(0);
    expect(daysLeft("2026-12-01T00:00:00Z", now)).toBe(0);
    expect(daysLeft("not a date", now)).toBe(0);
  });
});

describe("answerable", () => {
  it("keeps pending, unexpired invitations, the one about to lapse first", () => {
    const list = [
      invitation("late", "2026-12-19T00:00:00Z"),
      invitation("expired", "2026-12-05T00:00:00Z"),
      invitation("answered", "2026-12-10T00:00:00Z", "ACCEPTED"),
      invitation("soon", "2026-12-07T00:00:00Z"),
    ];
    expect(answerable(list, now).map((i) => i.id)).toEqual(["soon", "late"]);
  });
});
