package io.proxima.contracts.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.proxima.contracts.application.ESignatureProvider;
import io.proxima.contracts.domain.Party;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Digests;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a local server that answers as the provider's APIs do. */
class DocuSignStyleProviderTest {

  private static final String KEY = "connect-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] SIGNED = "%PDF-1.7 signed".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CERTIFICATE = "%PDF-1.7 cert".getBytes(StandardCharsets.US_ASCII);

  private HttpServer server;
  private String pem;
  private final AtomicReference<String> path = new AtomicReference<>();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private final AtomicReference<String> idempotencyKey = new AtomicReference<>();
  private final AtomicReference<JsonNode> received = new AtomicReference<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private final Map<String, Boolean> revoked = new ConcurrentHashMap<>();
  private volatile int status = 201;
  private volatile String retryAfter;
  private volatile String certificateSha256 = Digests.sha256Hex(CERTIFICATE);

  @BeforeEach
  void provider() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/oauth/token",
        exchange ->
            answer(
                exchange,
                200,
                "{\"access_token\":\"token-%d\",\"expires_in\":3600}"
                    .formatted(tokens.incrementAndGet())
                    .getBytes(StandardCharsets.UTF_8)));
    server.createContext(
        "/",
        exchange -> {
          String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
          path.set(request);
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          if (revoked.containsKey(authorization.get())) {
            answer(exchange, 401, new byte[0]);
            return;
          }
          if (request.endsWith("/documents")) {
            answer(
                exchange,
                200,
                ("{\"envelopeDocuments\":[{\"documentId\":\"1\",\"sha256\":\"%s\","
                        + "\"sourceSha256\":\"%s\"},{\"documentId\":\"certificate\","
                        + "\"sha256\":\"%s\"}]}")
                    .formatted(Digests.sha256Hex(SIGNED), "ab".repeat(32), certificateSha256)
                    .getBytes(StandardCharsets.UTF_8));
            return;
          }
          if (request.endsWith("/documents/1")) {
            answer(exchange, 200, SIGNED);
            return;
          }
          if (request.endsWith("/documents/certificate")) {
            answer(exchange, 200, CERTIFICATE);
            return;
          }
          idempotencyKey.set(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
          received.set(JSON.readTree(exchange.getRequestBody().readAllBytes()));
          if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
          }
          answer(
              exchange,
              status,
              "{\"envelopeId\":\"env-42\",\"status\":\"sent\"}".getBytes(StandardCharsets.UTF_8));
        });
    server.start();
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private DocuSignStyleProvider adapter(String key) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    return new DocuSignStyleProvider(
        new DocuSignStyleProvider.Settings(
            Optional.of(base),
            Optional.of("acct-1"),
            Optional.of(key),
            Optional.of(base),
            Optional.of("integration-1"),
            Optional.of("user-1"),
            Optional.of(pem),
            Optional.empty()));
  }

  private static ESignatureProvider.Envelope envelope(byte[] pdf) {
    return new ESignatureProvider.Envelope(
        UUID.randomUUID(),
        "API 開発",
        pdf,
        List.of(
            new ESignatureProvider.Signer(Party.CLIENT, "山田 太郎", "yamada@client.example"),
            new ESignatureProvider.Signer(Party.FREELANCER, "佐藤 花子", "hanako@example.jp")));
  }

  @Test
  void anEnvelopeCarriesTheExactDocumentBothSignersInOrderAndTheIdempotencyKey() {
    byte[] pdf = "%PDF-1.7 contract".getBytes(StandardCharsets.US_ASCII);
    String id = adapter(KEY).send(envelope(pdf), "proxima-key-1");
    assertThat(id).isEqualTo("env-42");
    assertThat(path.get()).isEqualTo("POST /restapi/v2.1/accounts/acct-1/envelopes");
    assertThat(authorization.get()).isEqualTo("Bearer token-1");
    assertThat(idempotencyKey.get()).isEqualTo("proxima-key-1");
    JsonNode body = received.get();
    assertThat(body.path("status").asText()).isEqualTo("sent");
    assertThat(
            Base64.getDecoder()
                .decode(body.path("documents").get(0).path("documentBase64").asText()))
        .isEqualTo(pdf);
    JsonNode signers = body.path("recipients").path("signers");
    assertThat(signers.get(0).path("email").asText()).isEqualTo("yamada@client.example");
    assertThat(signers.get(0).path("routingOrder").asText()).isEqualTo("1");
    assertThat(signers.get(1).path("name").asText()).isEqualTo("佐藤 花子");
  }

  @Test
  void aTokenThe401RefusesIsRenewedAndTheCallMadeOnceMore() {
    DocuSignStyleProvider adapter = adapter(KEY);
    adapter.send(envelope(new byte[] {1}), "k");
    revoked.put("Bearer token-1", true);
    assertThat(adapter.send(envelope(new byte[] {1}), "k")).isEqualTo("env-42");
    assertThat(authorization.get()).isEqualTo("Bearer token-2");
    assertThat(tokens).hasValue(2);
  }

  @Test
  void busyAndDownAreUnavailableWithTheirRetryAfterAndARefusalIsFinal() {
    status = 429;
    retryAfter = "7";
    assertThatThrownBy(() -> adapter(KEY).send(envelope(new byte[] {1}), "k"))
        .isInstanceOfSatisfying(
            DomainException.Unavailable.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(7))
        .hasMessageContaining("429");
    status = 503;
    retryAfter = null;
    assertThatThrownBy(() -> adapter(KEY).send(envelope(new byte[] {1}), "k"))
        .isInstanceOf(DomainException.Unavailable.class)
        .hasMessageContaining("503");
    status = 400;
    assertThatThrownBy(() -> adapter(KEY).send(envelope(new byte[] {1}), "k"))
        .isInstanceOf(DomainException.UpstreamFailed.class)
        .hasMessageContaining("400");
    server.stop(0);
    assertThatThrownBy(() -> adapter(KEY).send(envelope(new byte[] {1}), "k"))
        .isInstanceOf(DomainException.Unavailable.class);
  }

  @Test
  void withoutEverySettingItIsNotConfigured() {
    DocuSignStyleProvider none = new DocuSignStyleProvider(DocuSignStyleProvider.Settings.NONE);
    assertThat(none.configured()).isFalse();
    assertThatThrownBy(() -> none.send(envelope(new byte[] {1}), "k"))
        .isInstanceOf(DomainException.Unavailable.class);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    DocuSignStyleProvider noKey =
        new DocuSignStyleProvider(
            new DocuSignStyleProvider.Settings(
                Optional.of(base),
                Optional.of("acct-1"),
                Optional.of(KEY),
                Optional.of(base),
                Optional.of("integration-1"),
                Optional.of("user-1"),
                Optional.empty(),
                Optional.of("/no/such/key.pem")));
    assertThat(noKey.configured()).isFalse();
    assertThat(adapter(KEY).configured()).isTrue();
  }

  @Test
  void theSignedDocumentAndCertificateComeWithTheHashesTheProviderReports() {
    ESignatureProvider.SignedDocuments documents = adapter(KEY).signedDocuments("env-42");
    assertThat(documents.document()).isEqualTo(SIGNED);
    assertThat(documents.reportedSha256()).isEqualTo(Digests.sha256Hex(SIGNED));
    assertThat(documents.sourceSha256()).isEqualTo("ab".repeat(32));
    assertThat(documents.certificate()).isEqualTo(CERTIFICATE);
    certificateSha256 = "00".repeat(32);
    assertThatThrownBy(() -> adapter(KEY).signedDocuments("env-42"))
        .isInstanceOf(DomainException.UpstreamFailed.class)
        .hasMessageContaining("certificate");
    assertThatThrownBy(() -> adapter(KEY).signedDocuments("../../accounts"))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  static String callback(String envelopeId, String signedAt, String... completedRecipients) {
    StringBuilder signers = new StringBuilder();
    for (String recipient : completedRecipients) {
      if (signers.length() > 0) {
        signers.append(',');
      }
      signers.append(
          "{\"recipientId\":\"%s\",\"status\":\"completed\",\"signedDateTime\":\"%s\"}"
              .formatted(recipient, signedAt));
    }
    return """
        {"event":"envelope-completed","data":{"envelopeId":"%s","envelopeSummary":{"status":"completed",
         "recipients":{"signers":[%s,{"recipientId":"9","status":"sent"}]}}}}
        """
        .formatted(envelopeId, signers);
  }

  static String hmac(String key, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  @Test
  void aCallbackSignedWithTheKeyIsReadAndEveryOtherIsRefused() throws Exception {
    byte[] body =
        callback("env-42", "2026-12-01T01:02:03.1230000Z", "1", "2")
            .getBytes(StandardCharsets.UTF_8);
    ESignatureProvider.Completion completion = adapter(KEY).verify(body, hmac(KEY, body));
    assertThat(completion.envelopeId()).isEqualTo("env-42");
    assertThat(completion.envelopeCompleted()).isTrue();
    assertThat(completion.signed())
        .extracting(ESignatureProvider.Completion.Signed::party)
        .containsExactly(Party.CLIENT, Party.FREELANCER);
    assertThat(completion.signed().get(0).at()).hasToString("2026-12-01T01:02:03.123Z");

    byte[] tokyo =
        callback("env-42", "2026-12-01T10:02:03+09:00", "1").getBytes(StandardCharsets.UTF_8);
    assertThat(adapter(KEY).verify(tokyo, hmac(KEY, tokyo)).signed().get(0).at())
        .hasToString("2026-12-01T01:02:03Z");

    byte[] tampered =
        callback("env-43", "2026-12-01T01:02:03Z", "1", "2").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> adapter(KEY).verify(tampered, hmac(KEY, body)))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> adapter(KEY).verify(body, hmac("another-key", body)))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> adapter(KEY).verify(body, null))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("carries no");
    assertThatThrownBy(() -> adapter(KEY).verify(body, "%%% not base64"))
        .isInstanceOf(DomainException.InvalidValue.class);
    byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> adapter(KEY).verify(notJson, hmac(KEY, notJson)))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void aSignedDateThatIsNoDateIsRefusedNeverReplacedByNow() throws Exception {
    for (String date : List.of("yesterday", "2026-12-01T01:02:03", "", "2026-13-01T00:00:00Z")) {
      byte[] body = callback("env-42", date, "1").getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> adapter(KEY).verify(body, hmac(KEY, body)))
          .as(date)
          .isInstanceOf(DomainException.InvalidValue.class)
          .hasMessageContaining("signedDateTime");
    }
  }
}
