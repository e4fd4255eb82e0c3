/** The audit viewer's filters as the form holds them; dates are the days a person picks. */
export type AuditFilters = {
  tenant: string; // "" every chain, "platform", or a tenant id
  actor: string;
  action: string;
  from: string; // YYYY-MM-DD, first day included
  to: string; // YYYY-MM-DD, last day included
};

export const NO_FILTERS: AuditFilters = { tenant: "", actor: "", action: "", from: "", to: "" };

/** The filters a link carries (`/audit?tenant=…`), unknown parameters ignored. */
export function filtersFromSearch(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  return {
    tenant: params.get("tenant") ?? "",
    actor: params.get("actor") ?? "",
    action: params.get("action") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
}

/** The day after `day` (YYYY-MM-DD), calendar-correct across months and leap years. */
export function nextDay(day: string): string {
  const date = new Date(day + "T00:00:00Z");
  if (Number.isNaN(date.getTime())) return day;
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().substring(0, 10);
}

/**
 * The API's query parameters: its `to` is exclusive, so the last day picked becomes the next
 * day; a malformed date is passed on as typed for the server to refuse with its own message.
 */
export function auditQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.tenant) query.tenant = filters.tenant;
  if (filters.actor.trim()) query.actor = filters.actor.trim();
  if (filters.action.trim()) query.action = filters.action.trim();
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = /^\d{4}-\d{2}-\d{2}$/.test(filters.to) ? nextDay(filters.to) : filters.to;
  return query;
}

/** A date range whose end comes before its start, which the server would refuse. */
export function reversed(filters: AuditFilters): boolean {
  return !!filters.from && !!filters.to && filters.to < filters.from;
}
