import { defineMessages } from "@proxima/frontend-core/i18n";

/** Words every tenant page uses: statuses, types, plans, suspend and resume. */
export const tenantMessages = defineMessages({
  ja: {
    ACTIVE: "稼働中",
    SUSPENDED: "停止中",
    CLOSED: "閉鎖",
    AGENCY: "エージェント",
    COMPANY: "企業",
    plan_free: "フリー",
    plan_standard: "スタンダード",
    plan_enterprise: "エンタープライズ",
    suspend: "停止",
    resume: "再開",
    suspendNamed: "{name} を停止",
    resumeNamed: "{name} を再開",
    suspendTitle: "{name} を停止しますか?",
    resumeTitle: "{name} を再開しますか?",
    suspendBody:
      "停止中はテナントのスタッフがポータルを使えなくなります。データは残り、再開すれば元どおり使えます。",
    resumeBody: "テナントのスタッフが再びポータルを使えるようになります。",
    suspended: "{name} を停止しました。",
    resumed: "{name} を再開しました。",
    cancel: "キャンセル",
  },
  en: {
    ACTIVE: "Active",
    SUSPENDED: "Suspended",
    CLOSED: "Closed",
    AGENCY: "Agency",
    COMPANY: "Company",
    plan_free: "Free",
    plan_standard: "Standard",
    plan_enterprise: "Enterprise",
    suspend: "Suspend",
    resume: "Resume",
    suspendNamed: "Suspend {name}",
    resumeNamed: "Resume {name}",
    suspendTitle: "Suspend {name}?",
    resumeTitle: "Resume {name}?",
    suspendBody:
      "While suspended, the tenant's staff cannot use their portal. Nothing is deleted; resuming restores it as it was.",
    resumeBody: "The tenant's staff can use their portal again.",
    suspended: "{name} is suspended.",
    resumed: "{name} is active again.",
    cancel: "Cancel",
  },
});
