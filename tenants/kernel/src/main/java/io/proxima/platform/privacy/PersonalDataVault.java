package io.proxima.platform.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.hibernate.Session;

/**
 * Seals personal data with its owner's data key (envelope encryption): one AES-256 key per
 * freelancer or tenant, kept in the database only wrapped by a master key from {@link MasterKeys}.
 * What search and matching need (skills, rates, availability) is never sealed; what a person would
 * not want in a leaked dump (uploaded files, contact details, bank details) is.
 *
 * <p>Each sealed value is bound to its owner and its place ({@code purpose}, e.g. the column and
 * row id): copied elsewhere it does not open. Unwrapped data keys are cached for a minute, so a
 * page that opens many values unwraps once.
 */
@ApplicationScoped
public class PersonalDataVault {

  private static final Duration CACHED = Duration.ofMinutes(1);

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  private final MasterKeys masterKeys;
  private final Cache<KeyOwner, SecretKey> unwrapped =
      Caffeine.newBuilder().expireAfterWrite(CACHED).maximumSize(10_000).build();

  /** For the CDI client proxy only. */
  protected PersonalDataVault() {
    this.masterKeys = null;
  }

  @Inject
  public PersonalDataVault(MasterKeys masterKeys) {
    this.masterKeys = masterKeys;
  }

  /** For tests outside the container, with the test kit's entity manager. */
  public PersonalDataVault(MasterKeys masterKeys, EntityManager entityManager) {
    this.masterKeys = masterKeys;
    this.entityManager = entityManager;
  }

  /** {@code plain} sealed with the owner's data key, which is made the first time. */
  @Transactional(Transactional.TxType.MANDATORY)
  public byte[] seal(KeyOwner owner, String purpose, byte[] plain) {
    return Envelope.seal(dataKey(owner, true).orElseThrow(), associated(owner, purpose), plain);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public byte[] sealText(KeyOwner owner, String purpose, String plain) {
    return seal(owner, purpose, plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws KeyDestroyed when the owner's data key was destroyed (the person was erased)
   * @throws Envelope.SealBroken when the value belongs to another owner or place, or was altered
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public byte[] open(KeyOwner owner, String purpose, byte[] sealed) {
    SecretKey key = dataKey(owner, false).orElseThrow(() -> new KeyDestroyed(owner));
    return Envelope.open(key, associated(owner, purpose), sealed);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public String openText(KeyOwner owner, String purpose, byte[] sealed) {
    return new String(open(owner, purpose, sealed), StandardCharsets.UTF_8);
  }

  /**
   * Wraps up to {@code batch} data keys still wrapped with an older master key with the current
   * one, in the caller's transaction; the number rewrapped (0 once all are current). Rows another
   * node is rewrapping are skipped, so several nodes may run it at once.
   */
  @Transactional
  public int rewrap(int batch) {
    String current = masterKeys.currentId();
    return work(
        connection -> {
          List<Object[]> stale = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT owner, master_key_id, wrapped FROM data_key WHERE master_key_id <> ?"
                      + " ORDER BY owner LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setString(1, current);
            select.setInt(2, batch);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                stale.add(new Object[] {rows.getString(1), rows.getString(2), rows.getBytes(3)});
              }
            }
          }
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE data_key SET master_key_id = ?, wrapped = ?, rewrapped_at = now()"
                      + " WHERE owner = ?")) {
            for (Object[] row : stale) {
              KeyOwner owner = new KeyOwner((String) row[0]);
              byte[] raw =
                  masterKeys.unwrap(
                      new MasterKeys.WrappedDataKey((String) row[1], (byte[]) row[2]), owner);
              MasterKeys.WrappedDataKey rewrapped = masterKeys.wrap(raw, owner);
              update.setString(1, rewrapped.masterKeyId());
              update.setBytes(2, rewrapped.bytes());
              update.setString(3, owner.value());
              update.addBatch();
            }
            update.executeBatch();
          }
          return stale.size();
        });
  }

  /** How many data keys each master key wraps, to know when an old one can be retired. */
  @Transactional
  public java.util.Map<String, Long> wrappedPerMasterKey() {
    return work(
        connection -> {
          java.util.Map<String, Long> counts = new java.util.TreeMap<>();
          try (PreparedStatement count =
                  connection.prepareStatement(
                      "SELECT master_key_id, count(*) FROM data_key GROUP BY master_key_id");
              ResultSet rows = count.executeQuery()) {
            while (rows.next()) {
              counts.put(rows.getString(1), rows.getLong(2));
            }
          }
          return counts;
        });
  }

  private Optional<SecretKey> dataKey(KeyOwner owner, boolean makeWhenMissing) {
    SecretKey cached = unwrapped.getIfPresent(owner);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<SecretKey> key =
        work(connection -> DataKeys.obtain(connection, masterKeys, owner, makeWhenMissing));
    key.ifPresent(k -> unwrapped.put(owner, k));
    return key;
  }

  private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
    return entityManager.unwrap(Session.class).doReturningWork(work);
  }

  static String associated(KeyOwner owner, String purpose) {
    return owner.value() + "|" + purpose;
  }

  /** The owner's data key is gone: what it sealed can never be read again. */
  public static final class KeyDestroyed extends RuntimeException {
    public KeyDestroyed(KeyOwner owner) {
      super("the data key of " + owner + " was destroyed");
    }
  }
}
