import type { ApiError } from "./api";
import { isColour } from "./branding";

/** What the console's tenant forms edit; names match the inputs' `name` attributes. */
export type TenantForm = {
  slug: string;
  type: "AGENCY" | "COMPANY";
  plan: Plan;
  displayName: string;
  logoUrl: string;
  primaryColor: string;
  accentColor: string;
  hostNames: string;
  adminEmail: string;
  adminFirstName: string;
  adminLastName: string;
};

export type Field = keyof TenantForm;
export type Plan = "free" | "standard" | "enterprise";
export const PLANS: readonly Plan[] = ["free", "standard", "enterprise"];
export const TYPES: readonly TenantForm["type"][] = ["AGENCY", "COMPANY"];

/** Why a field is refused, as a message key every page that edits tenants translates. */
export type FieldError =
  | "required"
  | "tooLong"
  | "slugForm"
  | "slugReserved"
  | "colourForm"
  | "logoForm"
  | "hostForm"
  | "tooManyHosts"
  | "emailForm"
  | "planUnknown";

export const EMPTY_FORM: TenantForm = {
  slug: "",
  type: "AGENCY",
  plan: "standard",
  displayName: "",
  logoUrl: "",
  primaryColor: "",
  accentColor: "",
  hostNames: "",
  adminEmail: "",
  adminFirstName: "",
  adminLastName: "",
};

// The server's own rules (TenantSlug, Branding, TenantAdministration), checked here first so a
// mistake shows at the field at once; the server checks them again and has the last word.
const SLUG = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;
const RESERVED = new Set([
  "admin", "api", "www", "app", "auth", "login", "static", "assets", "health", "ws", "proxima",
  "platform", "keycloak", "mail", "status", "support", "t",
]);
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Host names as typed: one per line or separated by commas, lower-cased, without repeats. */
export function hostList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export function isSafeLogoUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password || !url.hostname) return false;
    return (
      url.protocol === "https:" ||
      (url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1"))
    );
  } catch {
    return false;
  }
}

/** The branding fields' errors: shared by the create form and the detail page's rebrand form. */
export function brandingErrors(form: Pick<TenantForm, "displayName" | "logoUrl" | "primaryColor" | "accentColor" | "hostNames">): Partial<Record<Field, FieldError>> {
  const errors: Partial<Record<Field, FieldError>> = {};
  const name = form.displayName.trim();
  if (!name) errors.displayName = "required";
  else if (name.length > 120) errors.displayName = "tooLong";
  const logo = form.logoUrl.trim();
  if (logo && (logo.length > 2048 || !isSafeLogoUrl(logo))) errors.logoUrl = "logoForm";
  if (form.primaryColor.trim() && !isColour(form.primaryColor)) errors.primaryColor = "colourForm";
  if (form.accentColor.trim() && !isColour(form.accentColor)) errors.accentColor = "colourForm";
  const hosts = hostList(form.hostNames);
  if (hosts.some((host) => !HOST.test(host))) errors.hostNames = "hostForm";
  else if (hosts.length > 10) errors.hostNames = "tooManyHosts";
  return errors;
}

/** Every error of a new tenant, by field; empty when it may be sent. */
export function validateNewTenant(form: TenantForm): Partial<Record<Field, FieldError>> {
  const errors = brandingErrors(form);
  const slug = form.slug.trim();
  if (!slug) errors.slug = "required";
  else if (!SLUG.test(slug) || slug.includes("--")) errors.slug = "slugForm";
  else if (RESERVED.has(slug)) errors.slug = "slugReserved";
  if (!PLANS.includes(form.plan)) errors.plan = "planUnknown";
  const email = form.adminEmail.trim();
  if (!email) errors.adminEmail = "required";
  else if (email.length > 320 || !EMAIL.test(email)) errors.adminEmail = "emailForm";
  for (const field of ["adminFirstName", "adminLastName"] as const) {
    const value = form[field].trim();
    if (!value) errors[field] = "required";
    else if (value.length > 100) errors[field] = "tooLong";
  }
  return errors;
}

/** The branding part of a request body; empty optional fields are left to the server's defaults. */
export function brandingBody(form: Pick<TenantForm, "displayName" | "logoUrl" | "primaryColor" | "accentColor" | "hostNames">) {
  return {
    displayName: form.displayName.trim(),
    logoUrl: form.logoUrl.trim() || null,
    primaryColor: form.primaryColor.trim() || null,
    accentColor: form.accentColor.trim() || null,
    hostNames: hostList(form.hostNames),
  };
}

export function newTenantBody(form: TenantForm) {
  return {
    slug: form.slug.trim(),
    type: form.type,
    plan: form.plan,
    branding: brandingBody(form),
    firstAdmin: {
      email: form.adminEmail.trim(),
      firstName: form.adminFirstName.trim(),
      lastName: form.adminLastName.trim(),
    },
  };
}

// Bean Validation names a field by its path in the request body.
const VIOLATION_FIELDS: Record<string, Field> = {
  slug: "slug",
  type: "type",
  plan: "plan",
  branding: "displayName",
  "branding.displayName": "displayName",
  displayName: "displayName",
  "branding.logoUrl": "logoUrl",
  logoUrl: "logoUrl",
  "branding.primaryColor": "primaryColor",
  primaryColor: "primaryColor",
  "branding.accentColor": "accentColor",
  accentColor: "accentColor",
  "branding.hostNames": "hostNames",
  hostNames: "hostNames",
  firstAdmin: "adminEmail",
  "firstAdmin.email": "adminEmail",
  "firstAdmin.firstName": "adminFirstName",
  "firstAdmin.lastName": "adminLastName",
};

// The domain's refusals carry no field, only a sentence; these are the sentences it writes.
const DETAIL_FIELDS: [RegExp, Field][] = [
  [/slug|reserved/i, "slug"],
  [/display name/i, "displayName"],
  [/logo/i, "logoUrl"],
  [/primary colou?r/i, "primaryColor"],
  [/accent colou?r/i, "accentColor"],
  [/host/i, "hostNames"],
  [/plan/i, "plan"],
];

/**
 * Where a refused request's problem belongs: each violation at its field, a domain refusal at the
 * field its sentence names, and anything else (a Keycloak outage, a 403) as a message for the form.
 */
export function problemFields(error: ApiError): {
  fields: Partial<Record<Field, string>>;
  general: string | null;
} {
  const fields: Partial<Record<Field, string>> = {};
  const unplaced: string[] = [];
  for (const violation of error.violations) {
    const field = VIOLATION_FIELDS[violation.field.replace(/\[\d+\]/g, "")];
    if (field && !fields[field]) fields[field] = violation.message;
    else if (!field) unplaced.push(`${violation.field}: ${violation.message}`);
  }
  if (error.violations.length === 0 && error.status >= 400 && error.status < 500) {
    const found = DETAIL_FIELDS.find(([pattern]) => pattern.test(error.detail));
    if (found && error.status !== 403) fields[found[1]] = error.detail;
    else unplaced.push(error.detail || error.title);
  } else if (error.violations.length === 0) {
    unplaced.push(error.detail || error.title);
  }
  return { fields, general: unplaced.length ? unplaced.join(" ") : null };
}
