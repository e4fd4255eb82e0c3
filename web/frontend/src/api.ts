import { accessToken } from "./auth";

/** An RFC 9457 problem the API answered with, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type?: string,
  ) {
    super(detail || title);
  }
}

let tenantSlug: string | null = null;

export function useTenantApi(slug: string | null): void {
  tenantSlug = slug;
}

/** `/v1/...` under the tenant's path when there is one, so the server resolves it at the edge. */
export function apiUrl(path: string): string {
  return (tenantSlug ? `/t/${encodeURIComponent(tenantSlug)}/api` : "/api") + path;
}

/** `file` is sent as the raw request body with its own type, as the skill-sheet upload takes it. */
type Init = {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  formData?: FormData;
  file?: Blob;
};

export async function api<T>(path: string, init: Init = {}): Promise<T> {
  const response = await send(path, init);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

export async function apiBlob(path: string): Promise<Blob> {
  return (await send(path, {})).blob();
}

async function send(path: string, init: Init): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = await accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (init.file) {
    headers["Content-Type"] = init.file.type || "application/octet-stream";
    body = init.file;
  } else if (init.formData) {
    body = init.formData;
  } else if (init.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: init.method ?? (body ? "POST" : "GET"),
      headers,
      body,
      signal: init.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "offline", String(e));
  }
  if (!response.ok) {
    let problem: { title?: string; detail?: string; type?: string } = {};
    try {
      problem = await response.json();
    } catch {
      // not a problem document (a proxy's page); the status says enough
    }
    throw new ApiError(
      response.status,
      problem.title ?? response.statusText,
      problem.detail ?? "",
      problem.type,
    );
  }
  return response;
}
