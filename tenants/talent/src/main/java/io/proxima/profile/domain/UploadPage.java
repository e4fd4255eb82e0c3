package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import java.util.List;

/**
 * One page of a freelancer's uploads, newest first.
 *
 * @param page zero-based
 * @param total all the freelancer's uploads, on every page
 */
public record UploadPage(List<SkillSheetUpload> uploads, int page, int size, long total) {

  /** A page of at most this many uploads. */
  public static final int SIZE_LIMIT = 100;

  /** Far past any real history: a page number whose offset cannot overflow. */
  public static final int PAGE_LIMIT = 10_000;

  public UploadPage {
    uploads = List.copyOf(uploads);
  }

  /** Refuses a page or size no history has, naming the query parameter at fault. */
  public static void requireWithinBounds(int page, int size) {
    if (page < 0 || page > PAGE_LIMIT) {
      throw new DomainException.InvalidValue(
          "page", "page must be between 0 and " + PAGE_LIMIT + ", not " + page);
    }
    if (size < 1 || size > SIZE_LIMIT) {
      throw new DomainException.InvalidValue(
          "size", "size must be between 1 and " + SIZE_LIMIT + ", not " + size);
    }
  }

  /** Pages needed for {@code total} uploads; at least one, the empty first page. */
  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
