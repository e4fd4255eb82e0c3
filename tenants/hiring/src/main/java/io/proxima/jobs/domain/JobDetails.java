package io.proxima.jobs.domain;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.ContractType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything a tenant writes about a job, as the Japanese freelance market states it: a monthly
 * rate range in yen (税込 or 税抜), a settlement range of hours (精算幅, e.g. 140–180 h, outside of which
 * the rate is adjusted), days per week, how remote, contract form, and payment terms (支払いサイト: days
 * from month end to payment).
 *
 * @param workspaceId the client company (a workspace of an agency) the job is for; null for the
 *     tenant itself
 */
public record JobDetails(
    UUID workspaceId,
    @Schema(required = true, maxLength = 200, example = "決済基盤のリプレイス") String title,
    @Schema(required = true, maxLength = 20000, example = "カード決済 API の刷新") String description,
    List<SkillRequirement> requiredSkills, // at most 30
    List<SkillRequirement> preferredSkills, // at most 30
    @Schema(minimum = "10000", maximum = "10000000", example = "700000") Integer rateMinYen,
    @Schema(minimum = "10000", maximum = "10000000", example = "900000") Integer rateMaxYen,
    boolean rateTaxIncluded,
    // No @Schema on a component whose name contains "set": Payara 6.2025.10 takes its accessor
    // for a setter and fails the whole document (README, Known limits).
    Integer settlementMinHours,
    Integer settlementMaxHours,
    @Schema(required = true, minimum = "1", maximum = "7", example = "4") int daysMin,
    @Schema(required = true, minimum = "1", maximum = "7", example = "5") int daysMax,
    @Schema(required = true, example = "HYBRID") WorkStyle workStyle,
    @Schema(maxLength = 100, description = "required unless REMOTE", example = "東京都港区")
        String location,
    @Schema(
            maxLength = 4,
            description =
                "one of the 47 prefectures as written in Japanese; read from the location's start"
                    + " when not given",
            example = "東京都")
        String prefecture,
    @Schema(maxLength = 50, description = "the nearest station", example = "田町") String station,
    LocalDate startDate,
    @Schema(minimum = "1", maximum = "120", example = "6") Integer durationMonths,
    @Schema(required = true, example = "QUASI_MANDATE") ContractType contractType,
    boolean trialAvailable,
    @Schema(minimum = "0", maximum = "120", example = "30") Integer paymentTermsDays,
    @Schema(example = "STARTUP") Culture culture) {

  public static final int TITLE_LIMIT = 200;
  public static final int DESCRIPTION_LIMIT = 20_000;
  public static final int SKILL_LIMIT = 30;
  public static final int LOCATION_LIMIT = 100;
  public static final int STATION_LIMIT = 50;

  public JobDetails {
    title = text(title, "title", TITLE_LIMIT, true);
    description = text(description, "description", DESCRIPTION_LIMIT, true);
    location = text(location, "location", LOCATION_LIMIT, false);
    String typedPrefecture = text(prefecture, "prefecture", LOCATION_LIMIT, false);
    prefecture =
        typedPrefecture == null
            ? Prefectures.startOf(location).orElse(null)
            : Prefectures.named(typedPrefecture)
                .orElseThrow(
                    () ->
                        new DomainException.InvalidValue(
                            "prefecture",
                            "prefecture must be one of the 47 prefectures, e.g. 東京都 or 大阪府"));
    station = station(text(station, "station", STATION_LIMIT, false));
    requiredSkills = distinct(requiredSkills, "requiredSkills");
    preferredSkills = distinct(preferredSkills, "preferredSkills");
    Set<String> required = new LinkedHashSet<>();
    requiredSkills.forEach(need -> required.add(need.skill()));
    preferredSkills =
        preferredSkills.stream().filter(need -> !required.contains(need.skill())).toList();
    rate(rateMinYen, "rateMinYen");
    rate(rateMaxYen, "rateMaxYen");
    if (rateMinYen != null && rateMaxYen != null && rateMinYen > rateMaxYen) {
      throw new DomainException.InvalidValue("rateMinYen", "rateMinYen cannot exceed rateMaxYen");
    }
    hours(settlementMinHours, "settlementMinHours");
    hours(settlementMaxHours, "settlementMaxHours");
    if (settlementMinHours != null
        && settlementMaxHours != null
        && settlementMinHours > settlementMaxHours) {
      throw new DomainException.InvalidValue(
          "settlementMinHours", "settlementMinHours cannot exceed settlementMaxHours");
    }
    if (daysMin < 1 || daysMin > 7) {
      throw new DomainException.InvalidValue("daysMin", "days per week are a range within 1–7");
    }
    if (daysMax < 1 || daysMax > 7 || daysMin > daysMax) {
      throw new DomainException.InvalidValue("daysMax", "days per week are a range within 1–7");
    }
    if (workStyle == null) {
      throw new DomainException.InvalidValue(
          "workStyle", "workStyle is required (REMOTE, HYBRID, ON_SITE)");
    }
    if (workStyle != WorkStyle.REMOTE && location == null) {
      throw new DomainException.InvalidValue(
          "location", "a hybrid or on-site job needs a location");
    }
    if (durationMonths != null && (durationMonths < 1 || durationMonths > 120)) {
      throw new DomainException.InvalidValue(
          "durationMonths", "durationMonths must be between 1 and 120");
    }
    if (contractType == null) {
      throw new DomainException.InvalidValue(
          "contractType", "contractType is required (QUASI_MANDATE, CONTRACT_FOR_WORK, DISPATCH)");
    }
    if (paymentTermsDays != null && (paymentTermsDays < 0 || paymentTermsDays > 120)) {
      throw new DomainException.InvalidValue(
          "paymentTermsDays", "paymentTermsDays must be between 0 and 120");
    }
  }

  /** Every skill named, required first: what search filters and facets read. */
  public List<String> skillNames() {
    List<String> names = new ArrayList<>();
    requiredSkills.forEach(need -> names.add(need.skill()));
    preferredSkills.forEach(need -> names.add(need.skill()));
    return names;
  }

  public List<String> requiredSkillNames() {
    return requiredSkills.stream().map(SkillRequirement::skill).toList();
  }

  private static String text(String value, String field, int limit, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new DomainException.InvalidValue(field, field + " is required");
      }
      return null;
    }
    String stripped = value.strip();
    if (stripped.codePointCount(0, stripped.length()) > limit) {
      throw new DomainException.InvalidValue(
          field, field + " is limited to " + limit + " characters");
    }
    return stripped;
  }

  /** "渋谷駅" and "渋谷" are one station; the name is kept without the suffix so filters compare. */
  static String station(String typed) {
    if (typed == null) {
      return null;
    }
    String name = typed.endsWith("駅") ? typed.substring(0, typed.length() - 1).strip() : typed;
    if (name.isEmpty()) {
      throw new DomainException.InvalidValue("station", "station needs a name before 駅");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new DomainException.InvalidValue(
          "station", "station cannot contain control characters");
    }
    return name;
  }

  private static List<SkillRequirement> distinct(List<SkillRequirement> skills, String field) {
    if (skills == null) {
      return List.of();
    }
    if (skills.size() > SKILL_LIMIT) {
      throw new DomainException.InvalidValue(
          field, field + " is limited to " + SKILL_LIMIT + " skills");
    }
    List<SkillRequirement> kept = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (SkillRequirement need : skills) {
      if (need == null) {
        throw new DomainException.InvalidValue(field, field + " cannot contain null");
      }
      if (seen.add(need.skill())) {
        kept.add(need);
      }
    }
    return List.copyOf(kept);
  }

  private static void rate(Integer yen, String field) {
    if (yen != null && (yen < 10_000 || yen > 10_000_000)) {
      throw new DomainException.InvalidValue(
          field, field + " must be between 10,000 and 10,000,000 JPY");
    }
  }

  private static void hours(Integer hours, String field) {
    if (hours != null && (hours < 1 || hours > 400)) {
      throw new DomainException.InvalidValue(
          field, field + " must be between 1 and 400 hours a month");
    }
  }
}
