package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.profile.domain.Period;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillSheetDraft;
import io.proxima.profile.domain.SkillSheetText;
import io.proxima.profile.domain.WorkHistoryEntry;
import io.proxima.profile.infrastructure.extraction.TikaSkillSheetReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every sheet of the labelled corpus ({@code src/test/resources/skillsheets}) through reader
 * and parser and scores the draft against the labels a human wrote from reading the sheet:
 * precision, recall and F1 of the canonical skill names and of the work-history periods (exact
 * first and last month). The table goes to stdout and to {@code target/skill-sheet-quality.md}.
 */
class SkillSheetExtractionQualityTest {

  private static final double SKILLS_F1_TARGET = 0.9;
  private static final double PERIODS_F1_TARGET = 0.85;
  private static final List<String> SOURCES =
      List.of(".xlsx.src", ".docx.src", ".pdf.src", ".doc", ".md", ".txt");

  record Labels(String name, Set<String> skills, Set<String> periods, String set) {}

  @Test
  void corpusIsReadWithTheTargetQuality() throws Exception {
    Path corpus = corpusDirectory();
    Path generated = Path.of("target", "skillsheets");
    Files.createDirectories(generated);
    TikaSkillSheetReader reader = new TikaSkillSheetReader();
    RuleBasedSkillSheetParser parser = new RuleBasedSkillSheetParser();
    Map<String, Integer> formats = new LinkedHashMap<>();
    StringBuilder table = new StringBuilder();
    StringBuilder misses = new StringBuilder();
    table.append(
        "| sheet | format | skills P | skills R | skills F1 | periods P | periods R | periods F1 | name |\n");
    table.append("|---|---|---|---|---|---|---|---|---|\n");
    Map<String, CorpusScore[]> bySet = new LinkedHashMap<>();
    CorpusScore skillsTotal = new CorpusScore(0, 0, 0);
    CorpusScore periodsTotal = new CorpusScore(0, 0, 0);
    int names = 0;
    List<Path> labelFiles;
    try (Stream<Path> files = Files.list(corpus)) {
      labelFiles = files.filter(p -> p.toString().endsWith(".labels")).sorted().toList();
    }
    try {
      for (Path labelFile : labelFiles) {
        String base = labelFile.getFileName().toString().replace(".labels", "");
        Labels labels = labels(labelFile);
        Path source = CorpusSheets.source(corpus, base, SOURCES);
        String ext = CorpusSheets.extension(source);
        formats.merge(ext, 1, Integer::sum);
        byte[] bytes = CorpusSheets.build(source, ext);
        Files.write(generated.resolve(base + "." + ext), bytes);
        SkillSheetText text = reader.read(bytes, base + "." + ext, null);
        Files.writeString(generated.resolve(base + ".extracted.txt"), text.text());
        SkillSheetDraft draft = parser.parse(text.text());
        Set<String> skills =
            draft.skills().stream().map(Skill::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> periods =
            draft.workHistory().stream()
                .map(WorkHistoryEntry::period)
                .map(SkillSheetExtractionQualityTest::format)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        CorpusScore s = CorpusScore.of(labels.skills(), skills);
        CorpusScore p = CorpusScore.of(labels.periods(), periods);
        skillsTotal = skillsTotal.plus(s);
        CorpusScore[] subtotal =
            bySet.computeIfAbsent(
                labels.set(),
                k -> new CorpusScore[] {new CorpusScore(0, 0, 0), new CorpusScore(0, 0, 0)});
        subtotal[0] = subtotal[0].plus(s);
        subtotal[1] = subtotal[1].plus(p);
        periodsTotal = periodsTotal.plus(p);
        boolean nameOk = labels.name().equals(draft.name());
        names += nameOk ? 1 : 0;
        table.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |%n",
                base,
                ext,
                s.precision(),
                s.recall(),
                s.f1(),
                p.precision(),
                p.recall(),
                p.f1(),
                nameOk ? "ok" : "expected " + labels.name() + ", got " + draft.name()));
        misses.append(differences(base, "skills", labels.skills(), skills));
        misses.append(differences(base, "periods", labels.periods(), periods));
      }
    } finally {
      reader.close();
    }
    table.append(
        String.format(
            Locale.ROOT,
            "| **overall (micro)** | %d sheets | %.3f | %.3f | **%.3f** | %.3f | %.3f | **%.3f** | %d/%d |%n",
            labelFiles.size(),
            skillsTotal.precision(),
            skillsTotal.recall(),
            skillsTotal.f1(),
            periodsTotal.precision(),
            periodsTotal.recall(),
            periodsTotal.f1(),
            names,
            labelFiles.size()));
    for (Map.Entry<String, CorpusScore[]> set : bySet.entrySet()) {
      CorpusScore s = set.getValue()[0];
      CorpusScore p = set.getValue()[1];
      table.append(
          String.format(
              Locale.ROOT,
              "| _%s set_ |  | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |  |%n",
              set.getKey(),
              s.precision(),
              s.recall(),
              s.f1(),
              p.precision(),
              p.recall(),
              p.f1()));
    }
    String report =
        "# Skill sheet extraction quality\n\n"
            + "Targets: skills F1 >= "
            + SKILLS_F1_TARGET
            + ", periods F1 >= "
            + PERIODS_F1_TARGET
            + ". Formats: "
            + formats
            + "\n\n"
            + table
            + "\n## Differences (missed = in the labels, not found; extra = found, not in the labels)\n\n"
            + (misses.length() == 0 ? "none\n" : misses);
    System.out.println(report);
    Files.writeString(Path.of("target", "skill-sheet-quality.md"), report);

