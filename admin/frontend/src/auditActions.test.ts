import { describe, expect, it } from "vitest";
import { actionLabel, actorLabel } from "./auditActions";

describe("auditActions", () => {
  it("words known actions in each language and keeps unknown codes visible", () => {
    expect(actionLabel("profile.read", "ja")).toBe("プロフィール閲覧");
    expect(actionLabel("profile.downloaded", "ja")).toBe("プロフィールのダウンロード");
    expect(actionLabel("tenant.suspended", "en")).toBe("Tenant suspended");
    expect(actionLabel("something.new", "ja")).toBe("something.new");
  });

  it("names the actor, the system, or falls back to the subject", () => {
    expect(actorLabel({ actorSubject: "5395f7b1", actorName: "山田 太郎" }, "ja")).toBe("山田 太郎");
    expect(actorLabel({ actorSubject: "system:audit-retention" }, "ja")).toBe("システム（自動処理）");
    expect(actorLabel({ actorSubject: "system:audit-retention" }, "en")).toBe("System (automatic)");
    expect(actorLabel({ actorSubject: "5395f7b1" }, "en")).toBe("5395f7b1");
    expect(actorLabel({}, "en")).toBe("–");
  });
});
