package io.proxima.contracts.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proxima.contracts.application.ESignatureProvider;
import io.proxima.contracts.domain.Party;
import io.proxima.platform.error.DependencyOutage;
import io.proxima.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An e-signature provider speaking DocuSign's eSignature REST shape: an envelope with the PDF and
 * two signers in routing order (the client first, then the freelancer), sent under an idempotency
 * key; access tokens by the JWT grant; Connect callbacks signed with HMAC-SHA256 over the raw body;
 * the signed document and the certificate of completion fetched back with the hashes the provider
 * reports for them. The base URLs are configurable, so the same adapter talks to the provider's
 * demo or production hosts, or to a local stub in tests.
 */
@ApplicationScoped
public class DocuSignStyleProvider implements ESignatureProvider {

  static final String SIGNATURE_HEADER = "X-DocuSign-Signature-1";
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  static final String CERTIFICATE = "certificate";

  /** A contract PDF is some hundred kilobytes; anything this large is not one. */
  static final int DOCUMENT_LIMIT = 20 * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(DocuSignStyleProvider.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Optional<String> baseUrl;
  private final String accountId;
  private final String hmacKey;
  private final JwtGrant tokens;
  private final HttpClient http;

  protected DocuSignStyleProvider() {
    this(Settings.NONE);
  }

  @Inject
  public DocuSignStyleProvider(
      @ConfigProperty(name = "proxima.esign.base-url") Optional<String> baseUrl,
      @ConfigProperty(name = "proxima.esign.account-id") Optional<String> accountId,
      @ConfigProperty(name = "proxima.esign.hmac-key") Optional<String> hmacKey,
      @ConfigProperty(name = "proxima.esign.oauth.base-url") Optional<String> oauthBaseUrl,
      @ConfigProperty(name = "proxima.esign.oauth.integration-key") Optional<String> integrationKey,
      @ConfigProperty(name = "proxima.esign.oauth.user-id") Optional<String> userId,
      @ConfigProperty(name = "proxima.esign.oauth.private-key") Optional<String> privateKey,
      @ConfigProperty(name = "proxima.esign.oauth.private-key-file")
          Optional<String> privateKeyFile) {
    // Optional, not empty defaults: MicroProfile Config treats an empty default as no value and
    // fails the deployment of a platform without e-signature settings.
    this(
        new Settings(
            baseUrl,
            accountId,
            hmacKey,
            oauthBaseUrl,
            integrationKey,
            userId,
            privateKey,
            privateKeyFile));
  }

  /** What configures the adapter, each optional: without all of them it is not configured. */
  record Settings(
      Optional<String> baseUrl,
      Optional<String> accountId,
      Optional<String> hmacKey,
      Optional<String> oauthBaseUrl,
      Optional<String> integrationKey,
      Optional<String> userId,
      Optional<String> privateKey,
      Optional<String> privateKeyFile) {
    static final Settings NONE =
        new Settings(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
  }

  DocuSignStyleProvider(Settings settings) {
    this(settings, Clock.systemUTC());
  }

  DocuSignStyleProvider(Settings settings, Clock clock) {
    this.baseUrl = present(settings.baseUrl()).map(url -> url.replaceAll("/+$", ""));
    this.accountId = present(settings.accountId()).orElse("");
    this.hmacKey = present(settings.hmacKey()).orElse("");
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    this.tokens = grant(settings, http, clock);
  }

  private static JwtGrant grant(Settings settings, HttpClient http, Clock clock) {
    Optional<String> oauth = present(settings.oauthBaseUrl());
    Optional<String> integrationKey = present(settings.integrationKey());
    Optional<String> userId = present(settings.userId());
    if (oauth.isEmpty() || integrationKey.isEmpty() || userId.isEmpty()) {
      return null;
    }
    Optional<String> pem = present(settings.privateKey());
    try {
      if (pem.isEmpty() && present(settings.privateKeyFile()).isPresent()) {
        pem = Optional.of(Files.readString(Path.of(settings.privateKeyFile().get().strip())));
      }
      if (pem.isEmpty()) {
        LOG.warning(
            "e-signature: proxima.esign.oauth.private-key or private-key-file is missing;"
                + " e-signature is not configured");
        return null;
      }
      PrivateKey key = JwtGrant.privateKey(pem.get());
      return new JwtGrant(
          URI.create(oauth.get().strip()),
          integrationKey.get().strip(),
          userId.get().strip(),
          key,
          http,
          TIMEOUT,
          clock);
    } catch (IOException | IllegalArgumentException e) {
      // The message names the file or the format, never the key's content.
      LOG.warning(
          "e-signature: the private key cannot be read ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); e-signature is not configured");
      return null;
    }
  }

  private static Optional<String> present(Optional<String> value) {
    return value == null ? Optional.empty() : value.filter(v -> !v.isBlank());
  }

  @Override
  public boolean configured() {
    return baseUrl.isPresent() && !hmacKey.isEmpty() && !accountId.isEmpty() && tokens != null;
  }

  @Override
  public String send(Envelope envelope, String idempotencyKey) {
    requireConfigured();
    ObjectNode body = JSON.createObjectNode();
    body.put("emailSubject", "【署名のお願い】" + envelope.title());
    body.put("status", "sent");
    ObjectNode document = body.putArray("documents").addObject();
    document.put("documentId", "1");
    document.put("name", "業務委託契約書.pdf");
    document.put("fileExtension", "pdf");
    document.put("documentBase64", Base64.getEncoder().encodeToString(envelope.document()));
    ArrayNode signers = body.putObject("recipients").putArray("signers");
    for (Signer signer : envelope.signers()) {
      ObjectNode node = signers.addObject();
      node.put("recipientId", recipientId(signer.party()));
      node.put("routingOrder", recipientId(signer.party()));
      node.put("name", signer.name());
      node.put("email", signer.email());
    }
    body.putObject("customFields")
        .putArray("textCustomFields")
        .addObject()
        .put("name", "proximaContractId")
        .put("value", envelope.contractId().toString());
    String payload = body.toString();
    HttpResponse<byte[]> response =
        call(
            token ->
                request(envelopesUrl(), token)
                    .header("Content-Type", "application/json")
                    .header(IDEMPOTENCY_HEADER, idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build(),
            "the envelope");
    String envelopeId = json(response).path("envelopeId").asText("");
    if (!validEnvelopeId(envelopeId)) {
      throw new DomainException.Unavailable(
          "the e-signature provider answered without a usable envelope id");
    }
    return envelopeId;
  }

  @Override
  public SignedDocuments signedDocuments(String envelopeId) {
    requireConfigured();
    if (!validEnvelopeId(envelopeId)) {
      throw new DomainException.InvalidValue("not an envelope id");
    }
    String documents = envelopesUrl() + "/" + envelopeId + "/documents";
    JsonNode listing =
        json(call(token -> request(documents, token).GET().build(), "the document listing"));
    JsonNode signed = null;
    JsonNode certificate = null;
    for (JsonNode entry : listing.path("envelopeDocuments")) {
      String id = entry.path("documentId").asText();
      if ("1".equals(id)) {
        signed = entry;
      } else if (CERTIFICATE.equals(id)) {
        certificate = entry;
      }
    }
    if (signed == null || certificate == null) {
      throw new DomainException.UpstreamFailed(
          "the e-signature provider lists no signed document or no certificate for the envelope");
    }
    byte[] document =
        call(token -> request(documents + "/1", token).GET().build(), "the signed document").body();
    byte[] certificatePdf =
        call(
                token -> request(documents + "/" + CERTIFICATE, token).GET().build(),
                "the certificate of completion")
            .body();
    // The certificate is only kept, never compared with anything of ours: checked here, alone.
    String certificateSha256 = certificate.path("sha256").asText("");
    if (!sha256Hex(certificatePdf).equalsIgnoreCase(certificateSha256)) {
      throw new DomainException.UpstreamFailed(
          "the certificate of completion does not match the hash the provider reports for it");
    }
    return new SignedDocuments(
        document,
        signed.path("sha256").asText(""),
        signed.path("sourceSha256").asText(""),
        certificatePdf);
  }

  private String envelopesUrl() {
    return baseUrl.orElseThrow() + "/restapi/v2.1/accounts/" + accountId + "/envelopes";
  }

  private static HttpRequest.Builder request(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  /**
   * Calls with the current token; a 401 means the token died before its time (revoked, clocks
   * apart), so the call is made once more with a fresh one before it counts as refused.
   */
  private HttpResponse<byte[]> call(Function<String, HttpRequest> request, String what) {
    String token = tokens.accessToken();
    HttpResponse<byte[]> response = send(request.apply(token), what);
    if (response.statusCode() == 401) {
      tokens.rejected(token);
      response = send(request.apply(tokens.accessToken()), what);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      if (response.body().length > DOCUMENT_LIMIT) {
        throw new DomainException.UpstreamFailed(
            "the e-signature provider answered more than " + DOCUMENT_LIMIT + " bytes for " + what);
      }
      return response;
    }
    if (status == 429 || status / 100 == 5 || status == 401) {
      throw new DomainException.Unavailable(
          "the e-signature provider did not take " + what + " now (HTTP " + status + ")",
          retryAfter(response));
    }
    throw new DomainException.UpstreamFailed(
        "the e-signature provider refused " + what + " (HTTP " + status + ")");
  }

  private HttpResponse<byte[]> send(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new DomainException.Unavailable(
          "the e-signature provider cannot be reached for " + what + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException.Unavailable(
          "interrupted while talking to the e-signature provider");
    }
  }

  /** Retry-After in seconds or as an HTTP date; the platform's default when there is none. */
  static int retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
    if (header.isEmpty()) {
      return DependencyOutage.RETRY_AFTER_SECONDS;
    }
    try {
      return (int) Math.min(3600, Math.max(1, Long.parseLong(header.get())));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        long seconds = Duration.between(Instant.now(), at.toInstant()).getSeconds();
        return (int) Math.min(3600, Math.max(1, seconds));
      } catch (DateTimeParseException notADate) {
        return DependencyOutage.RETRY_AFTER_SECONDS;
      }
    }
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new DomainException.Unavailable("the e-signature provider did not answer JSON");
    }
  }

  private void requireConfigured() {
    if (!configured()) {
      throw new DomainException.Unavailable(
          "no e-signature provider is configured on this platform; sign in the portal instead");
    }
  }

  @Override
  public Completion verify(byte[] body, String signatureHeader) {
    if (!configured()) {
      throw new DomainException.NotFound("no e-signature provider is configured on this platform");
    }
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw new DomainException.InvalidValue("the callback carries no " + SIGNATURE_HEADER);
    }
    byte[] expected = hmac(body);
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signatureHeader.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainException.InvalidValue("the callback's signature is not base64");
    }
    // Constant time, so the comparison tells an attacker nothing about the expected value.
    if (!MessageDigest.isEqual(expected, given)) {
      throw new DomainException.InvalidValue("the callback's signature does not match its body");
    }
    JsonNode event;
    try {
      event = JSON.readTree(body);
    } catch (IOException e) {
      throw new DomainException.InvalidValue("the callback is not JSON");
    }
    JsonNode data = event.path("data");
    String envelopeId = data.path("envelopeId").asText("");
    if (envelopeId.isBlank()) {
      throw new DomainException.InvalidValue("the callback names no envelope");
    }
    if (!validEnvelopeId(envelopeId)) {
      throw new DomainException.InvalidValue("the callback's envelope id is not one");
    }
    List<Completion.Signed> signed = new ArrayList<>();
    for (JsonNode signer : data.path("envelopeSummary").path("recipients").path("signers")) {
      if (!"completed".equalsIgnoreCase(signer.path("status").asText())) {
        continue;
      }
      Party party = party(signer.path("recipientId").asText());
      if (party != null) {
        signed.add(new Completion.Signed(party, signedAt(signer.path("signedDateTime").asText())));
      }
    }
    boolean completed =
        "completed".equalsIgnoreCase(data.path("envelopeSummary").path("status").asText());
    return new Completion(envelopeId, completed, signed);
  }

  private byte[] hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hmacKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java", e);
    }
  }

  static String recipientId(Party party) {
    return party == Party.CLIENT ? "1" : "2";
  }

  private static Party party(String recipientId) {
    return switch (recipientId) {
      case "1" -> Party.CLIENT;
      case "2" -> Party.FREELANCER;
      default -> null;
    };
  }

  /** DocuSign's ids are GUIDs; anything else never goes into a URL or a lookup. */
  static boolean validEnvelopeId(String envelopeId) {
    return envelopeId != null && envelopeId.matches("[A-Za-z0-9-]{1,100}");
  }

  /**
   * When a signer signed, as the provider says: with an offset (DocuSign writes seven fractional
   * digits and Z). A date that is no date is refused; the provider delivers the callback again, and
   * no signature ever carries a time that was made up here.
   */
  static Instant signedAt(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new DomainException.InvalidValue(
          "the callback's signedDateTime is not a date with an offset");
    }
  }

  static String sha256Hex(byte[] bytes) {
    return io.proxima.platform.text.Digests.sha256Hex(bytes);
  }
}
