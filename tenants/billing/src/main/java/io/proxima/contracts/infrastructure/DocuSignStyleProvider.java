package io.proxima.contracts.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proxima.contracts.application.ESignatureProvider;
import io.proxima.contracts.domain.Party;
import io.proxima.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An e-signature provider speaking DocuSign's eSignature REST shape: an envelope with the PDF and
 * two signers in routing order (the client first, then the freelancer), and Connect callbacks
 * signed with HMAC-SHA256 over the raw body. The base URL is configurable, so the same adapter
 * talks to the provider's demo or production host, or to a local stub in tests.
 */
@ApplicationScoped
public class DocuSignStyleProvider implements ESignatureProvider {

  static final String SIGNATURE_HEADER = "X-DocuSign-Signature-1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Optional<String> baseUrl;
  private final String accountId;
  private final String accessToken;
  private final String hmacKey;
  private final HttpClient http;

  protected DocuSignStyleProvider() {
    this(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Inject
  public DocuSignStyleProvider(
      @ConfigProperty(name = "proxima.esign.base-url") Optional<String> baseUrl,
      @ConfigProperty(name = "proxima.esign.account-id") Optional<String> accountId,
      @ConfigProperty(name = "proxima.esign.access-token") Optional<String> accessToken,
      @ConfigProperty(name = "proxima.esign.hmac-key") Optional<String> hmacKey) {
    // Optional, not empty defaults: MicroProfile Config treats an empty default as no value and
    // fails the deployment of a platform without e-signature settings.
    this.baseUrl = baseUrl.filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", ""));
    this.accountId = accountId.orElse("");
    this.accessToken = accessToken.orElse("");
    this.hmacKey = hmacKey.orElse("");
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public boolean configured() {
    return baseUrl.isPresent() && !hmacKey.isEmpty();
  }

  @Override
  public String send(Envelope envelope) {
    if (!configured()) {
      throw new DomainException.Unavailable(
          "no e-signature provider is configured on this platform; sign in the portal instead");
    }
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
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(baseUrl.get() + "/restapi/v2.1/accounts/" + accountId + "/envelopes"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + accessToken)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new DomainException.Unavailable(
            "the e-signature provider refused the envelope (HTTP " + response.statusCode() + ")");
      }
      JsonNode answer = JSON.readTree(response.body());
      String envelopeId = answer.path("envelopeId").asText("");
      if (envelopeId.isBlank()) {
        throw new DomainException.Unavailable(
            "the e-signature provider answered without an envelope id");
      }
      return envelopeId;
    } catch (IOException e) {
      throw new DomainException.Unavailable(
          "the e-signature provider cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException.Unavailable(
          "interrupted while sending to the e-signature provider");
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
    try {
      JsonNode event = JSON.readTree(body);
      JsonNode data = event.path("data");
      String envelopeId = data.path("envelopeId").asText("");
      if (envelopeId.isBlank()) {
        throw new DomainException.InvalidValue("the callback names no envelope");
      }
      List<Completion.Signed> signed = new ArrayList<>();
      for (JsonNode signer : data.path("envelopeSummary").path("recipients").path("signers")) {
        if (!"completed".equalsIgnoreCase(signer.path("status").asText())) {
          continue;
        }
        Party party = party(signer.path("recipientId").asText());
        if (party != null) {
          signed.add(new Completion.Signed(party, instant(signer.path("signedDateTime").asText())));
        }
      }
      return new Completion(envelopeId, signed);
    } catch (IOException e) {
      throw new DomainException.InvalidValue("the callback is not JSON");
    }
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

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.now();
    }
  }
}
