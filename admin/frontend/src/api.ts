import { bodyOf, call, type CallInit } from "@proxima/frontend-core/http";

export { ApiError, problemOf, query, type Violation } from "@proxima/frontend-core/http";

/** The console's API: served by the portal's one JAX-RS application under /api/v1/platform/. */
export const API_BASE = "/api";

export async function api<T>(path: string, init: CallInit = {}): Promise<T> {
  return bodyOf<T>(await call(API_BASE + path, init));
}

/** A download (an audit export) with the file name the server chose. */
export async function apiDownload(
  path: string,
  accept: string,
): Promise<{ blob: Blob; fileName: string }> {
  const response = await call(API_BASE + path, { accept });
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const named = /filename="([^"]+)"/.exec(disposition);
  return { blob: await response.blob(), fileName: named ? named[1] : "download" };
}
