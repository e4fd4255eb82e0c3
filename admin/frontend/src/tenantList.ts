import type { Tenant } from "./types";

/** Tenants whose name or slug contains `text` (any case, full- or half-width), in `status`. */
export function filterTenants(tenants: Tenant[], text: string, status: string): Tenant[] {
  const needle = text.normalize("NFKC").trim().toLowerCase();
  return tenants.filter(
    (tenant) =>
      (!status || tenant.status === status) &&
      (!needle ||
        tenant.slug.includes(needle) ||
        tenant.branding.displayName.normalize("NFKC").toLowerCase().includes(needle)),
  );
}

export function statusLabelKey(status: string): "ACTIVE" | "SUSPENDED" | "CLOSED" {
  return status === "SUSPENDED" ? "SUSPENDED" : status === "CLOSED" ? "CLOSED" : "ACTIVE";
}
