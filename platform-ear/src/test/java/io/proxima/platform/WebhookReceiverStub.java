package io.proxima.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tenant's own system receiving webhooks on loopback: it keeps every request with its headers and
 * raw body, and answers from a script (status codes, or a pause longer than the platform waits).
 * Signatures are checked here the way the README tells receivers to, independently of the
 * platform's code.
 */
final class WebhookReceiverStub implements AutoCloseable {

  /** One request as received. */
  record Received(Instant at, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** What to answer next: a status, after a pause. */
  record Answer(int status, Duration pause) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private volatile int otherwise = 200;
  private final HttpServer server;

  private WebhookReceiverStub(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiverStub start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(4));
      WebhookReceiverStub stub = new WebhookReceiverStub(server);
      server.createContext("/", stub::answer);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new IllegalStateException("the webhook receiver cannot listen", e);
    }
  }

  /** By host name: the platform under test lets only {@code localhost} be private. */
  String url(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  void then(int status) {
    script.add(new Answer(status, Duration.ZERO));
  }

  void thenSlow(Duration pause) {
    script.add(new Answer(200, pause));
  }

  void otherwise(int status) {
    otherwise = status;
  }

  List<Received> at(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Whether {@code received} carries a valid Proxima-Signature for {@code secret}, now. */
  static boolean validSignature(Received received, String secret) {
    String header = received.header("Proxima-Signature");
    if (header == null) {
      return false;
    }
    String t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] pair = part.split("=", 2);
      if (pair[0].equals("t")) {
        t = pair[1];
      } else if (pair[0].equals("v1")) {
        v1 = pair[1];
      }
    }
    if (t == null || v1 == null) {
      return false;
    }
    if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > 300) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected =
          HexFormat.of()
              .formatHex(mac.doFinal((t + "." + received.body()).getBytes(StandardCharsets.UTF_8)))
              .getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Received(
            Instant.now(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    Answer next = script.poll();
    int status = next == null ? otherwise : next.status();
    if (next != null && !next.pause().isZero()) {
      try {
        Thread.sleep(next.pause().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
