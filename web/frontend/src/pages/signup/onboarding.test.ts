import { describe, expect, it } from "vitest";
import {
  canResend,
  canRevoke,
  checkInviteEmail,
  currentStep,
  inviteeName,
  isTalentInvitationPath,
  nextStep,
  progress,
  rememberAcceptance,
  shouldOpenGuide,
  takeAcceptance,
  takePendingAcceptance,
} from "./onboarding";

class MemoryStorage implements Storage {
  private values = new Map<string, string>();
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

describe("the first-run guide", () => {
  it("starts with the terms until they are accepted, whatever step was saved", () => {
    expect(currentStep({ step: "SHARING", termsAccepted: false })).toBe("TERMS");
    expect(currentStep({ step: null, termsAccepted: false })).toBe("TERMS");
  });

  it("resumes where the person left off once the terms are accepted", () => {
    expect(currentStep({ step: "AVAILABILITY", termsAccepted: true })).toBe("AVAILABILITY");
    expect(currentStep({ step: "TERMS", termsAccepted: true })).toBe("PROFILE");
    expect(currentStep({ step: "DONE", termsAccepted: true })).toBe("PROFILE");
  });

  it("walks the steps in order and ends after sharing", () => {
    expect(nextStep("TERMS")).toBe("PROFILE");
    expect(nextStep("PROFILE")).toBe("AVAILABILITY");
    expect(nextStep("AVAILABILITY")).toBe("SHARING");
    expect(nextStep("SHARING")).toBeNull();
    expect(progress("AVAILABILITY")).toEqual({ position: 3, total: 4 });
  });

  it("opens only when the server says so, and not on the guide itself", () => {
    expect(shouldOpenGuide({ show: true }, "/")).toBe(true);
    expect(shouldOpenGuide({ show: true }, "/welcome")).toBe(false);
    expect(shouldOpenGuide({ show: false }, "/")).toBe(false);
  });
});

describe("talent invitations", () => {
  it("can be resent while pending or expired and revoked only while pending", () => {
    expect(canResend("PENDING")).toBe(true);
    expect(canResend("EXPIRED")).toBe(true);
    expect(canResend("ACCEPTED")).toBe(false);
    expect(canResend("REVOKED")).toBe(false);
    expect(canRevoke("PENDING")).toBe(true);
    expect(canRevoke("EXPIRED")).toBe(false);
    expect(canRevoke("DECLINED")).toBe(false);
  });

  it("names the invitee family name first in Japanese", () => {
    expect(inviteeName("田中", "健", "ja")).toBe("田中 健");
    expect(inviteeName("Tanaka", "Ken", "en")).toBe("Ken Tanaka");
    expect(inviteeName(null, " ", "ja")).toBe("");
  });

  it("asks for a plausible address before sending", () => {
    expect(checkInviteEmail("  ")).toBe("required");
    expect(checkInviteEmail("tanaka@")).toBe("format");
    expect(checkInviteEmail("tanaka.ken@example.jp")).toBeNull();
  });

  it("keeps the link's token across the sign-in round trip once, for its tenant only", () => {
    const storage = new MemoryStorage();
    rememberAcceptance(storage, "sakura", "token-123");
    expect(takeAcceptance(storage, "other")).toBeNull();
    rememberAcceptance(storage, "sakura", "token-123");
    expect(takeAcceptance(storage, "sakura")).toBe("token-123");
    expect(takeAcceptance(storage, "sakura")).toBeNull();
    storage.setItem("proxima.talentInvitation", "{not json");
    expect(takeAcceptance(storage, "sakura")).toBeNull();
  });

  it("keeps the version of the terms shown with the token, for the acceptance to send back", () => {
    const storage = new MemoryStorage();
    rememberAcceptance(storage, "sakura", "token-123", "q3Xb9Lk0aZ1c");
    expect(takePendingAcceptance(storage, "sakura")).toEqual({ token: "token-123", termsVersion: "q3Xb9Lk0aZ1c" });
    expect(takePendingAcceptance(storage, "sakura")).toBeNull();
    rememberAcceptance(storage, "sakura", "token-123");
    expect(takePendingAcceptance(storage, "sakura")).toEqual({ token: "token-123" });
  });

  it("recognises the invitation page's path", () => {
    expect(isTalentInvitationPath("/t/sakura/talent-invitation")).toBe(true);
    expect(isTalentInvitationPath("/t/sakura/talent-invitation/")).toBe(true);
    expect(isTalentInvitationPath("/t/sakura/join")).toBe(false);
    expect(isTalentInvitationPath("/talent-invitation")).toBe(false);
  });
});
