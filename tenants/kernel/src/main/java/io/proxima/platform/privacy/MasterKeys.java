package io.proxima.platform.privacy;

import java.util.Set;

/**
 * Where the keys that wrap every data key live: a key file on this machine for the local platform,
 * a key management service in production. Only wrapped data keys are ever stored in the database,
 * so a copy of the database (a backup, a dump) is unreadable without these.
 */
public interface MasterKeys {

  /** The key new data keys are wrapped with. */
  String currentId();

  /** Every key that can still unwrap (the current one and those not yet retired). */
  Set<String> ids();

  /** {@code dataKey} wrapped with the current master key, bound to its owner. */
  WrappedDataKey wrap(byte[] dataKey, KeyOwner owner);

  /**
   * @throws Envelope.SealBroken when the wrapped key does not belong to {@code owner}
   * @throws IllegalStateException when its master key is unknown here (retired or never seen)
   */
  byte[] unwrap(WrappedDataKey wrapped, KeyOwner owner);

  /** Makes a new current key; the old ones still unwrap until {@link #retire}d. */
  String rotate();

  /** Forgets a key no data key is wrapped with any more. */
  void retire(String id);

  /** A data key as the database keeps it: which master key wrapped it, and the wrapped bytes. */
  record WrappedDataKey(String masterKeyId, byte[] bytes) {}
}
