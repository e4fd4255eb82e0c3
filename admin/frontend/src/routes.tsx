import type { ComponentType } from "react";
import { Audit } from "./pages/Audit";
import { Metrics } from "./pages/Metrics";
import { NewTenant } from "./pages/NewTenant";
import { TenantDetail } from "./pages/TenantDetail";
import { Tenants } from "./pages/Tenants";

/** A page of the console: where it lives, its label in the navigation, and what it shows. */
export type Route = {
  path: string;
  label: keyof (typeof NAV_LABELS)["ja"] | null;
  /** The navigation entry this page belongs under. */
  section: keyof (typeof NAV_LABELS)["ja"];
  page: ComponentType<{ params: Record<string, string> }>;
};

export const NAV_LABELS = {
  ja: { tenants: "テナント", newTenant: "テナント作成", metrics: "実績グラフ", audit: "監査ログ" },
  en: { tenants: "Tenants", newTenant: "New tenant", metrics: "Charts", audit: "Audit log" },
};

// "/tenants/new" before "/tenants/:id", which would take "new" for an id.
export const ROUTES: Route[] = [
  { path: "/", label: "tenants", section: "tenants", page: Tenants },
  { path: "/tenants/new", label: "newTenant", section: "newTenant", page: NewTenant },
  { path: "/tenants/:id", label: null, section: "tenants", page: TenantDetail },
  { path: "/metrics", label: "metrics", section: "metrics", page: Metrics },
  { path: "/audit", label: "audit", section: "audit", page: Audit },
];
