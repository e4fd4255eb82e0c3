package io.proxima.live.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-use tickets for opening a live socket from a browser, which cannot put a bearer token on a
 * WebSocket upgrade. A signed-in caller asks for one over REST (bearer token checked there) and
 * opens the socket with {@code ?ticket=…} within {@link #LIFETIME}. A ticket is an HMAC-SHA256 over
 * the subject, name, expiry and a nonce; the nonce is remembered until it expires, so a ticket
 * copied from a log cannot be replayed on this node.
 *
 * <p>Nodes of a cluster share the key through {@code proxima.live.ticket-secret}; without it each
 * node makes its own and a ticket opens sockets on the node that issued it only.
 */
@ApplicationScoped
public class LiveTickets {

  static final Duration LIFETIME = Duration.ofSeconds(60);
  private static final Logger LOG = Logger.getLogger(LiveTickets.class.getName());
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  /** Who a redeemed ticket was issued to. */
  public record Holder(String subject, String name) {}

  public record Ticket(String ticket, Instant expiresAt) {}

  private final byte[] key;
  private final Clock clock;
  private final Map<String, Instant> redeemed = new ConcurrentHashMap<>();

  @Inject
  public LiveTickets(@ConfigProperty(name = "proxima.live.ticket-secret") Optional<String> secret) {
    this(
        secret.filter(s -> !s.isBlank()).map(LiveTickets::keyOf).orElseGet(LiveTickets::newKey),
        Clock.systemUTC());
    if (secret.isEmpty()) {
      LOG.info(
          "proxima.live.ticket-secret is not set: live tickets open sockets on this node only");
    }
  }

  LiveTickets(byte[] key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** For CDI's proxy. */
  protected LiveTickets() {
    this.key = null;
    this.clock = null;
  }

  public Ticket issue(String subject, String name) {
    Instant expires = clock.instant().plus(LIFETIME);
    String payload =
        String.join(
            "\n",
            subject,
            name == null ? "" : name,
            Long.toString(expires.getEpochSecond()),
            UUID.randomUUID().toString());
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    return new Ticket(
        ENCODE.encodeToString(body) + "." + ENCODE.encodeToString(sign(body)), expires);
  }

  /** The holder of a genuine, unexpired, unused ticket; empty for anything else. */
  public Optional<Holder> redeem(String ticket) {
    if (ticket == null || ticket.length() > 2048) {
      return Optional.empty();
    }
    int dot = ticket.indexOf('.');
    if (dot < 1) {
      return Optional.empty();
    }
    byte[] body;
    byte[] signature;
    try {
      body = DECODE.decode(ticket.substring(0, dot));
      signature = DECODE.decode(ticket.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(sign(body), signature)) {
      return Optional.empty();
    }
    String[] parts = new String(body, StandardCharsets.UTF_8).split("\n", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
    redeemed.values().removeIf(expiry -> expiry.isBefore(now));
    if (!expires.isAfter(now) || redeemed.putIfAbsent(parts[3], expires) != null) {
      return Optional.empty();
    }
    return Optional.of(new Holder(parts[0], parts[1].isEmpty() ? null : parts[1]));
  }

  private byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] keyOf(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
