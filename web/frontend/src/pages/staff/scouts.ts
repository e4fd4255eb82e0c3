import { formatDate, type Lang } from "@proxima/frontend-core/i18n";
import type { AllowanceView } from "../apiTypes";
import { length } from "../shared/problems";

/** Scout.MESSAGE_LIMIT. */
export const SCOUT_MESSAGE_LIMIT = 4000;

/** "今月の残り 3 / 20 件（12月1日に更新）": what #scout-quota says. */
export function quotaText(language: Lang, allowance: AllowanceView): string {
  const renews = formatDate(language, allowance.renewsOn);
  if (language === "ja") {
    return allowance.remaining > 0
      ? `今月の残り ${allowance.remaining} / ${allowance.limit} 件（${renews} に更新）`
      : `今月のスカウト ${allowance.limit} 件をすべて使いました（${renews} に更新）`;
  }
  return allowance.remaining > 0
    ? `${allowance.remaining} of ${allowance.limit} scouts left this month (renews ${renews})`
    : `All ${allowance.limit} scouts of this month are spent (renews ${renews})`;
}

/** How full the allowance is, for a meter: low when few are left. */
export function quotaLevel(allowance: AllowanceView): "ok" | "low" | "spent" {
  if (allowance.remaining <= 0) return "spent";
  return allowance.remaining <= Math.max(1, Math.floor(allowance.limit * 0.1)) ? "low" : "ok";
}

export type ScoutErrorKey = "freelancerRequired" | "messageRequired" | "messageTooLong" | "quotaSpent";

/** A scout's fields, checked as Scouting.send checks them, before the allowance is spent. */
export function checkScout(
  freelancerId: string,
  message: string,
  allowance: AllowanceView | null,
): Partial<Record<"freelancerId" | "message" | "form", ScoutErrorKey>> {
  const errors: Partial<Record<"freelancerId" | "message" | "form", ScoutErrorKey>> = {};
  if (!freelancerId) errors.freelancerId = "freelancerRequired";
  if (!message.trim()) errors.message = "messageRequired";
  else if (length(message) > SCOUT_MESSAGE_LIMIT) errors.message = "messageTooLong";
  if (allowance && allowance.remaining <= 0) errors.form = "quotaSpent";
  return errors;
}
