import { describe, expect, it } from "vitest";
import { bellCount, linkTarget, notificationsPath, pageCount, titleOf } from "./bell";
import type { NotificationItem } from "./notificationTypes";

describe("the bell", () => {
  it("shows nothing at zero and caps at 99+", () => {
    expect(bellCount(0)).toBe("");
    expect(bellCount(-1)).toBe("");
    expect(bellCount(Number.NaN)).toBe("");
    expect(bellCount(7)).toBe("7");
    expect(bellCount(99)).toBe("99");
    expect(bellCount(100)).toBe("99+");
  });

  it("asks the tenant's API in a staff portal and the person's own elsewhere", () => {
    expect(notificationsPath("staff")).toBe("/v1/notifications");
    expect(notificationsPath("freelancer")).toBe("/v1/me/notifications");
  });
});

describe("a notification's link", () => {
  it("stays inside the portal for its own routes", () => {
    expect(linkTarget("/scouts")).toEqual({ inside: true, to: "/scouts" });
  });

  it("leaves for another tenant's portal", () => {
    expect(linkTarget("/t/acme/messages/x")).toEqual({ inside: false, to: "/t/acme/messages/x" });
  });

  it("never leaves the site", () => {
    expect(linkTarget("//evil.example/x")).toEqual({ inside: true, to: "/" });
    expect(linkTarget("https://evil.example/")).toEqual({ inside: true, to: "/" });
  });
});

describe("the list", () => {
  const item = { titleJa: "スカウトが届きました", titleEn: "You have a scout" } as NotificationItem;

  it("reads in the portal's language", () => {
    expect(titleOf(item, "ja")).toBe("スカウトが届きました");
    expect(titleOf(item, "en")).toBe("You have a scout");
  });

  it("has at least one page", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
