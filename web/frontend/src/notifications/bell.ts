import type { Lang } from "@proxima/frontend-core/i18n";
import type { NotificationItem } from "./notificationTypes";

/** The number on the bell: nothing at zero, "99+" beyond. */
export function bellCount(unread: number): string {
  if (!Number.isFinite(unread) || unread <= 0) return "";
  return unread > 99 ? "99+" : String(Math.floor(unread));
}

/** Where the notification API is for the portal the person is in. */
export function notificationsPath(mode: "staff" | "freelancer"): string {
  return mode === "staff" ? "/v1/notifications" : "/v1/me/notifications";
}

/**
 * How to follow a notification's link: inside this portal (a route of the router) or into
 * another tenant's portal (a staff notification listed in the freelancer's own pages).
 */
export function linkTarget(link: string): { inside: boolean; to: string } {
  const safe = link.startsWith("/") && !link.startsWith("//") ? link : "/";
  return safe.startsWith("/t/") ? { inside: false, to: safe } : { inside: true, to: safe };
}

export function titleOf(item: NotificationItem, language: Lang): string {
  return language === "en" ? item.titleEn : item.titleJa;
}

/** Pages of a list of `total` items, `size` each: at least one. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, size)));
}
