import { ApiError } from "../api";
import { defineMessages, useT } from "@proxima/frontend-core/i18n";

const messages = defineMessages({
  ja: {
    notAdmin:
      "プラットフォーム管理者ではありません。テナントコンソールは platform-admin ロールを持つユーザーだけが使えます。",
    offline: "サーバーに接続できません。ネットワークを確認して、もう一度お試しください。",
    signedOut: "ログインの有効期限が切れました。ページを再読み込みしてください。",
    notFound: "見つかりません。",
    failed: "処理できませんでした: {detail}",
  },
  en: {
    notAdmin:
      "You are not a platform admin. Only users with the platform-admin role may use the tenant console.",
    offline: "The server cannot be reached. Check the network and try again.",
    signedOut: "Your sign-in has expired. Please reload the page.",
    notFound: "Not found.",
    failed: "That did not work: {detail}",
  },
});

/** A failed call, said plainly; a 403 is always the "not a platform admin" message. */
export function ErrorNotice({ error, id }: { error: unknown; id?: string }) {
  const t = useT(messages);
  if (!error) return null;
  let text: string;
  let testId = "error";
  if (error instanceof ApiError && error.status === 403) {
    text = t("notAdmin");
    testId = "not-platform-admin";
  } else if (error instanceof ApiError && error.status === 0) {
    text = t("offline");
  } else if (error instanceof ApiError && error.status === 401) {
    text = t("signedOut");
  } else if (error instanceof ApiError && error.status === 404) {
    text = error.detail ? `${t("notFound")} ${error.detail}` : t("notFound");
  } else {
    const detail =
      error instanceof ApiError
        ? error.detail || error.title
        : error instanceof Error
          ? error.message
          : String(error);
    text = t("failed", { detail });
  }
  return (
    <p className="notice error" role="alert" id={id} data-testid={testId}>
      {text}
    </p>
  );
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}
