/** The integration settings' API types (`/v1/api-keys`, `/v1/webhooks`). */

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  rotatedAt?: string | null;
  revokedAt?: string | null;
  lastUsedAt?: string | null;
  previousValidUntil?: string | null;
};

export type IssuedKeyView = { key: ApiKeyView; secret: string };

export type WebhookView = {
  id: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  consecutiveFailures: number;
  disabledAt?: string | null;
  disabledReason?: string | null;
  createdAt: string;
};

export type CreatedWebhookView = { webhook: WebhookView; secret: string };

export type AttemptView = {
  attemptedAt: string;
  statusCode?: number | null;
  latencyMs: number;
  error?: string | null;
};

export type DeliveryView = {
  id: string;
  eventId: string;
  eventType: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastStatusCode?: number | null;
  lastLatencyMs?: number | null;
  lastError?: string | null;
  nextAttemptAt?: string | null;
  createdAt: string;
  deliveredAt?: string | null;
  payload: string;
  attemptLog?: AttemptView[];
};
