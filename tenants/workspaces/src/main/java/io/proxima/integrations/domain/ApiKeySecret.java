package io.proxima.integrations.domain;

import io.proxima.platform.text.Digests;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A key as its holder sees it once: {@code prx_<8 characters>_<43 characters>}. The first part is
 * the prefix people recognise the key by; the whole is 256 random bits beyond it, so its SHA-256 is
 * all the platform keeps.
 */
public record ApiKeySecret(String prefix, String value) {

  public static final String MARK = "prx_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORM = Pattern.compile("prx_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
  private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  public static ApiKeySecret generate() {
    StringBuilder prefix = new StringBuilder(MARK);
    for (int i = 0; i < 8; i++) {
      prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String value = prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new ApiKeySecret(prefix.toString(), value);
  }

  /** Whether a presented value could be a key at all: anything else is not looked up. */
  public static boolean wellFormed(String presented) {
    return presented != null && FORM.matcher(presented).matches();
  }

  public static String hash(String presented) {
    return HexFormat.of().formatHex(Digests.sha256(presented.getBytes(StandardCharsets.UTF_8)));
  }

  public String hash() {
    return hash(value);
  }

  /** Never the secret: records print in logs and debuggers. */
  @Override
  public String toString() {
    return prefix + "_…";
  }
}
