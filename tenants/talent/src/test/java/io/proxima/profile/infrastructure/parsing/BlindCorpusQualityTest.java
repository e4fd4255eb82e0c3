package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.profile.domain.Certification;
import io.proxima.profile.domain.Education;
import io.proxima.profile.domain.EngagementPhase;
import io.proxima.profile.domain.Period;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillSheetDraft;
import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.domain.WorkHistoryEntry;
import io.proxima.profile.infrastructure.extraction.TikaSkillSheetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scores reader and parser on the blind corpus ({@code skillsheets/blind}): sheets written by
 * authors who never saw the parser, with gold labels for every field. The development part gets a
 * per-sheet report to work from; the test part only per-field totals, and the assertions.
 *
 * <p>Engagements are aligned to the gold ones by period overlap, company and project name; a gold
 * engagement without a counterpart counts as wrong in every field, so fields are exact "on N % of
 * projects" with the gold projects as the denominator.
 */
class BlindCorpusQualityTest {

  /**
   * What the test part must reach. The issue's targets are skills F1 0.95 and 95 % exact for
   * period, company, role and team size; these floors are a little under what the parser reads
   * today (README, "Extraction quality"), so a change that reads worse fails the build. Raise them
   * as the parser improves; never lower them to let a change through.
   */
  static final double SKILLS_F1_FLOOR = 0.96;

  private static final Map<String, Double> FIELD_FLOORS =
      Map.of("period", 0.95, "company", 0.76, "role", 0.85, "team size", 0.91);

  /**
   * The second batch's test part: first read (dd8fa2c) at skills 0.933, period 0.851, company
   * 0.608, role 0.770, team size 0.797; at c35d7db 0.933 / 1.000 / 0.770 / 0.919 / 0.946; at
   * 0bdc4a6 0.950 / 1.000 / 0.784 / 0.919 / 0.946; at 3d94dba team size 0.973; at 7d07be5 0.950 /
   * 1.000 / 0.797 / 0.919 / 0.986.
   */
  static final double TEST_2_SKILLS_F1_FLOOR = 0.94;

  private static final Map<String, Double> TEST_2_FIELD_FLOORS =
      Map.of("period", 0.97, "company", 0.78, "role", 0.90, "team size", 0.97);

  /**
   * The third batch's test part: first read (e204726) at skills 0.934, period 1.000, company 0.723,
   * role 0.954, team size 0.938; at 0bdc4a6 0.957 / 1.000 / 0.738 / 0.954 / 0.938.
   */
  static final double TEST_3_SKILLS_F1_FLOOR = 0.95;

  private static final Map<String, Double> TEST_3_FIELD_FLOORS =
      Map.of("period", 0.97, "company", 0.73, "role", 0.93, "team size", 0.92);

  /**
   * The fourth batch's test part: first read (73fd27a) at skills 0.916, period 0.975, company
   * 0.691, role 0.975, team size 0.938; at 3d94dba company 0.765; at 7d07be5 0.916 / 1.000 / 0.790
   * / 1.000 / 0.963.
   */
  static final double TEST_4_SKILLS_F1_FLOOR = 0.90;

  private static final Map<String, Double> TEST_4_FIELD_FLOORS =
      Map.of("period", 0.98, "company", 0.77, "role", 0.98, "team size", 0.95);

  /**
   * The fifth batch's test part, written to the settled labelling conventions
   * (SETTLED-CONVENTIONS.md): first read (b3738b1) at skills 0.975, period 0.970, company 0.712,
   * role 0.833, team size 0.864; at 3d94dba 0.975 / 0.970 / 0.788 / 0.909 / 0.970; at 7d07be5 0.975
   * / 0.970 / 0.803 / 0.924 / 0.970.
   */
  static final double TEST_5_SKILLS_F1_FLOOR = 0.96;

  private static final Map<String, Double> TEST_5_FIELD_FLOORS =
      Map.of("period", 0.95, "company", 0.78, "role", 0.90, "team size", 0.94);

  /**
   * {@code test-2} is a second blind batch (authors d and e, 48 sheets), split the same way; its
   * test part was first read by the parser of commit dd8fa2c and is, like {@code test}, never tuned
   * on. {@code test-3} is a third (authors f and g, 42 sheets), split and kept the same way, and
   * {@code test-4} a fourth (authors h and i, 42 sheets, written with an emphasis on how sheets
   * name the client), {@code test-5} a fifth (authors j and k, 42 sheets, labelled to settled
   * conventions for the client, the team size and the role).
   */
  private static final List<String> PARTS =
      List.of("dev", "test", "test-2", "test-3", "test-4", "test-5");

