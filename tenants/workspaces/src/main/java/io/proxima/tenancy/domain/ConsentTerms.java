package io.proxima.tenancy.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.PlainText;
import java.util.List;
import java.util.Objects;

/**
 * What a consent covers: the items a tenant then sees and the tenant's stated purpose of use, as
 * the freelancer is shown them before sharing (APPI: the person is told what is shared with whom
 * and why).
 *
 * @param items what the tenant sees
 * @param purpose the tenant's purpose of use; null only for consents older than the log, when no
 *     purpose was stated
 */
public record ConsentTerms(List<SharedItem> items, String purpose) {

  /** The platform's purpose for a tenant that has not stated its own. */
  public static final String DEFAULT_PURPOSE = "案件のご紹介と契約手続きのため";

  public static final int PURPOSE_MAX_LENGTH = 500;

  public ConsentTerms {
    items = List.copyOf(Objects.requireNonNull(items));
  }

  /** The terms of a consent given today to a tenant with this purpose. */
  public static ConsentTerms today(String purpose) {
    return new ConsentTerms(SharedItem.WHAT_A_TENANT_SEES, Objects.requireNonNull(purpose));
  }

  /**
   * A purpose as a tenant states it: plain text, at most {@value #PURPOSE_MAX_LENGTH} characters,
   * not blank; surrounding white space dropped.
   */
  public static String purpose(String text) {
    if (text == null || text.isBlank()) {
      throw new DomainException.InvalidValue("purpose", "purpose must not be blank");
    }
    String purpose = PlainText.require(text.strip(), "purpose");
    if (purpose.codePointCount(0, purpose.length()) > PURPOSE_MAX_LENGTH) {
      throw new DomainException.InvalidValue(
          "purpose", "purpose is longer than " + PURPOSE_MAX_LENGTH + " characters");
    }
    return purpose;
  }

  /** Whether a consent given on these terms was given for another purpose than {@code now}. */
  public boolean purposeDiffersFrom(String now) {
    return purpose != null && !purpose.equals(now);
  }
}
