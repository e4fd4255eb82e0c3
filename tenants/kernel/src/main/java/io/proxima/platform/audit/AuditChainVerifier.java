package io.proxima.platform.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Recomputes one audit chain from its rows, independently of the database trigger that built it
 * (V12__audit_chain.sql): the same canonical encoding, the same SHA-256 link. It starts from the
 * latest retention checkpoint, or from 32 zero bytes, and ends at the chain head, so an entry that
 * was edited, removed (in the middle or at the end) or moved is reported at its position.
 *
 * <p>It reads whatever the connection may see: under row-level security a tenant verifies its own
 * chain, the console every chain.
 */
public final class AuditChainVerifier {

  /** The chain of entries without a tenant. */
  public static final String PLATFORM_CHAIN = "platform";

  private static final byte[] GENESIS = new byte[32];
  private static final String ENCODING_TAG = "proxima-audit-v1";
  private static final HexFormat HEX = HexFormat.of();

  private AuditChainVerifier() {}

  /**
   * The outcome. {@code firstBreak} is null when the chain is intact; {@code verifiedThrough} is
   * the last position whose link and content checked out.
   */
  public record Result(
      String chainKey,
      boolean intact,
      long checkpointSequence,
      long verifiedThrough,
      long entriesChecked,
      long headSequence,
      String headHash,
      Break firstBreak) {}

  /** The first link that does not hold: where, what kind, and the two values that disagree. */
  public record Break(long sequence, Kind kind, String expected, String actual) {}

  public enum Kind {
    /** An entry is absent: the next one found has a later position. */
    MISSING_ENTRY,
    /** The entry's previous-hash is not the hash of the entry before it. */
    BROKEN_LINK,
    /** The entry's content does not hash to its stored hash: it was changed. */
    CONTENT_CHANGED,
    /** The last entry is not the chain head: entries at the end were removed or the head moved. */
    HEAD_MISMATCH
  }

  /** The chain key of a tenant's entries, or of the platform's when {@code tenantId} is null. */
  public static String chainKey(UUID tenantId) {
    return tenantId == null ? PLATFORM_CHAIN : tenantId.toString();
  }

  public static Result verify(Connection connection, String chainKey) throws SQLException {
    long checkpoint = 0;
    byte[] running = GENESIS;
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT last_seq, last_hash FROM audit_checkpoint WHERE chain_key = ?"
                + " ORDER BY last_seq DESC LIMIT 1")) {
      query.setString(1, chainKey);
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          checkpoint = row.getLong(1);
          running = row.getBytes(2);
        }
      }
    }
    long headSequence = 0;
    byte[] headHash = GENESIS;
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_key = ?")) {
      query.setString(1, chainKey);
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          headSequence = row.getLong(1);
          headHash = row.getBytes(2);
        }
      }
    }

    long expected = checkpoint + 1;
    long checked = 0;
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, occurred_at, actor_subject, actor_name, action, tenant_id, target,"
                + " source_ip, request_id, details, chain_seq, prev_hash, hash"
                + " FROM audit_event WHERE chain_key = ? AND chain_seq > ? ORDER BY chain_seq")) {
      // Streams through a server-side cursor when the connection is in a transaction.
      query.setFetchSize(1000);
      query.setString(1, chainKey);
      query.setLong(2, checkpoint);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long sequence = rows.getLong("chain_seq");
          if (sequence != expected) {
            return broken(
                chainKey,
                checkpoint,
                expected - 1,
                checked,
                headSequence,
                headHash,
                new Break(expected, Kind.MISSING_ENTRY, "#" + expected, "#" + sequence));
          }
          byte[] previous = rows.getBytes("prev_hash");
          if (!Arrays.equals(previous, running)) {
            return broken(
                chainKey,
                checkpoint,
                expected - 1,
                checked,
                headSequence,
                headHash,
                new Break(sequence, Kind.BROKEN_LINK, hex(running), hex(previous)));
          }
          byte[] stored = rows.getBytes("hash");
          byte[] recomputed = link(running, canonical(chainKey, sequence, rows));
          if (!Arrays.equals(recomputed, stored)) {
            return broken(
                chainKey,
                checkpoint,
                expected - 1,
                checked,
                headSequence,
                headHash,
                new Break(sequence, Kind.CONTENT_CHANGED, hex(recomputed), hex(stored)));
          }
          running = stored;
          checked++;
          expected++;
        }
      }
    }
    long last = expected - 1;
    if (last != headSequence || !Arrays.equals(running, headHash)) {
      return broken(
          chainKey,
          checkpoint,
          last,
          checked,
          headSequence,
          headHash,
          new Break(
              last + 1,
              Kind.HEAD_MISMATCH,
              "#" + headSequence + " " + hex(headHash),
              "#" + last + " " + hex(running)));
    }
    return new Result(chainKey, true, checkpoint, last, checked, headSequence, hex(headHash), null);
  }

  private static Result broken(
      String chainKey,
      long checkpoint,
      long verifiedThrough,
      long checked,
      long headSequence,
      byte[] headHash,
      Break firstBreak) {
    return new Result(
        chainKey,
        false,
        checkpoint,
        verifiedThrough,
        checked,
        headSequence,
        hex(headHash),
        firstBreak);
  }

  /** sha256(previous hash || canonical encoding), as the trigger computes it. */
  static byte[] link(byte[] previous, byte[] canonical) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previous);
      sha256.update(canonical);
      return sha256.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static byte[] canonical(String chainKey, long sequence, ResultSet row)
      throws SQLException {
    OffsetDateTime occurredAt = row.getObject("occurred_at", OffsetDateTime.class);
    UUID tenant = row.getObject("tenant_id", UUID.class);
    return canonical(
        chainKey,
        Long.toString(sequence),
        Long.toString(row.getLong("id")),
        Long.toString(
            Math.addExact(
                Math.multiplyExact(occurredAt.toEpochSecond(), 1_000_000L),
                occurredAt.getNano() / 1_000)),
        row.getString("actor_subject"),
        row.getString("actor_name"),
        row.getString("action"),
        tenant == null ? null : tenant.toString(),
        row.getString("target"),
        row.getString("source_ip"),
        row.getString("request_id"),
        row.getString("details"));
  }

  /**
   * Each field as its UTF-8 length (4 bytes, big-endian) and bytes, null as length -1, after a tag
   * naming the encoding: audit_event_canonical() in V12__audit_chain.sql.
   */
  static byte[] canonical(String... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    field(out, ENCODING_TAG);
    for (String value : fields) {
      field(out, value);
    }
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, String value) {
    if (value == null) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? null : HEX.formatHex(bytes);
  }
}
