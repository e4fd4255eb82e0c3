import { describe, expect, it } from "vitest";
import { changesBetween } from "./settings";
import type { KindChoice } from "./notificationTypes";

const choice = (kind: KindChoice["kind"], inApp: boolean, mail: boolean): KindChoice => ({
  kind,
  nameJa: kind,
  nameEn: kind,
  inApp,
  mail,
});

describe("the settings form's changes", () => {
  it("sends nothing when nothing changed", () => {
    const saved = [choice("SCOUT_RECEIVED", true, true)];
    expect(changesBetween(saved, saved)).toEqual([]);
  });

  it("sends only the channel that changed", () => {
    const saved = [choice("SCOUT_RECEIVED", true, true), choice("MESSAGE_RECEIVED", true, true)];
    const draft = [choice("SCOUT_RECEIVED", true, false), choice("MESSAGE_RECEIVED", true, true)];
    expect(changesBetween(saved, draft)).toEqual([{ kind: "SCOUT_RECEIVED", mail: false }]);
  });

  it("sends both channels of a kind the saved settings did not have", () => {
    expect(changesBetween([], [choice("INVOICE_ISSUED", false, true)])).toEqual([
      { kind: "INVOICE_ISSUED", inApp: false, mail: true },
    ]);
  });
});
