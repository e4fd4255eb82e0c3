import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../api";
import { colour, DEFAULT_PRIMARY } from "../branding";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorNotice } from "../components/ErrorNotice";
import { defineMessages, formatCount, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { filterTenants, statusLabelKey } from "../tenantList";
import type { Tenant } from "../types";
import { tenantMessages } from "./tenantMessages";

const messages = defineMessages({
  ja: {
    title: "テナント",
    create: "テナントを作成",
    search: "検索",
    searchHint: "表示名・スラッグ",
    status: "状態",
    all: "すべて",
    name: "テナント",
    type: "種別",
    plan: "プラン",
    mfa: "MFA",
    members: "メンバー",
    workspaces: "ワークスペース",
    sharing: "公開中のフリーランス",
    usage: "利用状況",
    created: "作成日",
    actions: "操作",
    loading: "読み込み中…",
    empty: "条件に合うテナントはありません。",
    count: "{shown} / {total} 件",
    required: "必須",
    off: "任意",
  },
  en: {
    title: "Tenants",
    create: "Create a tenant",
    search: "Search",
    searchHint: "Display name or slug",
    status: "Status",
    all: "All",
    name: "Tenant",
    type: "Type",
    plan: "Plan",
    mfa: "MFA",
    members: "Members",
    workspaces: "Workspaces",
    sharing: "Sharing freelancers",
    usage: "Usage",
    created: "Created",
    actions: "Actions",
    loading: "Loading…",
    empty: "No tenant matches.",
    count: "{shown} of {total}",
    required: "Required",
    off: "Optional",
  },
});

export function Tenants() {
  const t = useT(messages);
  const tt = useT(tenantMessages);
  const language = useLang();
  const [tenants, setTenants] = useState<Tenant[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [text, setText] = useState("");
  const [status, setStatus] = useState("");
  const [asking, setAsking] = useState<Tenant | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");

  const load = useCallback(() => {
    api<Tenant[]>("/v1/platform/tenants").then(
      (list) => {
        setTenants(list);
        setError(null);
      },
      setError,
    );
  }, []);
  useEffect(load, [load]);

  const shown = useMemo(() => filterTenants(tenants ?? [], text, status), [tenants, text, status]);

  const change = async () => {
    if (!asking) return;
    const suspend = asking.status === "ACTIVE";
    setBusy(true);
    try {
      await api<Tenant>(`/v1/platform/tenants/${asking.id}/${suspend ? "suspend" : "resume"}`, {
        method: "POST",
      });
      setNotice(tt(suspend ? "suspended" : "resumed", { name: asking.branding.displayName }));
      setError(null);
      load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  return (
    <>
      <div className="heading">
        <h1>{t("title")}</h1>
        <Link to="/tenants/new" className="button" id="new-tenant-link">
          {t("create")}
        </Link>
      </div>
      <form className="toolbar" role="search" id="tenant-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="tenant-search">{t("search")}</label>
          <input
            id="tenant-search"
            name="q"
            type="search"
            placeholder={t("searchHint")}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="tenant-status-filter">{t("status")}</label>
          <select
            id="tenant-status-filter"
            name="status"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">{t("all")}</option>
            <option value="ACTIVE">{tt("ACTIVE")}</option>
            <option value="SUSPENDED">{tt("SUSPENDED")}</option>
          </select>
        </div>
        {tenants ? (
          <p className="muted" aria-live="polite" id="tenant-count">
            {t("count", { shown: shown.length, total: tenants.length })}
          </p>
        ) : null}
      </form>
      <p role="status" className="notice ok" id="tenant-notice">
        {notice}
      </p>
      <ErrorNotice error={error} />
      {tenants === null && !error ? <p role="status">{t("loading")}</p> : null}
      {tenants ? (
        <div className="table-wrap">
          <table className="grid" id="tenant-table">
            <caption className="visually-hidden">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("plan")}</th>
                <th scope="col">{t("mfa")}</th>
                <th scope="col" className="number">{t("members")}</th>
                <th scope="col" className="number">{t("workspaces")}</th>
                <th scope="col" className="number">{t("sharing")}</th>
                <th scope="col">{t("created")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((tenant) => (
                <tr key={tenant.id} data-testid={`tenant-row-${tenant.slug}`} data-status={tenant.status}>
                  <th scope="row">
                    <span
                      className="swatch"
                      aria-hidden="true"
                      style={{ background: colour(tenant.branding.primaryColor, DEFAULT_PRIMARY) }}
                    />{" "}
                    <Link to={`/tenants/${tenant.id}`} data-testid={`tenant-link-${tenant.slug}`}>
                      {tenant.branding.displayName}
                    </Link>
                    <span className="muted small block">{tenant.slug}</span>
                  </th>
                  <td>
                    <span className={`status-badge ${tenant.status}`} data-testid="tenant-status">
                      {tt(statusLabelKey(tenant.status))}
                    </span>
                  </td>
                  <td>{tt(tenant.type)}</td>
                  <td data-testid="tenant-plan">{tt(`plan_${tenant.plan}` as "plan_free")}</td>
                  <td>{tenant.mfaRequired ? t("required") : t("off")}</td>
                  <td className="number">{tenant.usage ? formatCount(language, tenant.usage.members) : "–"}</td>
                  <td className="number">{tenant.usage ? formatCount(language, tenant.usage.workspaces) : "–"}</td>
                  <td className="number">
                    {tenant.usage ? formatCount(language, tenant.usage.sharingFreelancers) : "–"}
                  </td>
                  <td>{formatDate(language, tenant.createdAt)}</td>
                  <td>
                    <button
                      type="button"
                      className={tenant.status === "ACTIVE" ? "button subtle danger-text" : "button subtle"}
                      id={`${tenant.status === "ACTIVE" ? "suspend" : "resume"}-${tenant.slug}`}
                      onClick={() => setAsking(tenant)}
                      aria-label={tt(tenant.status === "ACTIVE" ? "suspendNamed" : "resumeNamed", {
                        name: tenant.branding.displayName,
                      })}
                    >
                      {tt(tenant.status === "ACTIVE" ? "suspend" : "resume")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 ? <p className="muted">{t("empty")}</p> : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={asking !== null}
        title={tt(asking?.status === "ACTIVE" ? "suspendTitle" : "resumeTitle", {
          name: asking?.branding.displayName ?? "",
        })}
        body={tt(asking?.status === "ACTIVE" ? "suspendBody" : "resumeBody")}
        confirm={tt(asking?.status === "ACTIVE" ? "suspend" : "resume")}
        cancel={tt("cancel")}
        danger={asking?.status === "ACTIVE"}
        busy={busy}
        onConfirm={change}
        onCancel={() => setAsking(null)}
      />
    </>
  );
}
