import { bodyOf, call, type CallInit } from "@proxima/frontend-core/http";

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
  return bodyOf<T>(await call(apiUrl(path), init));
}

export async function apiBlob(path: string): Promise<Blob> {
  return (await call(apiUrl(path))).blob();
}
