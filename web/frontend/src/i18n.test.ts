import { describe, expect, it } from "vitest";
import { defineMessages, formatManYen, translate } from "@proxima/frontend-core/i18n";

const messages = defineMessages({
  ja: { hello: "{name}さん、こんにちは" },
  en: { hello: "Hello, {name}" },
});

describe("i18n", () => {
  it("fills placeholders in either language", () => {
    expect(translate(messages, "ja", "hello", { name: "森" })).toBe("森さん、こんにちは");
    expect(translate(messages, "en", "hello", { name: "Mori" })).toBe("Hello, Mori");
  });

  it("leaves an unknown placeholder visible instead of blank", () => {
    expect(translate(messages, "en", "hello")).toBe("Hello, {name}");
  });

  it("quotes rates in 万円", () => {
    expect(formatManYen("ja", 60, 70)).toBe("60–70万円");
    expect(formatManYen("ja", 80, 80)).toBe("80万円");
  });
});