  private static final YearMonth PRESENT = YearMonth.of(2026, 12);
  private static final List<String> SOURCES =
      List.of(".xlsx.src", ".docx.src", ".pdf.src", ".md", ".txt");
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record GoldProject(
      String company,
      List<String> via,
      String project,
      String role,
      Integer teamSize,
      String start,
      String end,
      List<String> phases,
      List<String> technologies) {}

  record GoldSchool(String school, String graduated) {}

  record GoldCertification(String name, String acquired) {}

  record Gold(
      String author,
      String layout,
      String language,
      String name,
      List<String> skills,
      List<GoldProject> projects,
      List<GoldSchool> education,
      List<GoldCertification> certifications) {}

  /** Right out of total, per field. */
  static final class Tally {
    final Map<String, int[]> fields = new LinkedHashMap<>();
    CorpusScore skills = CorpusScore.ZERO;
    CorpusScore technologies = CorpusScore.ZERO;
    CorpusScore education = CorpusScore.ZERO;
    CorpusScore certifications = CorpusScore.ZERO;
    int sheets;
    int names;
    int spuriousEngagements;
    int proposals;
    int proposalsInGold;
    final Map<String, CorpusScore> skillsByLayout = new LinkedHashMap<>();

    void count(String field, boolean right) {
      int[] t = fields.computeIfAbsent(field, f -> new int[2]);
      t[0] += right ? 1 : 0;
      t[1]++;
    }

    double rate(String field) {
      int[] t = fields.get(field);
      return t == null || t[1] == 0 ? 1 : (double) t[0] / t[1];
    }
  }

  @Test
  void blindSheetsAreReadWithTheTargetQuality() throws Exception {
    Path corpus = Path.of(resource("/skillsheets/blind").toURI());
    Path generated = Path.of("target", "skillsheets-blind");
    Files.createDirectories(generated);
    SkillTaxonomy taxonomy = SkillTaxonomy.standard();
    RuleBasedSkillSheetParser parser = new RuleBasedSkillSheetParser();
    Map<String, Tally> tallies = new LinkedHashMap<>();
    StringBuilder devDetails = new StringBuilder();
    TikaSkillSheetReader reader = new TikaSkillSheetReader();
    try {
      for (String part : PARTS) {
        Tally tally = new Tally();
        tallies.put(part, tally);
        for (Path goldFile : goldFiles(corpus.resolve(part))) {
          String base = goldFile.getFileName().toString().replace(".gold.json", "");
          Gold gold = JSON.readValue(goldFile.toFile(), Gold.class);
          Path source = CorpusSheets.source(corpus.resolve(part), base, SOURCES);
          String ext = CorpusSheets.extension(source);
          byte[] bytes = CorpusSheets.build(source, ext);
          String text = reader.read(bytes, base + "." + ext, null).text();
          if (part.equals("dev")) {
            Files.writeString(generated.resolve(base + ".extracted.txt"), text);
          }
          SkillSheetDraft draft = parser.parse(text);
          StringBuilder details = new StringBuilder();
          score(gold, draft, taxonomy, tally, details);
          if (part.equals("dev") && details.length() > 0) {
            devDetails.append("### ").append(base).append(" (").append(ext).append(")\n");
            devDetails.append(details).append('\n');
          }
        }
      }
    } finally {
      reader.close();
    }
    String report = report(tallies);
    System.out.println(report);
    Files.writeString(Path.of("target", "blind-corpus-quality.md"), report);
    Files.writeString(
        Path.of("target", "blind-corpus-dev-differences.md"),
        "# Development part: differences per sheet\n\n" + devDetails);

    Tally test = tallies.get("test");
    assertThat(test.sheets).as("sheets in the test part").isGreaterThanOrEqualTo(20);
    assertThat(tallies.get("dev").sheets + test.sheets)
        .as("sheets in the corpus")
        .isGreaterThanOrEqualTo(60);
    assertFloors("test", test, SKILLS_F1_FLOOR, FIELD_FLOORS);
    assertFloors("test-2", tallies.get("test-2"), TEST_2_SKILLS_F1_FLOOR, TEST_2_FIELD_FLOORS);
    assertFloors("test-3", tallies.get("test-3"), TEST_3_SKILLS_F1_FLOOR, TEST_3_FIELD_FLOORS);
    assertFloors("test-4", tallies.get("test-4"), TEST_4_SKILLS_F1_FLOOR, TEST_4_FIELD_FLOORS);
    assertFloors("test-5", tallies.get("test-5"), TEST_5_SKILLS_F1_FLOOR, TEST_5_FIELD_FLOORS);
  }

