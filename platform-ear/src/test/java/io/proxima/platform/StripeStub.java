package io.proxima.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe on loopback, as far as the platform talks to it: PaymentIntents are created and recorded
 * with the headers they came with, and Stripe's replay of a keyed request is imitated by deriving
 * the PaymentIntent id from the Idempotency-Key. It also signs webhook events the way Stripe does,
 * with the secret the platform is configured with.
 */
final class StripeStub implements AutoCloseable {

  static final String API_KEY = "sk_test_platform_it";
  static final String WEBHOOK_SECRET = "whsec_platform_it";

  /** One create call: its Idempotency-Key and form fields. */
  record Created(String idempotencyKey, String authorization, Map<String, String> form) {
    String paymentIntentId() {
      return "pi_" + HexFormat.of().toHexDigits(idempotencyKey.hashCode());
    }
  }

  final List<Created> created = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  private StripeStub(HttpServer server) {
    this.server = server;
  }

  static StripeStub start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      StripeStub stub = new StripeStub(server);
      server.createContext("/", stub::answer);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new IllegalStateException("the Stripe stub cannot listen", e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The platform's configuration lines that point it here. */
  String configuration() {
    return "\nproxima.stripe.api-key="
        + API_KEY
        + "\nproxima.stripe.api-base="
        + baseUrl()
        + "\nproxima.stripe.webhook-secret="
        + WEBHOOK_SECRET
        + "\n";
  }

  Created lastFor(String invoiceId) {
    return created.stream()
        .filter(c -> invoiceId.equals(c.form().get("metadata[invoice_id]")))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no PaymentIntent was created for " + invoiceId));
  }

  /** A payment_intent event for a created PaymentIntent, as Stripe would send it. */
  static String event(String eventId, String type, Created intent, long amountReceived) {
    return """
        {"id":"%s","object":"event","api_version":"2024-06-20","created":%d,"livemode":false,
         "pending_webhooks":1,"type":"%s","request":{"id":null,"idempotency_key":null},
         "data":{"object":{"id":"%s","object":"payment_intent","amount":%s,
           "amount_received":%d,"currency":"jpy","status":"succeeded",
           "metadata":{"tenant_id":"%s","invoice_id":"%s","invoice_number":"%s"}}}}
        """
        .formatted(
            eventId,
            System.currentTimeMillis() / 1000,
            type,
            intent.paymentIntentId(),
            intent.form().get("amount"),
            amountReceived,
            intent.form().get("metadata[tenant_id]"),
            intent.form().get("metadata[invoice_id]"),
            intent.form().get("metadata[invoice_number]"));
  }

  /** Stripe's Stripe-Signature header: HMAC-SHA256 of "timestamp.payload". */
  static String signature(String secret, String payload) {
    long timestamp = System.currentTimeMillis() / 1000;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "t="
          + timestamp
          + ",v1="
          + HexFormat.of()
              .formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    if (!"POST".equals(exchange.getRequestMethod()) || !"/v1/payment_intents".equals(path)) {
      respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\"}}");
      return;
    }
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    Created call =
        new Created(
            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            Map.copyOf(form));
    created.add(call);
    String id = call.paymentIntentId();
    respond(
        exchange,
        200,
        """
        {"id":"%s","object":"payment_intent","amount":%s,"amount_received":0,"currency":"%s",
         "status":"requires_payment_method","client_secret":"%s_secret_it","metadata":{}}
        """
            .formatted(id, form.get("amount"), form.get("currency"), id));
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
