package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.util.List;

/**
 * One engagement (案件) on the work history.
 *
 * @param company the client or employer; sheets often anonymise it ("大手通信会社")
 * @param teamSize null when the sheet does not say
 * @param technologies canonical skill names used on this engagement
 */
public record WorkHistoryEntry(
    String company,
    Period period,
    String role,
    Integer teamSize,
    List<String> technologies,
    String description) {

  public static final int DESCRIPTION_LIMIT = 4000;

  public WorkHistoryEntry {
    if (period == null) {
      throw new DomainException.InvalidValue("a work history entry needs its period");
    }
    company = Texts.optional(company, "company", 200);
    role = Texts.optional(role, "role", 200);
    description = Texts.optional(description, "description", DESCRIPTION_LIMIT);
    if (teamSize != null && (teamSize < 1 || teamSize > 10_000)) {
      throw new DomainException.InvalidValue("team size must be between 1 and 10000");
    }
    technologies = technologies == null ? List.of() : List.copyOf(technologies);
  }
}
