package io.proxima.integrations.infrastructure;

import io.proxima.integrations.application.WebhookSender;
import io.proxima.integrations.domain.ReceiverAddress;
import io.proxima.integrations.domain.WebhookSignature;
import io.proxima.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts deliveries with the JDK's HTTP client: no redirects (a receiver cannot send the platform on
 * to an internal address), a connect and a response timeout, and the receiver's answer read only as
 * far as its status. The receiver's address is checked again right before each post, so a host name
 * that turned to an internal address since it was saved is refused; the JDK caches the lookup for
 * 30 s, so the client connects to the address just checked.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

  private final HttpClient http;
  private final Duration timeout;
  private final java.util.Set<String> privateHosts;

  protected HttpWebhookSender() {
    this.http = null;
    this.timeout = null;
    this.privateHosts = java.util.Set.of();
  }

  @Inject
  public HttpWebhookSender(
      @ConfigProperty(name = "proxima.webhooks.timeout-seconds", defaultValue = "10")
          long timeoutSeconds,
      @ConfigProperty(name = "proxima.webhooks.private-hosts")
          java.util.Optional<String> privateHosts) {
    this.timeout = Duration.ofSeconds(timeoutSeconds);
    this.privateHosts = ReceiverAddress.hosts(privateHosts);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public Outcome send(
      String url, String signatureHeader, String eventId, String eventType, String body) {
    long started = System.nanoTime();
    URI uri;
    try {
      uri = ReceiverAddress.parse("url", url);
      ReceiverAddress.check("url", uri, ReceiverAddress.SYSTEM, privateHosts);
    } catch (DomainException.InvalidValue refused) {
      return new Outcome(null, elapsed(started), "refused: " + refused.getMessage());
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Proxima-Webhooks/1")
            .header(WebhookSignature.HEADER, signatureHeader)
            .header("Proxima-Event-Id", eventId)
            .header("Proxima-Event-Type", eventType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      String error =
          status >= 300 && status < 400
              ? "the receiver answered a redirect, which is not followed"
              : status >= 300 ? "the receiver answered " + status : null;
      return new Outcome(status, elapsed(started), error);
    } catch (HttpTimeoutException e) {
      return new Outcome(null, elapsed(started), "no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return new Outcome(
          null,
          elapsed(started),
          "could not reach the receiver (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, elapsed(started), "interrupted");
    }
  }

  private static int elapsed(long started) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
  }
}
