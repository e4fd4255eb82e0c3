package io.proxima.platform.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM as every sealed value and every wrapped data key is written: a version byte, a fresh
 * 96-bit nonce, then the ciphertext with its tag. The associated data names whose and what the
 * value is, so a sealed value copied into another person's row, or another column, does not open.
 */
public final class Envelope {

  static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Envelope() {}

  /** A fresh 256-bit key. */
  public static SecretKey newKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, RANDOM);
      return generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot make AES keys", e);
    }
  }

  public static SecretKey key(byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("a key is 32 bytes, not " + raw.length);
    }
    return new SecretKeySpec(raw, "AES");
  }

  public static byte[] seal(SecretKey key, String associated, byte[] plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * @throws SealBroken when the value was not sealed with this key and associated data, or was
   *     altered
   */
  public static byte[] open(SecretKey key, String associated, byte[] sealed) {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new SealBroken("not a sealed value of version " + VERSION);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SealBroken("the sealed value does not open with this key for " + associated);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** A sealed value that cannot be opened: the wrong key, the wrong owner, or altered bytes. */
  public static final class SealBroken extends RuntimeException {
    public SealBroken(String message) {
      super(message);
    }
  }
}
