package io.proxima.integrations.application;

/**
 * Posts one signed delivery to a receiver. Implementations refuse receivers on internal addresses
 * right before connecting, follow no redirects and give up after a timeout.
 */
public interface WebhookSender {

  /** What happened: the receiver's status code (absent when none came back), how long it took. */
  record Outcome(Integer statusCode, int latencyMs, String error) {
    public boolean delivered() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  Outcome send(String url, String signatureHeader, String eventId, String eventType, String body);
}
