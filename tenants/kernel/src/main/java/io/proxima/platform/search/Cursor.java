package io.proxima.platform.search;

import io.proxima.platform.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of results ended: the sort key and id of its last row, opaque to clients. The next
 * page starts strictly after them, so rows inserted meanwhile never shift or repeat a page.
 */
public final class Cursor {

  private static final String SEPARATOR = "\u001f";

  private Cursor() {}

  public static String encode(String... values) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
  }

  /** The values of a cursor made by {@link #encode} with as many values; 400 for anything else. */
  public static List<String> decode(String cursor, int values) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      List<String> parts = Arrays.asList(text.split(SEPARATOR, -1));
      if (parts.size() != values) {
        throw new IllegalArgumentException("wrong number of values");
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw new DomainException.InvalidValue(
          "cursor", "cursor is not one this search returned; start again without it");
    }
  }
}
