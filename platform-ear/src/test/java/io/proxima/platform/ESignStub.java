package io.proxima.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An e-signature provider on loopback that behaves like the real one where the platform depends on
 * it: a token endpoint for the JWT grant that checks the assertion's RS256 signature and claims and
 * issues tokens of a lifetime a test sets (seconds, if it likes); 401 for an expired or revoked
 * token; envelopes under an idempotency key, a repeated key answering the envelope it created;
 * transient 503/429 with Retry-After on demand, also after the envelope was created (an answer lost
 * on the way); the signed document and the certificate of completion with the hashes it reports;
 * Connect callbacks signed with the shared HMAC key. The platform under test is pointed here by
 * {@code proxima.esign.*}.
 */
final class ESignStub implements AutoCloseable {

  static final String ACCOUNT = "acct-it";
  static final String HMAC_KEY = "connect-key-it";
  static final String INTEGRATION_KEY = "integration-key-it";
  static final String USER_ID = "3c0b5b6e-6f9e-4a8e-9a44-1a2b3c4d5e6f";

  /** What the platform sent: the envelope's JSON, by envelope id. */
  final Map<String, JsonObject> envelopes = new ConcurrentHashMap<>();

  /** Envelope ids by the idempotency key they were created under. */
  final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();

  /** Every POST of an envelope that reached the stub, answered or not. */
  final AtomicInteger envelopePosts = new AtomicInteger();

  final AtomicInteger tokensIssued = new AtomicInteger();
  final AtomicInteger unauthorized = new AtomicInteger();

  /** How long the next tokens live, in seconds. */
  volatile long tokenSeconds = 3600;

  private final HttpServer server;
  private final KeyPair integrationKeys;
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final Set<String> tampered = ConcurrentHashMap.newKeySet();

  private record Failure(int status, boolean afterCreating) {}

  private ESignStub(HttpServer server, KeyPair integrationKeys) {
    this.server = server;
    this.integrationKeys = integrationKeys;
  }

