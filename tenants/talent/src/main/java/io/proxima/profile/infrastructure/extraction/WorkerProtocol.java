package io.proxima.profile.infrastructure.extraction;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The frames a {@link SkillSheetWorker} and its pool exchange over the child's stdin and stdout:
 * length-prefixed, so a text of any size (writeUTF stops at 64 KiB) and a null travel unchanged.
 */
final class WorkerProtocol {

  /** Sent once by a worker that has loaded its parsers and takes requests. */
  static final int READY = 'R';

  static final int OK = 0;
  static final int PROBLEM = 1;
  static final int FAILED = 2;

  /** Larger than any file the reader accepts; a corrupt length must not allocate gigabytes. */
  static final int MAX_FRAME = 64 * 1024 * 1024;

  private WorkerProtocol() {}

  static void writeString(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
  }

  static String readString(DataInputStream in) throws IOException {
    byte[] bytes = readBytes(in);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    if (length > MAX_FRAME) {
      throw new IOException("a frame of " + length + " bytes");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  static int readTag(DataInputStream in) throws IOException {
    int tag = in.read();
    if (tag < 0) {
      throw new EOFException("the worker closed its output");
    }
    return tag;
  }
}
