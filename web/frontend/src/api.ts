import { bodyOf, call, type CallInit } from "@proxima/frontend-core/http";
import { isSuspensionProblem, markSuspended } from "./suspension";

export { ApiError } from "@proxima/frontend-core/http";

let tenantSlug: string | null = null;

export function useTenantApi(slug: string | null): void {
  tenantSlug = slug;
}

/** `/v1/...` under the tenant's path when there is one, so the server resolves it at the edge. */
export function apiUrl(path: string): string {
  return (tenantSlug ? `/t/${encodeURIComponent(tenantSlug)}/api` : "/api") + path;
}

export async function api<T>(path: string, init: CallInit = {}): Promise<T> {
  try {
    return bodyOf<T>(await call(apiUrl(path), init));
  } catch (e) {
    // Suspended while the page was open: every page gives way to the suspension page at once.
    if (tenantSlug && isSuspensionProblem(e)) markSuspended();
    throw e;
  }
}

export async function apiBlob(path: string): Promise<Blob> {
  return (await call(apiUrl(path))).blob();
}
