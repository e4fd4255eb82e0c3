import { ApiError } from "@proxima/frontend-core/http";

/**
 * Whether the tenant whose portal this is has been suspended by the platform. Learnt at start (the
 * public branding says so), from a live socket the server closed for it, or from an API call it
 * refused for it; once known, the whole portal gives way to the suspension page.
 */
let suspended = false;
const listeners = new Set<() => void>();

/** The close reason the server gives a suspended tenant's live sockets (with code 1008). */
export const SUSPENSION_CLOSE_REASON = "tenant-suspended";

export function isSuspensionClose(code: number, reason: string): boolean {
  return code === 1008 && reason === SUSPENSION_CLOSE_REASON;
}

export function isSuspensionProblem(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 403 &&
    typeof error.type === "string" &&
    error.type.endsWith(":tenant-suspended")
  );
}

export function markSuspended(): void {
  if (suspended) return;
  suspended = true;
  listeners.forEach((listener) => listener());
}

export function isSuspended(): boolean {
  return suspended;
}

export function subscribeSuspension(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
