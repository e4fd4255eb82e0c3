import { useRef, useState, type FormEvent } from "react";
import { api, ApiError } from "../api";
import { BrandPreview } from "../components/BrandPreview";
import { ErrorNotice } from "../components/ErrorNotice";
import { BrandingFields, LabelledField, useFieldError, type Errors } from "../components/Fields";
import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { navigate } from "@proxima/frontend-core/router";
import {
  EMPTY_FORM,
  isSafeLogoUrl,
  newTenantBody,
  PLANS,
  problemFields,
  TYPES,
  validateNewTenant,
  type Field,
  type TenantForm,
} from "../tenantForm";
import type { Tenant } from "../types";
import { tenantMessages } from "./tenantMessages";

const messages = defineMessages({
  ja: {
    title: "テナントを作成",
    intro:
      "テナントを登録し、Keycloak の組織・ブランド付きクライアント・最初の管理者を用意します。管理者には招待メールが届きます。",
    basics: "基本情報",
    branding: "ブランディング",
    admin: "最初の管理者",
    slug: "スラッグ",
    slugHint: "ポータルの URL /t/{slug}/ とホスト名に使います。あとから変えられません。",
    type: "種別",
    plan: "プラン",
    email: "メールアドレス",
    lastName: "姓",
    firstName: "名",
    create: "作成する",
    creating: "作成中…",
    invalid: "入力内容を確認してください({count} 件)。",
    created: "{name} を作成しました。",
  },
  en: {
    title: "Create a tenant",
    intro:
      "Registers the tenant and sets up its Keycloak organization, branded client and first admin, who receives an invitation email.",
    basics: "Basics",
    branding: "Branding",
    admin: "First admin",
    slug: "Slug",
    slugHint: "Used in the portal's URL /t/{slug}/ and host name. It cannot be changed later.",
    type: "Type",
    plan: "Plan",
    email: "Email",
    lastName: "Last name",
    firstName: "First name",
    create: "Create",
    creating: "Creating…",
    invalid: "Please check the form ({count} problems).",
    created: "{name} was created.",
  },
});

// The order fields appear in, so the first invalid one gets the focus.
const ORDER: Field[] = [
  "slug", "type", "plan", "displayName", "logoUrl", "primaryColor", "accentColor", "hostNames",
  "adminEmail", "adminLastName", "adminFirstName",
];

export function NewTenant() {
  const t = useT(messages);
  const tt = useT(tenantMessages);
  const message = useFieldError();
  const [form, setForm] = useState<TenantForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<Errors>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const update = (field: Field, value: string) => {
    const next = { ...form, [field]: value } as TenantForm;
    setForm(next);
    // Once the form was sent, errors follow the typing so a fixed field clears at once.
    if (submitted) setErrors(validateNewTenant(next));
  };

  const focusFirst = (found: Errors) => {
    const first = ORDER.find((field) => found[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setGeneral(null);
    const found = validateNewTenant(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      const tenant = await api<Tenant>("/v1/platform/tenants", { body: newTenantBody(form) });
      navigate(`/tenants/${tenant.id}?created=${tenant.firstAdminInvitation?.status ?? "NOT_SENT"}`);
    } catch (e) {
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 403) {
        const placed = problemFields(e);
        setErrors(placed.fields);
        focusFirst(placed.fields);
        setGeneral(placed.general ? new ApiError(e.status, e.title, placed.general) : null);
      } else {
        setGeneral(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const count = Object.keys(errors).length;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <div className="with-preview">
        <form id="tenant-form" ref={formRef} onSubmit={submit} noValidate aria-describedby="tenant-form-status">
          <p id="tenant-form-status" role="status" className={count ? "notice error" : "visually-hidden"}>
            {count ? t("invalid", { count }) : ""}
          </p>
          <ErrorNotice error={general} id="tenant-form-error" />
          <fieldset>
            <legend>{t("basics")}</legend>
            <LabelledField
              name="slug"
              label={t("slug")}
              hint={t("slugHint", { slug: form.slug || "…" })}
              error={message(errors.slug)}
            >
              {(a11y) => (
                <input
                  {...a11y}
                  type="text"
                  required
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={40}
                  value={form.slug}
                  onChange={(event) => update("slug", event.target.value.toLowerCase())}
                />
              )}
            </LabelledField>
            <div className="row">
              <LabelledField name="type" label={t("type")} error={message(errors.type)}>
                {(a11y) => (
                  <select {...a11y} value={form.type} onChange={(event) => update("type", event.target.value)}>
                    {TYPES.map((type) => (
                      <option key={type} value={type}>
                        {tt(type)}
                      </option>
                    ))}
                  </select>
                )}
              </LabelledField>
              <LabelledField name="plan" label={t("plan")} error={message(errors.plan)}>
                {(a11y) => (
                  <select {...a11y} value={form.plan} onChange={(event) => update("plan", event.target.value)}>
                    {PLANS.map((plan) => (
                      <option key={plan} value={plan}>
                        {tt(`plan_${plan}`)}
                      </option>
                    ))}
                  </select>
                )}
              </LabelledField>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t("branding")}</legend>
            <BrandingFields form={form} errors={errors} onChange={update} />
          </fieldset>
          <fieldset>
            <legend>{t("admin")}</legend>
            <LabelledField name="adminEmail" label={t("email")} error={message(errors.adminEmail)}>
              {(a11y) => (
                <input
                  {...a11y}
                  type="email"
                  required
                  autoComplete="off"
                  value={form.adminEmail}
                  onChange={(event) => update("adminEmail", event.target.value)}
                />
              )}
            </LabelledField>
            <div className="row">
              <LabelledField name="adminLastName" label={t("lastName")} error={message(errors.adminLastName)}>
                {(a11y) => (
                  <input
                    {...a11y}
                    type="text"
                    required
                    maxLength={100}
                    value={form.adminLastName}
                    onChange={(event) => update("adminLastName", event.target.value)}
                  />
                )}
              </LabelledField>
              <LabelledField name="adminFirstName" label={t("firstName")} error={message(errors.adminFirstName)}>
                {(a11y) => (
                  <input
                    {...a11y}
                    type="text"
                    required
                    maxLength={100}
                    value={form.adminFirstName}
                    onChange={(event) => update("adminFirstName", event.target.value)}
                  />
                )}
              </LabelledField>
            </div>
          </fieldset>
          <button type="submit" className="button" id="create-tenant" disabled={busy} aria-busy={busy}>
            {busy ? t("creating") : t("create")}
          </button>
        </form>
        <BrandPreview
          displayName={form.displayName}
          logoUrl={form.logoUrl}
          primaryColor={form.primaryColor}
          accentColor={form.accentColor}
          safeLogo={isSafeLogoUrl(form.logoUrl.trim())}
        />
      </div>
    </>
  );
}
