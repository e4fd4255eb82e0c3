import type { Lang } from "@proxima/frontend-core/i18n";

/**
 * The audit log's action codes as people read them. The code stays the record (it is what the
 * filter takes and what exports carry); the label is for reading. A code not listed here shows as
 * itself, so a new action is never hidden.
 */
const LABELS: Record<string, { ja: string; en: string }> = {
  "tenant.created": { ja: "テナント作成", en: "Tenant created" },
  "tenant.rebranded": { ja: "ブランド変更", en: "Branding changed" },
  "tenant.plan-changed": { ja: "プラン変更", en: "Plan changed" },
  "tenant.mfa-required": { ja: "二要素認証を必須化", en: "Two-factor sign-in required" },
  "tenant.mfa-optional": { ja: "二要素認証を任意化", en: "Two-factor sign-in made optional" },
  "tenant.suspended": { ja: "テナント停止", en: "Tenant suspended" },
  "tenant.resumed": { ja: "テナント再開", en: "Tenant resumed" },
  "tenant.closed": { ja: "テナント閉鎖", en: "Tenant closed" },
  "tenant.personal-data-erased": { ja: "閉鎖テナントの個人情報消去", en: "Closed tenant's personal data erased" },
  "tenant.sign-in-addresses": { ja: "ログイン元アドレスを更新", en: "Sign-in addresses updated" },
  "workspace.opened": { ja: "ワークスペース作成", en: "Workspace opened" },
  "member.invited": { ja: "メンバー招待", en: "Member invited" },
  "member.joined": { ja: "メンバー参加", en: "Member joined" },
  "member.declined": { ja: "招待辞退", en: "Invitation declined" },
  "consent.given": { ja: "プロフィール公開", en: "Profile shared" },
  "consent.revoked": { ja: "プロフィール公開停止", en: "Sharing stopped" },
  "consent.purpose-changed": { ja: "利用目的の変更", en: "Purpose of use changed" },
  "profile.read": { ja: "プロフィール閲覧", en: "Profile viewed" },
  "profile.downloaded": { ja: "プロフィールのダウンロード", en: "Profile downloaded" },
  "profile.revised": { ja: "プロフィール更新", en: "Profile updated" },
  "profile.imported": { ja: "プロフィール取り込み", en: "Profile imported" },
  "profile.sheet.applied": { ja: "スキルシート反映", en: "Skill sheet applied" },
  "profile.sheet.discarded": { ja: "スキルシート破棄", en: "Skill sheet discarded" },
  "profile.sheet.downloaded": { ja: "スキルシート原本のダウンロード", en: "Skill sheet file downloaded" },
  "personal-data.exported": { ja: "登録データ一式の書き出し", en: "All personal data exported" },
  "freelancers.read": { ja: "フリーランス一覧の閲覧", en: "Freelancers listed" },
  "job.drafted": { ja: "案件下書き", en: "Job drafted" },
  "job.published": { ja: "案件公開", en: "Job published" },
  "job.revised": { ja: "案件更新", en: "Job revised" },
  "job.closed": { ja: "案件募集終了", en: "Job closed" },
  "job.deleted": { ja: "案件削除", en: "Job deleted" },
  "application.submitted": { ja: "応募", en: "Application submitted" },
  "application.moved": { ja: "選考ステージ変更", en: "Application moved" },
  "application.noted": { ja: "選考メモ追加", en: "Application note added" },
  "application.withdrawn": { ja: "応募辞退", en: "Application withdrawn" },
  "application.read": { ja: "応募の閲覧", en: "Application viewed" },
  "applications.read": { ja: "応募一覧の閲覧", en: "Applications listed" },
  "application.interview.proposed": { ja: "面接日時の提案", en: "Interview times proposed" },
  "application.interview.accepted": { ja: "面接日時の承諾", en: "Interview time accepted" },
  "application.interview.declined": { ja: "面接日時の辞退", en: "Interview times declined" },
  "application.interview.cancelled": { ja: "面接の取り消し", en: "Interview cancelled" },
  "scout.sent": { ja: "スカウト送信", en: "Scout sent" },
  "contract.drafted": { ja: "契約書作成", en: "Contract drafted" },
  "contract.e-signature.requested": { ja: "電子署名の依頼", en: "E-signature requested" },
  "time-report.written": { ja: "稼働報告の記入", en: "Time report written" },
  "time-report.submitted": { ja: "稼働報告の提出", en: "Time report submitted" },
  "time-report.approved": { ja: "稼働報告の承認", en: "Time report approved" },
  "time-report.rejected": { ja: "稼働報告の差し戻し", en: "Time report sent back" },
  "time-report.invoiced": { ja: "稼働報告の請求", en: "Time report invoiced" },
  "payments.statement.imported": { ja: "入金明細の取り込み", en: "Bank statement imported" },
  "payments.transfer.recorded": { ja: "振込の記録", en: "Transfer recorded" },
  "payments.transfer.confirmed": { ja: "振込の確認", en: "Transfer confirmed" },
  "payments.card.started": { ja: "カード決済の開始", en: "Card payment started" },
  "calendar.feed.created": { ja: "カレンダー配信の作成", en: "Calendar feed created" },
  "calendar.feed.rotated": { ja: "カレンダー配信URLの更新", en: "Calendar feed address renewed" },
  "calendar.feed.revoked": { ja: "カレンダー配信の停止", en: "Calendar feed revoked" },
  "calendar.source.added": { ja: "カレンダー取り込み元の追加", en: "Calendar source added" },
  "calendar.source.removed": { ja: "カレンダー取り込み元の削除", en: "Calendar source removed" },
  "audit.exported": { ja: "監査ログのエクスポート", en: "Audit log exported" },
  "audit.retention.changed": { ja: "監査ログ保存期間の変更", en: "Audit retention changed" },
};

/** The action in the reader's language, or the code itself when it has no label yet. */
export function actionLabel(action: string, language: Lang): string {
  return LABELS[action]?.[language] ?? action;
}

/**
 * Who did it, for reading: the person's display name, the platform itself for its own jobs
 * ("system:…"), or the bare subject when the account is not known here.
 */
export function actorLabel(
  event: { actorSubject?: string | null; actorName?: string | null },
  language: Lang,
): string {
  if (event.actorName) return event.actorName;
  const subject = event.actorSubject ?? "";
  if (subject.startsWith("system:")) return language === "ja" ? "システム（自動処理）" : "System (automatic)";
  return subject || "–";
}
