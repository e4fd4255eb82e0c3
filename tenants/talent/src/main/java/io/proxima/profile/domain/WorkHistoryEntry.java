package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.util.List;

/**
 * One engagement (案件) on the work history.
 *
 * @param company the client the work was for, the end client when the sheet gives the chain; sheets
 *     often anonymise it ("大手通信会社", 「C社」)
 * @param via the companies between the freelancer's side and that client (商流: 元請の大手SIer…), in
 *     order; agencies read the depth of the chain off it
 * @param project the engagement's name or one-line title (案件名)
 * @param role the role the sheet names for this engagement (PL, SE/PG, バックエンドエンジニア)
 * @param teamSize null when the sheet does not say
 * @param phases the stages the freelancer took part in (担当工程), in the order of {@link
 *     EngagementPhase}
 * @param technologies canonical skill names used on this engagement
 */
public record WorkHistoryEntry(
    String company,
    List<String> via,
    String project,
    Period period,
    String role,
    Integer teamSize,
    List<EngagementPhase> phases,
    List<String> technologies,
    String description) {

  public static final int DESCRIPTION_LIMIT = 4000;
  private static final int VIA_LIMIT = 5;

  public WorkHistoryEntry {
    if (period == null) {
      throw new DomainException.InvalidValue("a work history entry needs its period");
    }
    company = Texts.optional(company, "company", 200);
    project = Texts.optional(project, "project", 200);
    via =
        via == null
            ? List.of()
            : via.stream().map(c -> Texts.required(c, "company in the chain", 200)).toList();
    if (via.size() > VIA_LIMIT) {
      throw new DomainException.InvalidValue(
          "a commercial chain names at most " + VIA_LIMIT + " companies");
    }
    phases =
        phases == null
            ? List.of()
            : phases.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
    role = Texts.optional(role, "role", 200);
    description = Texts.optional(description, "description", DESCRIPTION_LIMIT);
    if (teamSize != null && (teamSize < 1 || teamSize > 10_000)) {
      throw new DomainException.InvalidValue("team size must be between 1 and 10000");
    }
    technologies = technologies == null ? List.of() : List.copyOf(technologies);
  }
}