  private static void assertFloors(
      String part, Tally tally, double skillsFloor, Map<String, Double> fieldFloors) {
    assertThat(tally.skills.f1()).as(part + " skills F1").isGreaterThanOrEqualTo(skillsFloor);
    fieldFloors.forEach(
        (field, floor) ->
            assertThat(tally.rate(field)).as(part + " " + field).isGreaterThanOrEqualTo(floor));
  }

  private static void score(
      Gold gold,
      SkillSheetDraft draft,
      SkillTaxonomy taxonomy,
      Tally tally,
      StringBuilder details) {
    tally.sheets++;
    Set<String> goldSkills = skillKeys(gold.skills(), taxonomy);
    Set<String> draftSkills =
        skillKeys(draft.skills().stream().map(Skill::name).toList(), taxonomy);
    CorpusScore skills = CorpusScore.of(goldSkills, draftSkills);
    tally.skills = tally.skills.plus(skills);
    tally.skillsByLayout.merge(
        Objects.requireNonNullElse(gold.layout(), "?"), skills, CorpusScore::plus);
    differences(details, "skills", goldSkills, draftSkills);
    Set<String> proposals = skillKeys(draft.proposedSkills(), taxonomy);
    tally.proposals += proposals.size();
    tally.proposalsInGold += (int) proposals.stream().filter(goldSkills::contains).count();
    if (!proposals.isEmpty()) {
      details.append("- proposed: ").append(proposals).append('\n');
    }

    boolean nameRight = Objects.equals(text(gold.name()), text(draft.name()));
    tally.names += nameRight ? 1 : 0;
    if (!nameRight) {
      details.append("- name: expected ").append(gold.name()).append(", got ");
      details.append(draft.name()).append('\n');
    }

    List<GoldProject> goldProjects = gold.projects() == null ? List.of() : gold.projects();
    List<WorkHistoryEntry> entries = new ArrayList<>(draft.workHistory());
    Set<WorkHistoryEntry> used = new HashSet<>();
    for (GoldProject expected : goldProjects) {
      WorkHistoryEntry match = align(expected, entries, used);
      if (match != null) {
        used.add(match);
      }
      compareProject(expected, match, taxonomy, tally, details);
    }
    int spurious = entries.size() - used.size();
    tally.spuriousEngagements += spurious;
    if (spurious > 0) {
      details.append("- ").append(spurious).append(" engagement(s) not on the sheet: ");
      entries.stream()
          .filter(e -> !used.contains(e))
          .forEach(
              e -> details.append(period(e.period())).append(' ').append(e.company()).append("; "));
      details.append('\n');
    }

    Set<String> goldSchools = new TreeSet<>();
    for (GoldSchool school : list(gold.education())) {
      goldSchools.add(text(school.school()) + "@" + month(school.graduated()));
    }
    Set<String> draftSchools = new TreeSet<>();
    for (Education school : draft.education()) {
      YearMonth end = school.period() == null ? null : school.period().to();
      String graduated = end == null ? null : end.toString();
      // The gold names school, faculty and department in one string; the draft keeps the school
      // and the field apart.
      String name = text(school.school());
      for (GoldSchool g : list(gold.education())) {
        if (name != null && text(g.school()) != null && text(g.school()).startsWith(name)) {
          name = text(g.school());
          break;
        }
      }
      draftSchools.add(name + "@" + graduatedAs(graduated, gold.education()));
    }
    CorpusScore education = CorpusScore.of(goldSchools, draftSchools);
    tally.education = tally.education.plus(education);
    differences(details, "education", goldSchools, draftSchools);

    // Gold dates are "2022-04" or, where the sheet gives only the year, "2022" — the text
    // Acquired writes, so a year alone matches a year alone and never a month.
    Set<String> goldCertifications = new TreeSet<>();
    for (GoldCertification c : list(gold.certifications())) {
      goldCertifications.add(text(c.name()) + "@" + month(c.acquired()));
    }
    Set<String> draftCertifications = new TreeSet<>();
    for (Certification c : draft.certifications()) {
      draftCertifications.add(
          text(c.name()) + "@" + (c.acquired() == null ? null : c.acquired().toString()));
    }
    CorpusScore certifications = CorpusScore.of(goldCertifications, draftCertifications);
    tally.certifications = tally.certifications.plus(certifications);
    differences(details, "certifications", goldCertifications, draftCertifications);
  }

