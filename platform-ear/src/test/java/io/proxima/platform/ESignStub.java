package io.proxima.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An e-signature provider's envelope API on loopback: it keeps each envelope it receives, and signs
 * Connect callbacks with the shared HMAC key as the provider would. The platform under test is
 * pointed here by {@code proxima.esign.*}.
 */
final class ESignStub implements AutoCloseable {

  static final String ACCOUNT = "acct-it";
  static final String TOKEN = "token-it";
  static final String HMAC_KEY = "connect-key-it";

  /** What the platform sent: the envelope's JSON, by envelope id. */
  final Map<String, JsonObject> envelopes = new ConcurrentHashMap<>();

  private final HttpServer server;

  private ESignStub(HttpServer server) {
    this.server = server;
  }

  static ESignStub start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      ESignStub stub = new ESignStub(server);
      server.createContext("/restapi/v2.1/accounts/" + ACCOUNT + "/envelopes", stub::envelope);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new IllegalStateException("the e-signature stub cannot listen", e);
    }
  }

  private void envelope(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())
          || !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      JsonObject envelope;
      try (var reader =
          Json.createReader(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()))) {
        envelope = reader.readObject();
      }
      String id = UUID.randomUUID().toString();
      envelopes.put(id, envelope);
      byte[] answer =
          ("{\"envelopeId\":\"" + id + "\",\"status\":\"sent\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  /** The document of an envelope, as the signers receive it. */
  byte[] document(String envelopeId) {
    return Base64.getDecoder()
        .decode(
            envelopes
                .get(envelopeId)
                .getJsonArray("documents")
                .getJsonObject(0)
                .getString("documentBase64"));
  }

  /** A Connect callback saying the given recipients ("1" client, "2" freelancer) completed. */
  static String completed(String envelopeId, String... recipients) {
    StringBuilder signers = new StringBuilder();
    for (String recipient : recipients) {
      signers
          .append(signers.length() == 0 ? "" : ",")
          .append("{\"recipientId\":\"")
          .append(recipient)
          .append("\",\"status\":\"completed\",\"signedDateTime\":\"2026-12-01T01:00:00Z\"}");
    }
    return "{\"event\":\"envelope-completed\",\"data\":{\"envelopeId\":\""
        + envelopeId
        + "\",\"envelopeSummary\":{\"status\":\"completed\",\"recipients\":{\"signers\":["
        + signers
        + "]}}}}";
  }

  static String signature(String body, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