  static ESignStub start() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      ESignStub stub = new ESignStub(server, generator.generateKeyPair());
      server.createContext("/oauth/token", stub::token);
      server.createContext("/restapi/v2.1/accounts/" + ACCOUNT + "/envelopes", stub::envelopes);
      server.start();
      return stub;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("the e-signature stub cannot listen", e);
    }
  }

  /** The integration's private key as the provider's console hands it out, in a file. */
  Path writePrivateKey(Path directory) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve("esign-integration-key.pem");
      Files.writeString(
          file,
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(integrationKeys.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n");
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The platform configuration that points here. */
  String configuration(Path keyDirectory) {
    return "\nproxima.esign.base-url="
        + baseUrl()
        + "\nproxima.esign.account-id="
        + ACCOUNT
        + "\nproxima.esign.hmac-key="
        + HMAC_KEY
        + "\nproxima.esign.oauth.base-url="
        + baseUrl()
        + "\nproxima.esign.oauth.integration-key="
        + INTEGRATION_KEY
        + "\nproxima.esign.oauth.user-id="
        + USER_ID
        + "\nproxima.esign.oauth.private-key-file="
        + writePrivateKey(keyDirectory)
        // Retries come due in seconds here; the sweep looks every second.
        + "\nproxima.esign.outbox.poll-seconds=1\n";
  }

  /** The next {@code count} envelope POSTs answer {@code status} with Retry-After: 1. */
  synchronized void failNext(int count, int status, boolean afterCreating) {
    for (int i = 0; i < count; i++) {
      failures.add(new Failure(status, afterCreating));
    }
  }

  /** Every token issued so far is refused from now on, as after a revocation. */
  void expireTokens() {
    tokens.replaceAll((token, expiry) -> Instant.EPOCH);
  }

  /** The signed document of the envelope is served altered, its reported hash unchanged. */
  void tamper(String envelopeId, boolean tamper) {
    if (tamper) {
      tampered.add(envelopeId);
    } else {
      tampered.remove(envelopeId);
    }
  }

  private synchronized Failure nextFailure() {
    return failures.poll();
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String grantType = null;
      String assertion = null;
      for (String pair : form.split("&")) {
        String[] kv = pair.split("=", 2);
        String value = kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
        if (kv[0].equals("grant_type")) {
          grantType = value;
        } else if (kv[0].equals("assertion")) {
          assertion = value;
        }
      }
      if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(grantType)
          || assertion == null
          || !validAssertion(assertion)) {
        json(exchange, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
      String token = "tok-" + tokensIssued.incrementAndGet() + "-" + UUID.randomUUID();
      long lifetime = tokenSeconds;
      tokens.put(token, Instant.now().plusSeconds(lifetime));
      json(
          exchange,
          200,
          "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":%d}"
              .formatted(token, lifetime));
    }
  }

  private boolean validAssertion(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return false;
    }
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(integrationKeys.getPublic());
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return false;
      }
      JsonObject header = object(new String(Base64.getUrlDecoder().decode(parts[0]), "UTF-8"));
      JsonObject claims = object(new String(Base64.getUrlDecoder().decode(parts[1]), "UTF-8"));
      long now = Instant.now().getEpochSecond();
      return "RS256".equals(header.getString("alg", ""))
          && INTEGRATION_KEY.equals(claims.getString("iss", ""))
          && USER_ID.equals(claims.getString("sub", ""))
          && ("127.0.0.1:" + server.getAddress().getPort()).equals(claims.getString("aud", ""))
          && claims.getString("scope", "").contains("signature")
          && claims.getString("scope", "").contains("impersonation")
          && claims.getJsonNumber("exp").longValue() > now
          && claims.getJsonNumber("iat").longValue() <= now + 5;
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      return false;
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    Instant expiry =
        header == null || !header.startsWith("Bearer ") ? null : tokens.get(header.substring(7));
    if (expiry == null || !Instant.now().isBefore(expiry)) {
      unauthorized.incrementAndGet();
      return false;
    }
    return true;
  }

  private void envelopes(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!authorized(exchange)) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String prefix = "/restapi/v2.1/accounts/" + ACCOUNT + "/envelopes";
      String rest = exchange.getRequestURI().getPath().substring(prefix.length());
      if (rest.isEmpty() && "POST".equals(exchange.getRequestMethod())) {
        create(exchange);
        return;
      }
      String[] parts = rest.split("/");
      // /{id}/documents, /{id}/documents/1, /{id}/documents/certificate
      if ("GET".equals(exchange.getRequestMethod())
          && parts.length >= 3
          && envelopes.containsKey(parts[1])
          && parts[2].equals("documents")) {
        String id = parts[1];
        if (parts.length == 3) {
          json(
              exchange,
              200,
              ("{\"envelopeId\":\"%s\",\"envelopeDocuments\":[{\"documentId\":\"1\","
                      + "\"name\":\"業務委託契約書.pdf\",\"sha256\":\"%s\",\"sourceSha256\":\"%s\"},"
                      + "{\"documentId\":\"certificate\",\"name\":\"Summary\",\"sha256\":\"%s\"}]}")
                  .formatted(
                      id,
                      sha256(signedDocument(id)),
                      sha256(document(id)),
                      sha256(certificate(id))));
          return;
        }
        byte[] body =
            switch (parts[3]) {
              case "1" ->
                  tampered.contains(id)
                      ? concat(signedDocument(id), "\n% altered".getBytes(StandardCharsets.UTF_8))
                      : signedDocument(id);
              case "certificate" -> certificate(id);
              default -> null;
            };
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/pdf");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      exchange.sendResponseHeaders(404, -1);
    }
  }

  private void create(HttpExchange exchange) throws IOException {
    envelopePosts.incrementAndGet();
    byte[] request = exchange.getRequestBody().readAllBytes();
    Failure failure = nextFailure();
    if (failure != null && !failure.afterCreating()) {
      busy(exchange, failure.status());
      return;
    }
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    String id;
    boolean replay;
    synchronized (this) {
      String earlier = key == null ? null : byIdempotencyKey.get(key);
      replay = earlier != null;
      id = replay ? earlier : UUID.randomUUID().toString();
      if (!replay) {
        JsonObject envelope;
        try (var reader = Json.createReader(new ByteArrayInputStream(request))) {
          envelope = reader.readObject();
        }
        envelopes.put(id, envelope);
        if (key != null) {
          byIdempotencyKey.put(key, id);
        }
      }
    }
    if (failure != null) {
      // Created, but the answer is lost: only the idempotency key saves a second envelope.
      busy(exchange, failure.status());
      return;
    }
    json(exchange, replay ? 200 : 201, "{\"envelopeId\":\"" + id + "\",\"status\":\"sent\"}");
  }

  private static void busy(HttpExchange exchange, int status) throws IOException {
    exchange.getResponseHeaders().add("Retry-After", "1");
    json(exchange, status, "{\"errorCode\":\"SERVICE_UNAVAILABLE\"}");
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
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

  /** The document with the signatures stamped on, as the provider returns it when completed. */
  byte[] signedDocument(String envelopeId) {
    return concat(
        document(envelopeId),
        ("\n% signed through envelope " + envelopeId + "\n").getBytes(StandardCharsets.UTF_8));
  }

  byte[] certificate(String envelopeId) {
    return ("%PDF-1.7\n% Certificate of completion, envelope " + envelopeId + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The envelope the platform created for a contract, if any. */
  String envelopeOf(String contractId) {
    return envelopes.entrySet().stream()
        .filter(e -> e.getValue().toString().contains(contractId))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /** How many envelopes the platform created for a contract. */
  long envelopesFor(String contractId) {
    return envelopes.values().stream().filter(e -> e.toString().contains(contractId)).count();
  }

  /**
   * A Connect callback saying the given recipients ("1" client, "2" freelancer) completed; the
   * envelope is completed when both did.
   */
  static String completed(String envelopeId, String... recipients) {
    return completedAt(envelopeId, "2026-12-01T01:00:00.0000000Z", recipients);
  }

  static String completedAt(String envelopeId, String signedDateTime, String... recipients) {
    StringBuilder signers = new StringBuilder();
    for (String recipient : recipients) {
      signers
          .append(signers.length() == 0 ? "" : ",")
          .append("{\"recipientId\":\"")
          .append(recipient)
          .append("\",\"status\":\"completed\",\"signedDateTime\":\"")
          .append(signedDateTime)
          .append("\"}");
    }
    String status = recipients.length == 2 ? "completed" : "sent";
    return "{\"event\":\"envelope-"
        + status
        + "\",\"data\":{\"envelopeId\":\""
        + envelopeId
        + "\",\"envelopeSummary\":{\"status\":\""
        + status
        + "\",\"recipients\":{\"signers\":["
        + signers
        + "]}}}}";
  }

  static String signature(String body, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static JsonObject object(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
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
