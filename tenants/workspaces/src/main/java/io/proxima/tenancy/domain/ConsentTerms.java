package io.proxima.tenancy.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Digests;
import io.proxima.platform.text.PlainText;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

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

  /** The longest version a caller may send back; ours are 12 characters. */
  public static final int VERSION_MAX_LENGTH = 64;

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

  /**
   * A short fingerprint of these terms (items and purpose), handed out with the terms and sent back
   * when sharing: equal terms have equal versions, and any change of the purpose's text or of the
   * items gives another one. Not a secret, only a way to tell "what I read" from "what is now".
   */
  public String version() {
    String text =
        items.stream().map(SharedItem::name).collect(Collectors.joining(","))
            + "\n"
            + (purpose == null ? "" : purpose);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Arrays.copyOf(Digests.sha256(text), 9));
  }

  /**
   * Whether a person who read the terms of version {@code seen} consents to these: yes when no
   * version was given (an API client that does not track them) or when it is this one.
   */
  public boolean agreeWith(String seen) {
    return seen == null || seen.equals(version());
  }

  /** Whether a consent given on these terms was given for another purpose than {@code now}. */
  public boolean purposeDiffersFrom(String now) {
    return purpose != null && !purpose.equals(now);
  }
}
