package io.proxima.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The master keys in a file readable by its owner only ({@code proxima.privacy.master-key-file}),
 * made with a first key when it does not exist, so a fresh machine starts without a step of its
 * own. Several nodes on one machine share the file: a rotation takes a file lock and replaces the
 * file in one move, and every node reads it again when it changes, so no node needs a restart.
 *
 * <p>Production names a key management service instead ({@link MasterKeyService}, {@link
 * VaultTransitMasterKeys}); the file then never exists.
 */
@ApplicationScoped
@Typed(MasterKeyFile.class) // the MasterKeys bean is MasterKeyService's choice
public class MasterKeyFile implements MasterKeys {

  private static final Logger LOG = Logger.getLogger(MasterKeyFile.class.getName());
  private static final String CURRENT = "current";
  private static final String KEY = "key.";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final Path file;
  private final Clock clock;
  private Ring ring;
  private Stamp readAt;

  /** For the CDI client proxy only. */
  protected MasterKeyFile() {
    this.file = null;
    this.clock = null;
  }

  @Inject
  public MasterKeyFile(@ConfigProperty(name = "proxima.privacy.master-key-file") String file) {
    this(Path.of(file), Clock.systemUTC());
  }

  public MasterKeyFile(Path file, Clock clock) {
    this.file = file.toAbsolutePath();
    this.clock = clock;
  }

  @Override
  public synchronized String currentId() {
    return ring().current();
  }

  @Override
  public synchronized Set<String> ids() {
    return new TreeSet<>(ring().keys().keySet());
  }

  @Override
  public WrappedDataKey wrap(byte[] dataKey, KeyOwner owner) {
    Ring keys;
    synchronized (this) {
      keys = ring();
    }
    return new WrappedDataKey(
        keys.current(), Envelope.seal(keys.keys().get(keys.current()), owner.value(), dataKey));
  }

  @Override
  public byte[] unwrap(WrappedDataKey wrapped, KeyOwner owner) {
    SecretKey key;
    synchronized (this) {
      key = ring().keys().get(wrapped.masterKeyId());
    }
    if (key == null) {
      throw new IllegalStateException(
          "master key "
              + wrapped.masterKeyId()
              + " is not in "
              + file
              + " (retired too early, or the file of another installation)");
    }
    return Envelope.open(key, owner.value(), wrapped.bytes());
  }

  @Override
  public String rotate() {
    return change(
        keys -> {
          String id = "mk-" + STAMP.format(clock.instant()) + "-" + randomSuffix();
          Map<String, SecretKey> next = new LinkedHashMap<>(keys.keys());
          next.put(id, Envelope.newKey());
          return new Ring(id, next);
        });
  }

  @Override
  public void retire(String id) {
    change(
        keys -> {
          if (id.equals(keys.current())) {
            throw new IllegalArgumentException("the current master key cannot be retired");
          }
          Map<String, SecretKey> next = new LinkedHashMap<>(keys.keys());
          next.remove(id);
          return new Ring(keys.current(), next);
        });
  }

  private synchronized String change(java.util.function.UnaryOperator<Ring> change) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(
                  file.resolveSibling(file.getFileName() + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        Ring next = change.apply(read(true));
        write(next);
        ring = next;
        readAt = Stamp.of(file);
        return next.current();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot change the master keys in " + file, e);
    }
  }

  /** The keys as the file holds them now; read again only when the file may have changed. */
  private Ring ring() {
    try {
      if (!Files.exists(file)) {
        // read makes the file, and with it ring and readAt, under the lock
        return read(false);
      }
      Stamp now = Stamp.of(file);
      if (ring == null || !now.provesUnchangedSince(readAt)) {
        ring = read(false);
        readAt = now;
      }
      return ring;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the master keys in " + file, e);
    }
  }

  private Ring read(boolean locked) throws IOException {
    if (!Files.exists(file)) {
      if (!locked) {
        // Another node of this machine may be making it now: make it under the lock.
        change(keys -> keys);
        return ring;
      }
      String id = "mk-" + STAMP.format(clock.instant()) + "-" + randomSuffix();
      Map<String, SecretKey> first = new LinkedHashMap<>();
      first.put(id, Envelope.newKey());
      LOG.info(() -> "made the first master key in " + file);
      return new Ring(id, first);
    }
    Properties stored = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      stored.load(in);
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String name : new TreeSet<>(stored.stringPropertyNames())) {
      if (name.startsWith(KEY)) {
        keys.put(
            name.substring(KEY.length()),
            Envelope.key(Base64.getDecoder().decode(stored.getProperty(name).trim())));
      }
    }
    String current = stored.getProperty(CURRENT, "").trim();
    if (!keys.containsKey(current)) {
      throw new IllegalStateException(
          file + " names no usable current master key (" + CURRENT + "=" + current + ")");
    }
    return new Ring(current, keys);
  }

  private void write(Ring keys) throws IOException {
    Properties stored = new Properties();
    stored.setProperty(CURRENT, keys.current());
    keys.keys()
        .forEach(
            (id, key) ->
                stored.setProperty(KEY + id, Base64.getEncoder().encodeToString(key.getEncoded())));
    Path next =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? Files.createTempFile(
                file.getParent(),
                "master-keys-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(file.getParent(), "master-keys-", ".tmp");
    try (OutputStream out = Files.newOutputStream(next)) {
      stored.store(
          out,
          "Proxima master keys. Keep private and back up apart from the database: without them"
              + " no sealed personal data can be read.");
    }
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[3];
    new java.security.SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private record Ring(String current, Map<String, SecretKey> keys) {}

  /**
   * What the file looked like when it was read. Two writes within the file system's timestamp
   * granularity can leave the same modification time (CI saw a retirement missed that way), so a
   * stamp only vouches for the cache once the file is older than that granularity when read — the
   * "racy git" rule; until then every use reads the file again.
   */
  private record Stamp(FileTime modified, Object fileKey, long size, long readMillis) {

    private static final long GRANULARITY_MILLIS = 2_000;

    static Stamp of(Path file) throws IOException {
      long now = System.currentTimeMillis();
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(attributes.lastModifiedTime(), attributes.fileKey(), attributes.size(), now);
    }

    boolean provesUnchangedSince(Stamp earlier) {
      return earlier != null
          && modified.equals(earlier.modified)
          && java.util.Objects.equals(fileKey, earlier.fileKey)
          && size == earlier.size
          && earlier.readMillis - modified.toMillis() > GRANULARITY_MILLIS;
    }
  }
}
