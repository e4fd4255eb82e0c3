package io.proxima.payments.infrastructure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stripe's PaymentIntent endpoint on loopback, recording what the adapter sends. */
final class StripeStub implements AutoCloseable {

  record Received(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    Map<String, String> form() {
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return form;
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile int status = 200;

  StripeStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void failWith(int status) {
    this.status = status;
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Received request =
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body);
    received.add(request);
    String json;
    if (status != 200) {
      json = "{\"error\":{\"type\":\"api_error\",\"message\":\"stub failure\"}}";
    } else {
      Map<String, String> form = request.form();
      // The id follows the idempotency key, as Stripe's own replay of a keyed request does.
      String id = "pi_" + Integer.toHexString(request.header("Idempotency-Key").hashCode());
      json =
          """
          {"id":"%s","object":"payment_intent","amount":%s,"amount_received":0,
           "currency":"%s","status":"requires_payment_method",
           "client_secret":"%s_secret_stub","metadata":{"tenant_id":"%s","invoice_id":"%s",
           "invoice_number":"%s"}}
          """
              .formatted(
                  id,
                  form.get("amount"),
                  form.get("currency"),
                  id,
                  form.get("metadata[tenant_id]"),
                  form.get("metadata[invoice_id]"),
                  form.get("metadata[invoice_number]"));
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Request-Id", "req_stub");
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