  // A gold graduation given as a year alone is compared by year.
  private static String graduatedAs(String graduated, List<GoldSchool> gold) {
    if (graduated == null) {
      return null;
    }
    boolean yearOnly =
        list(gold).stream()
            .anyMatch(
                s ->
                    s.graduated() != null
                        && s.graduated().length() == 4
                        && graduated.startsWith(s.graduated()));
    return yearOnly ? graduated.substring(0, 4) : graduated;
  }

  private static WorkHistoryEntry align(
      GoldProject expected, List<WorkHistoryEntry> entries, Set<WorkHistoryEntry> used) {
    YearMonth start = month(expected.start()) == null ? null : YearMonth.parse(expected.start());
    YearMonth end = end(expected.end());
    WorkHistoryEntry best = null;
    double bestScore = 0.3;
    for (WorkHistoryEntry entry : entries) {
      if (used.contains(entry)) {
        continue;
      }
      double score = 0;
      if (start != null) {
        YearMonth entryEnd = entry.period().to() == null ? PRESENT : entry.period().to();
        score += overlap(start, end, entry.period().from(), entryEnd);
      }
      if (expected.company() != null && text(expected.company()).equals(text(entry.company()))) {
        score += 0.5;
      }
      if (expected.project() != null && text(expected.project()).equals(text(entry.project()))) {
        score += 0.5;
      }
      if (score > bestScore) {
        bestScore = score;
        best = entry;
      }
    }
    return best;
  }

  // Months shared by both ranges over months in either (Jaccard).
  private static double overlap(YearMonth a1, YearMonth a2, YearMonth b1, YearMonth b2) {
    long shared = Math.max(0, months(later(a1, b1), earlier(a2, b2)) + 1);
    long union = months(earlier(a1, b1), later(a2, b2)) + 1;
    return union <= 0 ? 0 : (double) shared / union;
  }

