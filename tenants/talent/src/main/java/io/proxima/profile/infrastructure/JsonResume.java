package io.proxima.profile.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.Acquired;
import io.proxima.profile.domain.Certification;
import io.proxima.profile.domain.DesiredConditions;
import io.proxima.profile.domain.Education;
import io.proxima.profile.domain.Period;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.ProfileLinks;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.domain.WorkHistoryEntry;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The profile as a JSON Resume document (jsonresume.org schema: basics, work, education,
 * certificates, skills) so other tools read it, plus an {@code x-proxima} block with what the
 * schema has no place for (years and level per skill, team sizes, technologies, desired
 * conditions). Our own documents come back losslessly from the block; a plain JSON Resume from
 * elsewhere is read from the standard fields.
 */
final class JsonResume {

  static final int SCHEMA_VERSION = 1;
  static final int SIZE_LIMIT = 1024 * 1024;

  private static final ObjectMapper MAPPER = mapper();

  private JsonResume() {}

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // A hostile document cannot nest or inflate its way past what a profile needs.
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(40).maxStringLength(100_000).build());
    return mapper;
  }

  /** What the block holds: the profile's own values, as the domain has them. */
  record Extension(
      int schemaVersion,
      List<Skill> skills,
      List<WorkHistoryEntry> workHistory,
      List<Education> education,
      List<Certification> certifications,
      DesiredConditions desired,
      ProfileLinks links) {}

  static String write(Profile profile) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put(
        "$schema", "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json");
    ObjectNode basics = root.putObject("basics");
    putText(basics, "name", profile.name());
    putText(basics, "label", profile.title());
    putText(basics, "summary", profile.summary());
    putText(basics, "url", profile.links().portfolioUrl());
    ArrayNode profiles = basics.putArray("profiles");
    if (profile.links().githubUsername() != null) {
      profiles
          .addObject()
          .put("network", "GitHub")
          .put("username", profile.links().githubUsername())
          .put("url", "https://github.com/" + profile.links().githubUsername());
    }
    ArrayNode work = root.putArray("work");
    for (WorkHistoryEntry entry : profile.workHistory()) {
      ObjectNode item = work.addObject();
      putText(item, "name", entry.company());
      putText(item, "position", entry.role());
      putPeriod(item, entry.period());
      putText(item, "summary", entry.description());
      ArrayNode highlights = item.putArray("highlights");
      entry.technologies().forEach(highlights::add);
    }
    ArrayNode education = root.putArray("education");
    for (Education school : profile.education()) {
      ObjectNode item = education.addObject();
      putText(item, "institution", school.school());
      putText(item, "studyType", school.degree());
      putText(item, "area", school.field());
      putPeriod(item, school.period());
    }
    ArrayNode certificates = root.putArray("certificates");
    for (Certification certification : profile.certifications()) {
      ObjectNode item = certificates.addObject().put("name", certification.name());
      if (certification.acquired() != null) {
        item.put("date", certification.acquired().toString());
      }
    }
    ArrayNode skills = root.putArray("skills");
    for (Skill skill : profile.skills()) {
      ObjectNode item = skills.addObject().put("name", skill.name());
      if (skill.level() != null) {
        item.put("level", skill.level().name().toLowerCase(java.util.Locale.ROOT));
      }
      item.putArray("keywords").add(skill.category().name().toLowerCase(java.util.Locale.ROOT));
    }
    root.set(
        "x-proxima",
        MAPPER.valueToTree(
            new Extension(
                SCHEMA_VERSION,
                profile.skills(),
                profile.workHistory(),
                profile.education(),
                profile.certifications(),
                profile.desired(),
                profile.links())));
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a profile is plain data and always serialises", e);
    }
  }

  static Profile read(String subject, String json) {
    if (json.length() > SIZE_LIMIT) {
      throw new DomainException.TooLarge("a profile document is limited to 1 MiB");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DomainException.InvalidValue(
          "not a JSON Resume document: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new DomainException.InvalidValue("a JSON Resume document is a JSON object");
    }
    JsonNode basics = root.path("basics");
    String name = text(basics, "name");
    String title = text(basics, "label");
    String summary = text(basics, "summary");
    JsonNode block = root.get("x-proxima");
    try {
      if (block != null && block.isObject()) {
        Extension extension = MAPPER.treeToValue(block, Extension.class);
        return new Profile(
            subject,
            name,
            title,
            summary,
            extension.skills(),
            extension.workHistory(),
            extension.education(),
            extension.certifications(),
            extension.desired(),
            extension.links(),
            null,
            0);
      }
      return foreign(subject, root, name, title, summary);
    } catch (DomainException e) {
      throw e;
    } catch (JsonProcessingException | RuntimeException e) {
      DomainException cause = causeOf(e);
      if (cause != null) {
        throw cause;
      }
      throw new DomainException.InvalidValue(
          "the document does not fit a profile: "
              + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
  }

  // A document from another JSON Resume tool: skills through the taxonomy, so "Postgres" becomes
  // PostgreSQL; what cannot be read as a month is left out rather than guessed.
  private static Profile foreign(
      String subject, JsonNode root, String name, String title, String summary) {
    SkillTaxonomy taxonomy = SkillTaxonomy.standard();
    List<Skill> skills = new ArrayList<>();
    for (JsonNode skill : root.path("skills")) {
      String skillName = text(skill, "name");
      if (skillName != null) {
        skills.add(
            taxonomy
                .lookup(skillName)
                .map(entry -> new Skill(entry.canonical(), entry.category(), null, null))
                .orElseGet(() -> new Skill(skillName, null, null, null)));
      }
    }
    List<WorkHistoryEntry> work = new ArrayList<>();
    for (JsonNode item : root.path("work")) {
      Period period = period(item);
      if (period != null) {
        List<String> technologies = new ArrayList<>();
        for (JsonNode highlight : item.path("highlights")) {
          taxonomy.lookup(highlight.asText()).ifPresent(e -> technologies.add(e.canonical()));
        }
        work.add(
            new WorkHistoryEntry(
                firstText(item, "name", "company"),
                List.of(),
                null,
                period,
                text(item, "position"),
                null,
                List.of(),
                technologies,
                text(item, "summary")));
      }
    }
    List<Education> education = new ArrayList<>();
    for (JsonNode item : root.path("education")) {
      String school = text(item, "institution");
      if (school != null) {
        education.add(
            new Education(school, text(item, "studyType"), text(item, "area"), period(item)));
      }
    }
    List<Certification> certifications = new ArrayList<>();
    for (JsonNode item : root.path("certificates")) {
      String certificate = text(item, "name");
      if (certificate != null) {
        certifications.add(new Certification(certificate, acquired(text(item, "date"))));
      }
    }
    String github = null;
    for (JsonNode item : root.path("basics").path("profiles")) {
      if ("github".equalsIgnoreCase(text(item, "network"))) {
        github = text(item, "username");
      }
    }
    return new Profile(
        subject,
        name,
        title,
        summary,
        skills,
        work,
        education,
        certifications,
        null,
        new ProfileLinks(github, text(root.path("basics"), "url")),
        null,
        0);
  }

  private static DomainException causeOf(Throwable e) {
    for (Throwable inner = e; inner != null; inner = inner.getCause()) {
      if (inner instanceof DomainException problem) {
        return problem;
      }
    }
    return null;
  }

  private static Period period(JsonNode item) {
    YearMonth from = month(text(item, "startDate"));
    return from == null ? null : new Period(from, month(text(item, "endDate")));
  }

  // JSON Resume dates are ISO 8601 of any precision: 2023, 2023-08 or 2023-08-01.
  private static YearMonth month(String date) {
    if (date == null || date.length() < 7) {
      return null;
    }
    try {
      return YearMonth.parse(date.substring(0, 7));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  // A certificate's date: "2022-04" or a day ("2022-04-01") is kept to the month, "2022" as the
  // year alone (never as a made-up January); a date out of range or unreadable is left out.
  private static Acquired acquired(String date) {
    if (date == null) {
      return null;
    }
    try {
      if (date.length() >= 7) {
        YearMonth month = month(date);
        return month == null ? null : Acquired.of(month);
      }
      return Acquired.parse(date.strip());
    } catch (DomainException.InvalidValue e) {
      return null;
    }
  }

  private static void putPeriod(ObjectNode item, Period period) {
    if (period != null) {
      item.put("startDate", period.from().toString());
      if (period.to() != null) {
        item.put("endDate", period.to().toString());
      }
    }
  }

  private static void putText(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() || value.asText().isBlank()
        ? null
        : value.asText();
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String value = text(node, field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
