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
    /** The whole problem document, for a type's extension members (e.g. a conflict's current state). */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(detail || title);
  }
}

/**
 * A call's body: `body` as JSON, `formData` as a multipart form, or `file` as the raw request body
 * with its own type (as the skill-sheet upload takes it).
 */
export type CallInit = {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  formData?: FormData;
  file?: Blob;
  accept?: string;
};

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

/** Calls `url` with the signed-in person's token; a failed answer throws its problem. */
export async function call(url: string, init: CallInit = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: init.accept ?? "application/json" };
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
    response = await fetch(url, {
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

/** The answer's JSON (or text); nothing for 204. */
export async function bodyOf<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

/** The problem document of a failed answer; a proxy's HTML page still gives its status. */
export async function problemOf(response: Response): Promise<ApiError> {
  let problem: { title?: string; detail?: string; type?: string; violations?: Violation[] } & Record<string, unknown> = {};
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
    problem,
  );
}
