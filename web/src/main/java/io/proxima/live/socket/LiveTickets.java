package io.proxima.live.socket;

import io.proxima.realtime.cluster.ClusterOnce;
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
 * the subject, name, expiry and a nonce; the nonce is remembered cluster-wide until it expires
 * ({@link ClusterOnce}), so a ticket copied from a log cannot be replayed on any node, this one or
 * another.
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

  /** Claims a nonce: true only for its first use anywhere its tickets are accepted. */
  @FunctionalInterface
  interface Nonces {
    boolean claim(String nonce, Instant now, Instant expiresAt);
  }

  private final byte[] key;
  private final Clock clock;
  private final Nonces nonces;

  @Inject
  public LiveTickets(
      @ConfigProperty(name = "proxima.live.ticket-secret") Optional<String> secret,
      ClusterOnce once) {
    this(
        secret.filter(s -> !s.isBlank()).map(LiveTickets::keyOf).orElseGet(LiveTickets::newKey),
        Clock.systemUTC(),
        once::claim);
    if (secret.isEmpty()) {
      LOG.info(
          "proxima.live.ticket-secret is not set: live tickets open sockets on this node only");
    }
  }

  LiveTickets(byte[] key, Clock clock, Nonces nonces) {
    this.key = key;
    this.clock = clock;
    this.nonces = nonces;
  }

  /** One node's own memory of used nonces: for tests, and what a node without a cluster has. */
  static Nonces localNonces() {
    Map<String, Instant> used = new ConcurrentHashMap<>();
    return (nonce, now, expiresAt) -> {
      used.values().removeIf(expiry -> expiry.isBefore(now));
      return used.putIfAbsent(nonce, expiresAt) == null;
    };
  }

  /** For CDI's proxy. */
  protected LiveTickets() {
    this.key = null;
    this.clock = null;
    this.nonces = null;
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
    Instant expires;
    try {
      expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
    if (!expires.isAfter(now) || !nonces.claim(parts[3], now, expires)) {
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
