package io.proxima.identity.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The local copy of the identity provider's signing keys (a JWKS document) that Payara's JWT check
 * reads through {@code mp.jwt.verify.publickey.location}. Payara drops its cached keys when it
 * cannot read the location again, so the location is this file, which is always readable, and
 * {@link SigningKeyKeeper} alone talks to Keycloak and keeps the last good set in it.
 *
 * <p>One file per application class loader: each WAR of a node has its own copy of this class and
 * its own keeper, and neither has to coordinate with the other.
 */
public final class SigningKeyFile {

  static final Path PATH =
      Path.of(
          System.getProperty("java.io.tmpdir"),
          "proxima-signing-keys",
          ProcessHandle.current().pid()
              + "-"
              + Integer.toHexString(System.identityHashCode(SigningKeyFile.class.getClassLoader()))
              + ".jwks.json");

  private SigningKeyFile() {}

  /** The {@code file:} URL Payara reads the keys from. */
  public static String location() {
    return PATH.toUri().toString();
  }

  /**
   * Replaces the file in one step, so that Payara never reads half a key set: written beside it,
   * then moved over it.
   */
  static void write(String jwks) {
    try {
      Files.createDirectories(PATH.getParent());
      Path next = Files.createTempFile(PATH.getParent(), "next-", ".json");
      Files.writeString(next, jwks, StandardCharsets.UTF_8);
      Files.move(next, PATH, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      PATH.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the signing keys to " + PATH, e);
    }
  }

  static boolean exists() {
    return Files.isRegularFile(PATH);
  }
}
