import { colour, contrast, DEFAULT_ACCENT, DEFAULT_PRIMARY, textOn } from "../branding";
import { defineMessages, useT } from "@proxima/frontend-core/i18n";

const messages = defineMessages({
  ja: {
    preview: "ブランディングのプレビュー",
    portal: "テナントポータル",
    login: "ログイン画面",
    board: "空き状況ボード",
    jobs: "案件",
    signIn: "ログイン",
    email: "メールアドレス",
    sample: "これは {name} のポータルでの表示例です。",
    link: "リンクの色",
    lowLink: "主色が白地で読みにくい色です(コントラスト {ratio}:1、4.5:1 以上を推奨)。",
    lowAccent: "アクセント色が白地で見えにくい色です(コントラスト {ratio}:1、3:1 以上を推奨)。",
    noName: "表示名",
  },
  en: {
    preview: "Branding preview",
    portal: "Tenant portal",
    login: "Login page",
    board: "Availability board",
    jobs: "Jobs",
    signIn: "Sign in",
    email: "Email",
    sample: "This is how {name}'s portal looks.",
    link: "Link colour",
    lowLink: "The primary colour is hard to read on white (contrast {ratio}:1; 4.5:1 or more is advised).",
    lowAccent: "The accent colour is hard to see on white (contrast {ratio}:1; 3:1 or more is advised).",
    noName: "Display name",
  },
});

/**
 * The tenant's portal header and login button as its users will see them, redrawn on every
 * keystroke; warns when the chosen colours would fail WCAG contrast on the portal's white pages.
 */
export function BrandPreview(props: {
  displayName: string;
  logoUrl: string;
  primaryColor: string;
  accentColor: string;
  safeLogo: boolean;
}) {
  const t = useT(messages);
  const primary = colour(props.primaryColor, DEFAULT_PRIMARY);
  const accent = colour(props.accentColor, DEFAULT_ACCENT);
  const name = props.displayName.trim() || t("noName");
  const initial = Array.from(name)[0] ?? "P";
  const linkRatio = contrast(primary, "#ffffff");
  const accentRatio = contrast(accent, "#ffffff");
  return (
    <section id="brand-preview" className="preview" aria-label={t("preview")} aria-live="polite">
      <h2>{t("preview")}</h2>
      <p className="muted small">{t("portal")}</p>
      <div className="preview-portal" data-testid="preview-portal">
        <div className="preview-topbar" style={{ background: primary, color: textOn(primary) }}>
          {props.safeLogo && props.logoUrl.trim() ? (
            <img src={props.logoUrl.trim()} alt="" className="preview-logo" data-testid="preview-logo" />
          ) : (
            <span className="preview-initial" style={{ background: accent, color: textOn(accent) }} aria-hidden="true">
              {initial}
            </span>
          )}
          <strong id="preview-name">{name}</strong>
          <span className="preview-nav">
            <span className="preview-pill" style={{ background: accent, color: textOn(accent) }}>
              {t("board")}
            </span>
            <span className="preview-pill">{t("jobs")}</span>
          </span>
        </div>
        <div className="preview-body">
          <p>{t("sample", { name })}</p>
          <p>
            <span style={{ color: primary, textDecoration: "underline" }}>{t("link")}</span>
          </p>
        </div>
      </div>
      <p className="muted small">{t("login")}</p>
      <div className="preview-login" style={{ borderTopColor: primary }}>
        <strong>{name}</strong>
        <span className="preview-input">{t("email")}</span>
        <span className="preview-button" style={{ background: primary, color: textOn(primary) }}>
          {t("signIn")}
        </span>
      </div>
      {linkRatio < 4.5 ? (
        <p className="warning small" data-testid="contrast-warning">
          {t("lowLink", { ratio: linkRatio.toFixed(1) })}
        </p>
      ) : null}
      {accentRatio < 3 ? (
        <p className="warning small" data-testid="accent-warning">
          {t("lowAccent", { ratio: accentRatio.toFixed(1) })}
        </p>
      ) : null}
    </section>
  );
}
