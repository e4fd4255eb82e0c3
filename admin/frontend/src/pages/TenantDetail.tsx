import { useCallback, useEffect, useState, type FormEvent } from "react";
import { api, ApiError } from "../api";
import { BrandPreview } from "../components/BrandPreview";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorNotice } from "../components/ErrorNotice";
import { BrandingFields, type Errors } from "../components/Fields";
import { defineMessages, formatCount, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import {
  brandingBody,
  brandingErrors,
  isSafeLogoUrl,
  PLANS,
  problemFields,
  type TenantForm,
} from "../tenantForm";
import type { Tenant } from "../types";
import { tenantMessages } from "./tenantMessages";

const messages = defineMessages({
  ja: {
    back: "テナント一覧へ",
    loading: "読み込み中…",
    created: "テナントを作成しました。最初の管理者に招待メールを送りました。",
    createdNotMailed: "テナントを作成しましたが、招待メールを送れませんでした。下の「招待メールを再送」からもう一度送ってください。",
    createdExisting: "テナントを作成しました。最初の管理者はすでにアカウントを持っているため、招待メールは不要です。",
    firstAdmin: "最初の管理者",
    firstAdminText: "招待メールのリンクからパスワードを設定するまで、最初の管理者はサインインできません。メールが届いていない場合や期限（7日）が切れた場合は再送してください。",
    resend: "招待メールを再送",
    resent: "招待メールを再送しました。以前のリンクは使えなくなりました。",
    alreadyJoined: "最初の管理者はすでにパスワードを設定し、サインインできます。",
    summary: "概要",
    status: "状態",
    since: "{date} から",
    type: "種別",
    plan: "プラン",
    slug: "スラッグ",
    client: "Keycloak クライアント",
    createdAt: "作成日時",
    members: "メンバー",
    workspaces: "ワークスペース",
    sharing: "公開中のフリーランス",
    branding: "ブランディング",
    saveBranding: "ブランディングを保存",
    saved: "保存しました。",
    planTitle: "プラン変更",
    savePlan: "プランを変更",
    planSaved: "プランを {plan} に変更しました。",
    mfa: "多要素認証 (MFA)",
    mfaLabel: "このテナントのスタッフに MFA (TOTP) を必須にする",
    saveMfa: "MFA 設定を保存",
    mfaSaved: "MFA の設定を保存しました。",
    lifecycle: "停止と再開",
    closeTitle: "テナントの閉鎖",
    closeHint: "閉鎖するとスタッフはすぐにポータルを使えなくなり、保存期間（既定90日）の経過後に、このテナントが保有する個人情報（スタッフ、招待、メッセージ、スカウト、応募など）が消去されます。発行済みの請求書と締結済みの契約は7年間保存されます。フリーランスのアカウントは残ります。",
    closeTenant: "閉鎖する",
    closeConfirm: "{name} を閉鎖しますか？保存期間の経過後、個人情報は消去され元に戻せません。",
    closedNote: "{date} に閉鎖されました。",
    erasedNote: "{date} に個人情報を消去しました。",
    closedDone: "{name} を閉鎖しました。",
    suspendHint: "停止するとテナントのスタッフはポータルを使えなくなります。",
    resumeHint: "再開するとテナントのスタッフが再びポータルを使えます。",
    audit: "このテナントの監査ログ",
    charts: "このテナントの実績グラフ",
    invalid: "入力内容を確認してください。",
  },
  en: {
    back: "Back to tenants",
    loading: "Loading…",
    created: "The tenant was created. Its first admin has been sent an invitation email.",
    createdNotMailed: "The tenant was created, but the invitation mail could not be sent. Use “Resend invitation” below.",
    createdExisting: "The tenant was created. Its first admin already has an account, so no invitation mail is needed.",
    firstAdmin: "First admin",
    firstAdminText: "The first admin cannot sign in until they set a password through the invitation link. Resend it if it did not arrive or expired (after 7 days).",
    resend: "Resend invitation",
    resent: "The invitation was mailed again; the earlier link no longer works.",
    alreadyJoined: "The first admin has already set a password and can sign in.",
    summary: "Summary",
    status: "Status",
    since: "since {date}",
    type: "Type",
    plan: "Plan",
    slug: "Slug",
    client: "Keycloak client",
    createdAt: "Created",
    members: "Members",
    workspaces: "Workspaces",
    sharing: "Sharing freelancers",
    branding: "Branding",
    saveBranding: "Save branding",
    saved: "Saved.",
    planTitle: "Plan",
    savePlan: "Change plan",
    planSaved: "The plan is now {plan}.",
    mfa: "Multi-factor authentication (MFA)",
    mfaLabel: "Require MFA (TOTP) for this tenant's staff",
    saveMfa: "Save MFA setting",
    mfaSaved: "The MFA setting is saved.",
    lifecycle: "Suspend and resume",
    closeTitle: "Close the tenant",
    closeHint: "Closing refuses its staff at once; after the retention period (90 days by default) the personal data the tenant holds (staff, invitations, messages, scouts, applications…) is erased. Issued invoices and signed contracts are kept for 7 years. Freelancers keep their accounts.",
    closeTenant: "Close",
    closeConfirm: "Close {name}? After the retention period its personal data is erased for good.",
    closedNote: "Closed on {date}.",
    erasedNote: "Personal data erased on {date}.",
    closedDone: "{name} is closed.",
    suspendHint: "While suspended, the tenant's staff cannot use their portal.",
    resumeHint: "Resuming lets the tenant's staff use their portal again.",
    audit: "This tenant's audit log",
    charts: "This tenant's charts",
    invalid: "Please check the form.",
  },
});

type BrandingForm = Pick<TenantForm, "displayName" | "logoUrl" | "primaryColor" | "accentColor" | "hostNames">;

function brandingForm(tenant: Tenant): BrandingForm {
  return {
    displayName: tenant.branding.displayName,
    logoUrl: tenant.branding.logoUrl ?? "",
    primaryColor: tenant.branding.primaryColor ?? "",
    accentColor: tenant.branding.accentColor ?? "",
    hostNames: (tenant.branding.hostNames ?? []).join("\n"),
  };
}

export function TenantDetail({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const tt = useT(tenantMessages);
  const language = useLang();
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [branding, setBranding] = useState<BrandingForm | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [plan, setPlan] = useState("standard");
  const [mfa, setMfa] = useState(false);
  const created = new URLSearchParams(window.location.search).get("created");
  const [notice, setNotice] = useState(
    created === "SENT" ? t("created") : created === "NOT_NEEDED" ? t("createdExisting") : "",
  );
  const [mailProblem, setMailProblem] = useState(created === "NOT_SENT" ? t("createdNotMailed") : "");
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [closing, setClosing] = useState(false);

  // Each change answers with the tenant but without usage; keep the usage already shown.
  const show = useCallback((next: Tenant, resetForms: boolean) => {
    setTenant((previous) => ({ ...next, usage: next.usage ?? previous?.usage ?? null }));
    if (resetForms) {
      setBranding(brandingForm(next));
      setPlan(next.plan);
      setMfa(next.mfaRequired);
    }
  }, []);

  useEffect(() => {
    api<Tenant>(`/v1/platform/tenants/${encodeURIComponent(params.id)}`).then((loaded) => show(loaded, true), setError);
  }, [params.id, show]);

  const call = async (path: string, body: unknown, done: (tenant: Tenant) => string) => {
    setBusy(true);
    setError(null);
    setNotice("");
    try {
      const next = await api<Tenant>(`/v1/platform/tenants/${tenant!.id}${path}`, {
        method: body === undefined ? "POST" : "PUT",
        body,
      });
      show(next, false);
      setNotice(done(next));
      return true;
    } catch (e) {
      if (path === "/branding" && e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 403) {
        const placed = problemFields(e);
        setErrors(placed.fields);
        setError(placed.general ? new ApiError(e.status, e.title, placed.general) : null);
      } else {
        setError(e);
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const resendInvitation = async () => {
    setBusy(true);
    setError(null);
    setNotice("");
    setMailProblem("");
    try {
      await api(`/v1/platform/tenants/${tenant!.id}/first-admin/invitation`, { method: "POST" });
      setNotice(t("resent"));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setNotice(t("alreadyJoined"));
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const saveBranding = (event: FormEvent) => {
    event.preventDefault();
    if (!branding) return;
    const found = brandingErrors(branding);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.querySelector<HTMLElement>(`#branding-form [name="${first}"]`)?.focus();
      return;
    }
    void call("/branding", brandingBody(branding), () => t("saved"));
  };

  if (!tenant) {
    return (
      <>
        <p>
          <Link to="/">{t("back")}</Link>
        </p>
        {error ? <ErrorNotice error={error} /> : <p role="status">{t("loading")}</p>}
      </>
    );
  }

  const active = tenant.status === "ACTIVE";
  return (
    <>
      <p>
        <Link to="/">{t("back")}</Link>
      </p>
      <h1 id="tenant-title">{tenant.branding.displayName}</h1>
      <p role="status" className="notice ok" id="tenant-notice">
        {notice}
      </p>
      <ErrorNotice error={error} id="tenant-error" />
      {mailProblem ? (
        <p role="alert" className="notice error" id="invitation-problem">
          {mailProblem}
        </p>
      ) : null}

      <section aria-labelledby="summary-title" className="card">
        <h2 id="summary-title">{t("summary")}</h2>
        <dl className="facts" id="tenant-summary">
          <dt>{t("status")}</dt>
          <dd>
            <span className={`status-badge ${tenant.status}`} id="tenant-status">
              {tt(tenant.status)}
            </span>{" "}
            <span className="muted small">{t("since", { date: formatDate(language, tenant.statusChangedAt) })}</span>
          </dd>
          <dt>{t("slug")}</dt>
          <dd>{tenant.slug}</dd>
          <dt>{t("type")}</dt>
          <dd>{tt(tenant.type)}</dd>
          <dt>{t("plan")}</dt>
          <dd id="tenant-plan">{tt(`plan_${tenant.plan}` as "plan_free")}</dd>
          <dt>{t("client")}</dt>
          <dd>
            <code>{tenant.keycloakClientId ?? "–"}</code>
          </dd>
          <dt>{t("createdAt")}</dt>
          <dd>{formatDate(language, tenant.createdAt)}</dd>
          {tenant.usage ? (
            <>
              <dt>{t("members")}</dt>
              <dd>{formatCount(language, tenant.usage.members)}</dd>
              <dt>{t("workspaces")}</dt>
              <dd>{formatCount(language, tenant.usage.workspaces)}</dd>
              <dt>{t("sharing")}</dt>
              <dd>{formatCount(language, tenant.usage.sharingFreelancers)}</dd>
            </>
          ) : null}
        </dl>
        <p className="links">
          <Link to={`/audit?tenant=${tenant.id}`} id="tenant-audit-link">
            {t("audit")}
          </Link>
          <Link to={`/metrics?tenantId=${tenant.id}`} id="tenant-metrics-link">
            {t("charts")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="first-admin-title" className="card">
        <h2 id="first-admin-title">{t("firstAdmin")}</h2>
        <p className="muted">{t("firstAdminText")}</p>
        <button type="button" className="button" id="resend-invitation" disabled={busy} onClick={() => void resendInvitation()}>
          {t("resend")}
        </button>
      </section>

      {branding ? (
        <section aria-labelledby="branding-title">
          <h2 id="branding-title">{t("branding")}</h2>
          <div className="with-preview">
            <form id="branding-form" onSubmit={saveBranding} noValidate className="card">
              {Object.keys(errors).length ? (
                <p className="notice error" role="alert">
                  {t("invalid")}
                </p>
              ) : null}
              <BrandingFields
                form={branding}
                errors={errors}
                onChange={(field, value) => {
                  const next = { ...branding, [field]: value };
                  setBranding(next);
                  if (Object.keys(errors).length) setErrors(brandingErrors(next));
                }}
              />
              <button type="submit" className="button" id="save-branding" disabled={busy}>
                {t("saveBranding")}
              </button>
            </form>
            <BrandPreview
              displayName={branding.displayName}
              logoUrl={branding.logoUrl}
              primaryColor={branding.primaryColor}
              accentColor={branding.accentColor}
              safeLogo={isSafeLogoUrl(branding.logoUrl.trim())}
            />
          </div>
        </section>
      ) : null}

      <div className="cards">
        <section aria-labelledby="plan-title" className="card">
          <h2 id="plan-title">{t("planTitle")}</h2>
          <form
            id="plan-form"
            onSubmit={(event) => {
              event.preventDefault();
              void call("/plan", { plan }, (next) => t("planSaved", { plan: tt(`plan_${next.plan}` as "plan_free") }));
            }}
          >
            <div className="field">
              <label htmlFor="plan-select">{t("plan")}</label>
              <select id="plan-select" name="plan" value={plan} onChange={(event) => setPlan(event.target.value)}>
                {PLANS.map((option) => (
                  <option key={option} value={option}>
                    {tt(`plan_${option}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button" id="save-plan" disabled={busy || plan === tenant.plan}>
              {t("savePlan")}
            </button>
          </form>
        </section>

        <section aria-labelledby="mfa-title" className="card">
          <h2 id="mfa-title">{t("mfa")}</h2>
          <form
            id="mfa-form"
            onSubmit={(event) => {
              event.preventDefault();
              void call("/mfa", { required: mfa }, () => t("mfaSaved"));
            }}
          >
            <label className="check">
              <input
                type="checkbox"
                id="mfa-required"
                name="mfaRequired"
                checked={mfa}
                onChange={(event) => setMfa(event.target.checked)}
              />
              {t("mfaLabel")}
            </label>
            <button type="submit" className="button" id="save-mfa" disabled={busy || mfa === tenant.mfaRequired}>
              {t("saveMfa")}
            </button>
          </form>
        </section>

        <section aria-labelledby="lifecycle-title" className="card">
          <h2 id="lifecycle-title">{t("lifecycle")}</h2>
          <p className="muted">{active ? t("suspendHint") : t("resumeHint")}</p>
          <button
            type="button"
            className={active ? "button danger" : "button"}
            id={active ? "suspend-tenant" : "resume-tenant"}
            onClick={() => setAsking(true)}
            disabled={busy}
          >
            {tt(active ? "suspend" : "resume")}
          </button>
        </section>

        <section aria-labelledby="close-title" className="card" id="tenant-closure">
          <h2 id="close-title">{t("closeTitle")}</h2>
          <p className="muted">{t("closeHint")}</p>
          {tenant.closedAt ? <p>{t("closedNote", { date: formatDate(language, tenant.closedAt) })}</p> : null}
          {tenant.personalDataErasedAt ? <p>{t("erasedNote", { date: formatDate(language, tenant.personalDataErasedAt) })}</p> : null}
          {tenant.status !== "CLOSED" ? (
            <button type="button" className="button danger" id="close-tenant" onClick={() => setClosing(true)} disabled={busy}>
              {t("closeTenant")}
            </button>
          ) : null}
        </section>
      </div>

      <ConfirmDialog
        open={closing}
        title={t("closeTitle")}
        body={t("closeConfirm", { name: tenant.branding.displayName })}
        confirm={t("closeTenant")}
        cancel={tt("cancel")}
        danger
        busy={busy}
        onConfirm={async () => {
          await call("/close", undefined, (next) => t("closedDone", { name: next.branding.displayName }));
          setClosing(false);
        }}
        onCancel={() => setClosing(false)}
      />

      <ConfirmDialog
        open={asking}
        title={tt(active ? "suspendTitle" : "resumeTitle", { name: tenant.branding.displayName })}
        body={tt(active ? "suspendBody" : "resumeBody")}
        confirm={tt(active ? "suspend" : "resume")}
        cancel={tt("cancel")}
        danger={active}
        busy={busy}
        onConfirm={async () => {
          await call(active ? "/suspend" : "/resume", undefined, (next) =>
            tt(next.status === "ACTIVE" ? "resumed" : "suspended", { name: next.branding.displayName }),
          );
          setAsking(false);
        }}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