  private static long months(YearMonth from, YearMonth to) {
    return java.time.temporal.ChronoUnit.MONTHS.between(from, to);
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  private static YearMonth earlier(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }

  private static void compareProject(
      GoldProject expected,
      WorkHistoryEntry actual,
      SkillTaxonomy taxonomy,
      Tally tally,
      StringBuilder details) {
    String label = expected.start() + ".." + expected.end();
    if (actual == null) {
      for (String field :
          List.of("period", "company", "role", "team size", "project", "商流", "担当工程")) {
        tally.count(field, false);
      }
      Set<String> goldTech = skillKeys(list(expected.technologies()), taxonomy);
      tally.technologies = tally.technologies.plus(CorpusScore.of(goldTech, Set.of()));
      details.append("- engagement ").append(label).append(' ').append(expected.company());
      details.append(": not found\n");
      return;
    }
    String expectedPeriod = expected.start() + ".." + expected.end();
    check(tally, details, label, "period", expectedPeriod, period(actual.period()));
    check(tally, details, label, "company", text(expected.company()), text(actual.company()));
    check(tally, details, label, "role", role(expected.role()), role(actual.role()));
    check(
        tally,
        details,
        label,
        "team size",
        Objects.toString(expected.teamSize(), null),
        Objects.toString(actual.teamSize(), null));
    check(tally, details, label, "project", text(expected.project()), text(actual.project()));
    check(
        tally,
        details,
        label,
        "商流",
        list(expected.via()).stream().map(BlindCorpusQualityTest::text).toList().toString(),
        actual.via().stream().map(BlindCorpusQualityTest::text).toList().toString());
    Set<String> goldPhases = new TreeSet<>(list(expected.phases()));
    Set<String> draftPhases =
        actual.phases().stream()
            .map(EngagementPhase::japanese)
            .collect(Collectors.toCollection(TreeSet::new));
    check(tally, details, label, "担当工程", goldPhases.toString(), draftPhases.toString());
    Set<String> goldTech = skillKeys(list(expected.technologies()), taxonomy);
    Set<String> draftTech = skillKeys(actual.technologies(), taxonomy);
    tally.technologies = tally.technologies.plus(CorpusScore.of(goldTech, draftTech));
    differences(details, "technologies of " + label, goldTech, draftTech);
  }

  private static void check(
      Tally tally,
      StringBuilder details,
      String label,
      String field,
      String expected,
      String actual) {
    boolean right = Objects.equals(expected, actual);
    tally.count(field, right);
    if (!right) {
      details.append("- ").append(label).append(' ').append(field).append(": expected ");
      details.append(expected).append(", got ").append(actual).append('\n');
    }
  }

  private static String report(Map<String, Tally> tallies) {
    StringBuilder out = new StringBuilder("# Blind corpus quality\n\n");
    out.append("| part | sheets | skills P | skills R | skills F1 | period | company | role |");
    out.append(" team size | project | 商流 | 担当工程 | technologies F1 | education F1 |");
    out.append(
        " certifications F1 | name | engagements not on the sheet | proposed skills (in gold) |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f"
                  + " | %.3f | %.3f | %.3f | %d/%d | %d | %d (%d) |%n",
              e.getKey(),
              t.sheets,
              t.skills.precision(),
              t.skills.recall(),
              t.skills.f1(),
              t.rate("period"),
              t.rate("company"),
              t.rate("role"),
              t.rate("team size"),
              t.rate("project"),
              t.rate("商流"),
              t.rate("担当工程"),
              t.technologies.f1(),
              t.education.f1(),
              t.certifications.f1(),
              t.names,
              t.sheets,
              t.spuriousEngagements,
              t.proposals,
              t.proposalsInGold));
    }
    out.append("\nProject fields are the share of gold engagements read exactly (");
    out.append(tallies.get("dev").fields.getOrDefault("period", new int[2])[1]);
    out.append(" in dev, ");
    out.append(tallies.get("test").fields.getOrDefault("period", new int[2])[1]);
    out.append(" in test, ");
    out.append(tallies.get("test-2").fields.getOrDefault("period", new int[2])[1]);
    out.append(" in test-2, ");
    out.append(tallies.get("test-3").fields.getOrDefault("period", new int[2])[1]);
    out.append(" in test-3, ");
    out.append(tallies.get("test-4").fields.getOrDefault("period", new int[2])[1]);
    out.append(" in test-4, ");
    out.append(tallies.get("test-5").fields.getOrDefault("period", new int[2])[1]);
    out.append(" in test-5).\n\n## Development part: skills by layout\n\n");
    out.append("| layout | P | R | F1 |\n|---|---|---|---|\n");
    tallies
        .get("dev")
        .skillsByLayout
        .forEach(
            (layout, s) ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %.3f | %.3f | %.3f |%n",
                        layout,
                        s.precision(),
                        s.recall(),
                        s.f1())));
    return out.toString();
  }

  private static void differences(
      StringBuilder details, String what, Set<String> expected, Set<String> actual) {
    List<String> missed = expected.stream().filter(e -> !actual.contains(e)).sorted().toList();
    List<String> extra = actual.stream().filter(a -> !expected.contains(a)).sorted().toList();
    if (!missed.isEmpty() || !extra.isEmpty()) {
      details.append("- ").append(what).append(": missed ").append(missed);
      details.append(", extra ").append(extra).append('\n');
    }
  }

  /** Canonical names where the vocabulary knows them, compared without case and spacing. */
  static Set<String> skillKeys(List<String> names, SkillTaxonomy taxonomy) {
    Set<String> keys = new TreeSet<>();
    for (String name : names) {
      if (name == null || name.isBlank()) {
        continue;
      }
      String canonical = taxonomy.lookup(name).map(e -> e.canonical()).orElse(name);
      keys.add(text(canonical));
    }
    return keys;
  }

  /** Compared as a reader would: NFKC, no spaces, no case, (株) as 株式会社. */
  /**
   * A role without its notes in brackets: the authors disagree on whether "PL（メンバー5名を管理）" or
   * "Backend Engineer (contract)" carries the note, and the role a recruiter reads is the same.
   */
  static String role(String value) {
    String role = text(value);
    if (role == null) {
      return null;
    }
    String bare = role.replaceAll("\\([^()]*\\)", "");
    return bare.isEmpty() ? role : bare;
  }

  static String text(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    // An English article is no part of a name: "a major Japanese bank" = "major Japanese bank".
    return Normalizer.normalize(value, Normalizer.Form.NFKC)
        .strip()
        .replaceFirst("^(?i:a|an|the)\\s+", "")
        .replace("(株)", "株式会社")
        .replace("(有)", "有限会社")
        .replaceAll("[\\s\u3000]+", "")
        .toLowerCase(Locale.ROOT);
  }

  private static String month(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static YearMonth end(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("present")) {
      return PRESENT;
    }
    return YearMonth.parse(value.strip());
  }

  private static String period(Period period) {
    return period.from() + ".." + (period.to() == null ? "present" : period.to().toString());
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }

  private static List<Path> goldFiles(Path part) throws IOException {
    try (Stream<Path> files = Files.list(part)) {
      return files.filter(p -> p.toString().endsWith(".gold.json")).sorted().toList();
    }
  }

  private static java.net.URL resource(String name) {
    var url = BlindCorpusQualityTest.class.getResource(name);
    assertThat(url).as(name + " on the test class path").isNotNull();
    return url;
  }
}
