import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./api";
import {
  isSuspended,
  isSuspensionClose,
  isSuspensionProblem,
  markSuspended,
  subscribeSuspension,
} from "./suspension";

describe("suspension", () => {
  it("is the policy close with the server's fixed reason, nothing else", () => {
    expect(isSuspensionClose(1008, "tenant-suspended")).toBe(true);
    expect(isSuspensionClose(1008, "There is no such board.")).toBe(false);
    expect(isSuspensionClose(1000, "tenant-suspended")).toBe(false);
    expect(isSuspensionClose(1006, "")).toBe(false);
  });

  it("is the 403 problem of type tenant-suspended, not any 403", () => {
    const suspendedProblem = new ApiError(
      403,
      "Forbidden",
      "The workspace acme is suspended.",
      "urn:proxima:problem:tenant-suspended",
    );
    expect(isSuspensionProblem(suspendedProblem)).toBe(true);
    expect(isSuspensionProblem(new ApiError(403, "Forbidden", "", "urn:proxima:problem:forbidden"))).toBe(false);
    expect(isSuspensionProblem(new ApiError(404, "Not Found", "", "urn:proxima:problem:tenant-suspended"))).toBe(false);
    expect(isSuspensionProblem(new Error("tenant-suspended"))).toBe(false);
  });

  it("tells its listeners once when it becomes known", () => {
    const listener = vi.fn();
    const unsubscribe = subscribeSuspension(listener);
    expect(isSuspended()).toBe(false);
    markSuspended();
    markSuspended();
    expect(isSuspended()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });
});
