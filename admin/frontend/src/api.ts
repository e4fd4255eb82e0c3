import { accessToken } from "./auth";

/** One rejected input of a validation problem: where it is and what is wrong with it. */
export type Violation = { field: string; message: string };

/** An RFC 9457 problem the API answered with, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type?: string,
    readonly violations: Violation[] = [],
  ) {
    super(detail || title);
  }
}

/** The console's API lives under the admin WAR's context root. */
export const API_BASE = "/admin/api";

/** `?a=1&b=2` from the non-empty values only, so optional filters stay out of the URL. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && String(value).trim() !== "") {
      search.set(name, String(value).trim());
    }
  }
  const text = search.toString();
  return text ? "?" + text : "";
}

type Init = { method?: string; body?: unknown; signal?: AbortSignal };

export async function api<T>(path: string, init: Init = {}): Promise<T> {
  const response = await send(path, init, "application/json");
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

/** A download (an audit export) with the file name the server chose. */
export async function apiDownload(
  path: string,
  accept: string,
): Promise<{ blob: Blob; fileName: string }> {
  const response = await send(path, {}, accept);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const named = /filename="([^"]+)"/.exec(disposition);
  return { blob: await response.blob(), fileName: named ? named[1] : "download" };
}

async function send(path: string, init: Init, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  const token = await accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (init.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method: init.method ?? (body ? "POST" : "GET"),
      headers,
      body,
      signal: init.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "offline", String(e));
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** The problem document of a failed answer; a proxy's HTML page still gives its status. */
export async function problemOf(response: Response): Promise<ApiError> {
  let problem: { title?: string; detail?: string; type?: string; violations?: Violation[] } = {};
  try {
    problem = await response.json();
  } catch {
    // not a problem document; the status says enough
  }
  return new ApiError(
    response.status,
    problem.title ?? response.statusText,
    problem.detail ?? "",
    problem.type,
    Array.isArray(problem.violations) ? problem.violations : [],
  );
}
