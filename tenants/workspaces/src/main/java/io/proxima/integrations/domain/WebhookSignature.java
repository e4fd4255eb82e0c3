package io.proxima.integrations.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Proxima-Signature} header of a delivery: {@code t=<unix seconds>,v1=<hex>}, where the
 * hex is HMAC-SHA256 with the endpoint's secret over {@code <t>.<body>}. The receiver recomputes it
 * over the raw body and refuses old timestamps, so a captured delivery cannot be replayed later.
 */
public final class WebhookSignature {

  public static final String HEADER = "Proxima-Signature";

  private WebhookSignature() {}

  public static String header(String secret, long timestampSeconds, String body) {
    return "t=" + timestampSeconds + ",v1=" + hmac(secret, timestampSeconds + "." + body);
  }

  public static String hmac(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  /**
   * What a receiver does: the header's timestamp within {@code toleranceSeconds} of {@code
   * nowSeconds} and its v1 equal, in constant time, to the HMAC of this body.
   */
  public static boolean verify(
      String secret, String header, String body, long nowSeconds, long toleranceSeconds) {
    if (header == null) {
      return false;
    }
    Long timestamp = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length != 2) {
        continue;
      }
      if (pair[0].equals("t")) {
        try {
          timestamp = Long.parseLong(pair[1]);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (pair[0].equals("v1")) {
        v1 = pair[1];
      }
    }
    if (timestamp == null || v1 == null || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
      return false;
    }
    return MessageDigest.isEqual(
        hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII),
        v1.getBytes(StandardCharsets.US_ASCII));
  }
}
