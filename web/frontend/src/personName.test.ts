import { describe, expect, it } from "vitest";
import { personName } from "@proxima/frontend-core/personName";

describe("the signed-in person's name", () => {
  it("is written family name first in Japanese script", () => {
    expect(personName({ name: "美咲 高橋", given_name: "美咲", family_name: "高橋" })).toBe("高橋 美咲");
  });
  it("stays as Keycloak composed it in Latin script", () => {
    expect(personName({ name: "Aki Mori", given_name: "Aki", family_name: "Mori" })).toBe("Aki Mori");
  });
  it("falls back to the username", () => {
    expect(personName({ preferred_username: "demo" })).toBe("demo");
  });
});
