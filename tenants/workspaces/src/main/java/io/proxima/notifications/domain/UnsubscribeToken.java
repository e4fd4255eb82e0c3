package io.proxima.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an unsubscribe link carries: whose and which kind, signed with HMAC-SHA256 under the
 * person's own key, so the link works without a sign-in, cannot be made for anyone else or another
 * kind, and stops working when the key is rotated.
 *
 * <p>Form: {@code base64url(subject) "." KIND_NAME "." base64url(mac)}: the kind by its constant's
 * name, which has no dot (its wire name has).
 */
public record UnsubscribeToken(String subject, NotificationKind kind, byte[] mac) {

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  /** Longer than any token made here; longer input is not parsed at all. */
  public static final int MAX_LENGTH = 600;

  public static String sign(String subject, NotificationKind kind, byte[] key) {
    return ENCODE.encodeToString(subject.getBytes(StandardCharsets.UTF_8))
        + "."
        + kind.name()
        + "."
        + ENCODE.encodeToString(mac(subject, kind, key));
  }

  /** Empty for anything that is not a token's shape; the signature is checked by {@link #valid}. */
  public static Optional<UnsubscribeToken> parse(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      String subject = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
      byte[] mac = DECODE.decode(parts[2]);
      if (subject.isBlank() || subject.length() > 255 || mac.length != 32) {
        return Optional.empty();
      }
      return java.util.Arrays.stream(NotificationKind.values())
          .filter(kind -> kind.name().equals(parts[1]))
          .findFirst()
          .map(kind -> new UnsubscribeToken(subject, kind, mac));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public boolean valid(byte[] key) {
    return MessageDigest.isEqual(mac, mac(subject, kind, key));
  }

  private static byte[] mac(String subject, NotificationKind kind, byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(
          ("unsubscribe\n" + subject + "\n" + kind.wireName()).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
