package io.proxima.contracts.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.proxima.platform.error.DomainException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JWT grant against a local token endpoint: the assertion DocuSign expects, signed with the
 * integration's key, and the access token kept until shortly before it expires.
 */
class JwtGrantTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static KeyPair keys;

  private HttpServer server;
  private final List<String> assertions = new ArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile long expiresIn = 3600;
  private volatile int status = 200;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

  @BeforeAll
  static void integrationKeys() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  @BeforeEach
  void tokenEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/oauth/token",
        exchange -> {
          String form =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("assertion")) {
              assertions.add(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            if (kv[0].equals("grant_type")) {
              assertThat(URLDecoder.decode(kv[1], StandardCharsets.UTF_8))
                  .isEqualTo(JwtGrant.GRANT_TYPE);
            }
          }
          byte[] answer =
              (status == 200
                      ? "{\"access_token\":\"token-%d\",\"token_type\":\"Bearer\",\"expires_in\":%d}"
                          .formatted(issued.incrementAndGet(), expiresIn)
                      : "{\"error\":\"consent_required\"}")
                  .getBytes(StandardCharsets.UTF_8);
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

  private JwtGrant grant(String pem) {
    return new JwtGrant(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
        "integration-key-1",
        "user-guid-1",
        JwtGrant.privateKey(pem),
        HttpClient.newHttpClient(),
        Duration.ofSeconds(5),
        clock);
  }

  @Test
  void theAssertionIsAnRs256JwtWithTheClaimsDocuSignAsksFor() throws Exception {
    JwtGrant grant = grant(pkcs8Pem());
    String jwt = grant.assertion(clock.instant());
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    assertThat(claims.path("iss").asText()).isEqualTo("integration-key-1");
    assertThat(claims.path("sub").asText()).isEqualTo("user-guid-1");
    assertThat(claims.path("aud").asText()).isEqualTo("127.0.0.1:" + server.getAddress().getPort());
    assertThat(claims.path("scope").asText()).isEqualTo("signature impersonation");
    assertThat(claims.path("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(600);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(keys.getPublic());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void aPkcs1KeyAsDocuSignHandsItOutSignsTheSame() throws Exception {
    JwtGrant grant = grant(pkcs1Pem());
    String[] parts = grant.assertion(clock.instant()).split("\\.");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(keys.getPublic());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    assertThatThrownBy(() -> JwtGrant.privateKey("-----BEGIN PRIVATE KEY-----\nnot base64!\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not base64!");
  }

  @Test
  void theTokenIsKeptAndExchangedAgainShortlyBeforeItExpires() {
    JwtGrant grant = grant(pkcs8Pem());
    assertThat(grant.accessToken()).isEqualTo("token-1");
    clock.advance(Duration.ofMinutes(54));
    assertThat(grant.accessToken()).isEqualTo("token-1");
    assertThat(issued).hasValue(1);
    // An hour's token is renewed five minutes before its end.
    clock.advance(Duration.ofMinutes(1));
    assertThat(grant.accessToken()).isEqualTo("token-2");
    assertThat(assertions).hasSize(2);
    assertThat(assertions.get(0)).isNotEqualTo(assertions.get(1));
  }

  @Test
  void aShortLivedTokenIsUsedForMostOfItsLife() {
    expiresIn = 10;
    JwtGrant grant = grant(pkcs8Pem());
    assertThat(grant.accessToken()).isEqualTo("token-1");
    clock.advance(Duration.ofSeconds(7));
    assertThat(grant.accessToken()).isEqualTo("token-1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(grant.accessToken()).isEqualTo("token-2");
  }

  @Test
  void aRejectedTokenIsReplacedAtOnceButOnlyOnce() {
    JwtGrant grant = grant(pkcs8Pem());
    String first = grant.accessToken();
    grant.rejected(first);
    String second = grant.accessToken();
    assertThat(second).isEqualTo("token-2");
    // A second thread reporting the same old token does not throw away the new one.
    grant.rejected(first);
    assertThat(grant.accessToken()).isEqualTo(second);
    assertThat(issued).hasValue(2);
  }

  @Test
  void aRefusedGrantIsUnavailableAndNamesTheErrorButNoSecret() {
    status = 400;
    JwtGrant grant = grant(pkcs8Pem());
    assertThatThrownBy(grant::accessToken)
        .isInstanceOf(DomainException.Unavailable.class)
        .hasMessageContaining("consent_required")
        .hasMessageNotContaining("BEGIN");
    status = 200;
    assertThat(grant.accessToken()).isEqualTo("token-1");
  }

  static String pkcs8Pem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /** The same key as PKCS#1: PKCS#8's PrivateKeyInfo without its 26-byte header for RSA-2048. */
  static String pkcs1Pem() {
    byte[] pkcs8 = keys.getPrivate().getEncoded();
    assertThat(pkcs8[22]).isEqualTo((byte) 0x04);
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    return "-----BEGIN RSA PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pkcs1)
        + "\n-----END RSA PRIVATE KEY-----\n";
  }

  static KeyPair keys() {
    return keys;
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
