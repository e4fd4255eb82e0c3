package io.proxima.contracts.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.proxima.contracts.application.ESignatureProvider;
import io.proxima.contracts.domain.Party;
import io.proxima.platform.error.DomainException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a local server that answers as the provider's envelope API does. */
class DocuSignStyleProviderTest {

  private static final String KEY = "connect-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  private final AtomicReference<String> path = new AtomicReference<>();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private final AtomicReference<JsonNode> received = new AtomicReference<>();
  private volatile int status = 201;

  @BeforeEach
  void provider() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          path.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          received.set(JSON.readTree(exchange.getRequestBody().readAllBytes()));
          byte[] answer =
              "{\"envelopeId\":\"env-42\",\"status\":\"sent\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private DocuSignStyleProvider adapter(String key) {
    return new DocuSignStyleProvider(
        Optional.of("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
        Optional.of("acct-1"),
        Optional.of("token-1"),
        Optional.of(key));
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
  void anEnvelopeCarriesTheExactDocumentAndBothSignersInOrder() {
    byte[] pdf = "%PDF-1.7 contract".getBytes(StandardCharsets.US_ASCII);
    String id = adapter(KEY).send(envelope(pdf));
    assertThat(id).isEqualTo("env-42");
    assertThat(path.get()).isEqualTo("POST /restapi/v2.1/accounts/acct-1/envelopes");
    assertThat(authorization.get()).isEqualTo("Bearer token-1");
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
  void aRefusingOrMissingProviderIsUnavailableNotAFailure() {
    status = 500;
    assertThatThrownBy(() -> adapter(KEY).send(envelope(new byte[] {1})))
        .isInstanceOf(DomainException.Unavailable.class)
        .hasMessageContaining("500");
    server.stop(0);
    assertThatThrownBy(() -> adapter(KEY).send(envelope(new byte[] {1})))
        .isInstanceOf(DomainException.Unavailable.class);
    DocuSignStyleProvider none =
        new DocuSignStyleProvider(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(none.configured()).isFalse();
    assertThatThrownBy(() -> none.send(envelope(new byte[] {1})))
        .isInstanceOf(DomainException.Unavailable.class);
  }

  static String callback(String envelopeId, String... completedRecipients) {
    StringBuilder signers = new StringBuilder();
    for (String recipient : completedRecipients) {
      if (signers.length() > 0) {
        signers.append(',');
      }
      signers.append(
          "{\"recipientId\":\"%s\",\"status\":\"completed\",\"signedDateTime\":\"2026-12-01T01:02:03.1230000Z\"}"
              .formatted(recipient));
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
    byte[] body = callback("env-42", "1", "2").getBytes(StandardCharsets.UTF_8);
    ESignatureProvider.Completion completion = adapter(KEY).verify(body, hmac(KEY, body));
    assertThat(completion.envelopeId()).isEqualTo("env-42");
    assertThat(completion.signed())
        .extracting(ESignatureProvider.Completion.Signed::party)
        .containsExactly(Party.CLIENT, Party.FREELANCER);
    assertThat(completion.signed().get(0).at()).hasToString("2026-12-01T01:02:03.123Z");

    byte[] tampered = callback("env-43", "1", "2").getBytes(StandardCharsets.UTF_8);
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
}
