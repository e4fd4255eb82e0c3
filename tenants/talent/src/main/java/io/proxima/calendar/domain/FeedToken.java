package io.proxima.calendar.domain;

import io.proxima.platform.text.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in a freelancer's feed URL. Calendar apps cannot send a bearer token, so whoever has
 * the URL reads the feed: 256 random bits, shown once, stored only as a SHA-256 hash. Looking a
 * feed up by the hash of what was presented leaks nothing through timing about stored tokens.
 */
public record FeedToken(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  public FeedToken {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a feed token");
    }
  }

  public static FeedToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new FeedToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** What a URL carried, if it has the shape of a token at all; anything else matches nothing. */
  public static Optional<FeedToken> presented(String candidate) {
    return candidate != null && SHAPE.matcher(candidate).matches()
        ? Optional.of(new FeedToken(candidate))
        : Optional.empty();
  }

  public byte[] hash() {
    return Digests.sha256(value.getBytes(StandardCharsets.US_ASCII));
  }

  /** Constant-time, for comparing a stored hash with a presented token's. */
  public boolean matches(byte[] storedHash) {
    return storedHash != null && MessageDigest.isEqual(hash(), storedHash);
  }

  @Override
  public String toString() {
    return "FeedToken[redacted]";
  }
}
