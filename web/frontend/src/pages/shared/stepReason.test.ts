import { describe, expect, it } from "vitest";
import { stepReason } from "./stepReason";

describe("stepReason", () => {
  it("words the platform's cause in the reader's language", () => {
    expect(stepReason({ cause: "INTERVIEW_AGREED" }, "ja")).toBe("面接日時が確定しました");
    expect(stepReason({ cause: "INTERVIEW_AGREED" }, "en")).toBe("Interview time agreed");
  });

  it("shows what a person wrote as written", () => {
    expect(stepReason({ reason: "別案件で決まりました" }, "en")).toBe("別案件で決まりました");
    expect(stepReason({ reason: "Skills do not match", cause: null }, "ja")).toBe("Skills do not match");
  });

  it("shows nothing for no reason, a blank one, or a cause it does not know", () => {
    expect(stepReason({}, "ja")).toBeNull();
    expect(stepReason({ reason: "  " }, "ja")).toBeNull();
    expect(stepReason({ cause: "SOMETHING_NEWER", reason: "x" }, "ja")).toBeNull();
  });
});