    assertThat(labelFiles).hasSizeGreaterThanOrEqualTo(15);
    assertThat(formats.getOrDefault("xlsx", 0)).isGreaterThanOrEqualTo(3);
    assertThat(formats.getOrDefault("docx", 0)).isGreaterThanOrEqualTo(3);
    assertThat(formats.getOrDefault("doc", 0)).isGreaterThanOrEqualTo(1);
    assertThat(formats.getOrDefault("pdf", 0)).isGreaterThanOrEqualTo(3);
    assertThat(formats.getOrDefault("md", 0)).isGreaterThanOrEqualTo(2);
    assertThat(formats.getOrDefault("txt", 0)).isGreaterThanOrEqualTo(2);
    assertThat(skillsTotal.f1()).as("overall skills F1").isGreaterThanOrEqualTo(SKILLS_F1_TARGET);
    assertThat(periodsTotal.f1())
        .as("overall periods F1")
        .isGreaterThanOrEqualTo(PERIODS_F1_TARGET);
  }

  private static String differences(
      String base, String what, Set<String> expected, Set<String> actual) {
    List<String> missed = expected.stream().filter(e -> !actual.contains(e)).sorted().toList();
    List<String> extra = actual.stream().filter(a -> !expected.contains(a)).sorted().toList();
    if (missed.isEmpty() && extra.isEmpty()) {
      return "";
    }
    return "- " + base + " " + what + ": missed " + missed + ", extra " + extra + "\n";
  }

  static String format(Period period) {
    return period.from() + ".." + (period.to() == null ? "present" : period.to().toString());
  }

  private static Path corpusDirectory() throws URISyntaxException {
    var url = SkillSheetExtractionQualityTest.class.getResource("/skillsheets");
    assertThat(url).as("the corpus directory skillsheets on the test class path").isNotNull();
    return Path.of(url.toURI());
  }

  static Labels labels(Path file) throws IOException {
    String name = null;
    String set = "development";
    Set<String> skills = new TreeSet<>();
    Set<String> periods = new LinkedHashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "name":
          name = value;
          break;
        case "set":
          set = value;
          break;
        case "skills":
          Arrays.stream(value.split(","))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .forEach(skills::add);
          break;
        case "periods":
          Arrays.stream(value.split("\\|"))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .forEach(periods::add);
          break;
        default:
          break;
      }
    }
    return new Labels(name, skills, periods, set);
  }
}
