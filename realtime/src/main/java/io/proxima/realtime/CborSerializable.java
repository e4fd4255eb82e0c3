package io.proxima.realtime;

/**
 * Marks the messages that cross node boundaries: they are serialized with Jackson CBOR (bound in
 * {@code proxima-pekko.conf}), never with Java serialization.
 */
public interface CborSerializable {}
