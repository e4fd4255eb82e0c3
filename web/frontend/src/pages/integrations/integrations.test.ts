import { describe, expect, it } from "vitest";
import {
  EVENT_TYPES,
  SCOPES,
  eventLabel,
  keyState,
  lastAttempt,
  outcome,
  plausibleUrl,
  prettyPayload,
  scopeLabel,
} from "./integrations";
import type { ApiKeyView, DeliveryView } from "./integrationTypes";

const key = (over: Partial<ApiKeyView>): ApiKeyView => ({
  id: "k",
  name: "連携",
  prefix: "prx_abcd1234",
  scopes: ["jobs:read"],
  createdAt: "2026-12-01T00:00:00Z",
  ...over,
});

describe("integration settings", () => {
  it("labels every scope and event type in both languages, and unknown ones as they are", () => {
    for (const s of SCOPES) {
      expect(scopeLabel("ja", s.scope)).not.toBe(s.scope);
      expect(scopeLabel("en", s.scope)).not.toBe(s.scope);
    }
    for (const e of EVENT_TYPES) expect(eventLabel("ja", e.type)).not.toBe(e.type);
    expect(scopeLabel("ja", "x:y")).toBe("x:y");
    expect(eventLabel("en", "webhook.test")).toBe("Test event");
  });

  it("tells a revoked key, one in its rotation overlap, and an active one apart", () => {
    const now = new Date("2026-12-06T10:00:00Z");
    expect(keyState(key({ revokedAt: "2026-12-05T00:00:00Z" }), now)).toBe("revoked");
    expect(keyState(key({ previousValidUntil: "2026-12-06T11:00:00Z" }), now)).toBe("overlap");
    expect(keyState(key({ previousValidUntil: "2026-12-06T09:00:00Z" }), now)).toBe("active");
    expect(keyState(key({}), now)).toBe("active");
  });

  it("accepts only absolute http and https URLs in the form", () => {
    expect(plausibleUrl("https://hooks.example.jp/proxima")).toBe(true);
    expect(plausibleUrl(" http://localhost:8099/hook ")).toBe(true);
    expect(plausibleUrl("ftp://example.jp/")).toBe(false);
    expect(plausibleUrl("hooks.example.jp")).toBe(false);
    expect(plausibleUrl("")).toBe(false);
  });

  it("shows an attempt as status and latency, or as no answer with the reason", () => {
    expect(outcome("ja", { statusCode: 200, latencyMs: 35, error: null })).toBe("200 · 35 ms");
    expect(outcome("ja", { statusCode: null, latencyMs: 2003, error: "no answer within 2 s" })).toBe(
      "応答なし · 2003 ms (no answer within 2 s)",
    );
    expect(outcome("en", { statusCode: 500, latencyMs: 4, error: "the receiver answered 500" })).toBe("500 · 4 ms");
  });

  it("has no last attempt before the first one", () => {
    const d: DeliveryView = {
      id: "d",
      eventId: "e",
      eventType: "application.moved",
      status: "PENDING",
      attempts: 0,
      createdAt: "2026-12-06T10:00:00Z",
      payload: "{}",
    };
    expect(lastAttempt(d)).toBeNull();
    expect(lastAttempt({ ...d, attempts: 1, lastStatusCode: 503, lastLatencyMs: 9 })).toEqual({
      statusCode: 503,
      latencyMs: 9,
      error: null,
    });
  });

  it("pretty-prints a JSON payload and leaves anything else alone", () => {
    expect(prettyPayload('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyPayload("not json")).toBe("not json");
  });
});
