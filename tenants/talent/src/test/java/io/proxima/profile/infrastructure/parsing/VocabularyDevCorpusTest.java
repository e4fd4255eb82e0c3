package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.infrastructure.extraction.SkillSheetFixtures;
import io.proxima.profile.infrastructure.extraction.TikaSkillSheetReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scores the skill vocabulary on the DEVELOPMENT part of the blind evaluation corpus: the sheets
 * whose number is not divisible by 3. The test part (numbers divisible by 3) is never opened here;
 * the file name decides before anything is read. Two scores per sheet: the taxonomy alone on the
 * sheet's plain text, line by line, and the whole reader and parser on the built document.
 *
 * <p>The corpus lives outside the repository while it is written, so this runs only when asked:
 * {@code ./mvnw test -pl tenants/talent -Dtest=VocabularyDevCorpusTest
 * -Dproxima.devCorpus=/work/corpus}. The table goes to stdout and {@code
 * target/vocabulary-dev-corpus.md}.
 */
@EnabledIfSystemProperty(named = "proxima.devCorpus", matches = ".+")
class VocabularyDevCorpusTest {

  private static final Pattern NUMBERED = Pattern.compile("^(\\d{3})-.+\\.gold\\.json$");
  private static final List<String> FORMATS =
      List.of(".xlsx.src", ".docx.src", ".pdf.src", ".md", ".txt");
  private static final Pattern SKILLS = Pattern.compile("\"skills\"\\s*:\\s*\\[([^\\]]*)\\]");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final SkillTaxonomy taxonomy = SkillTaxonomy.standard();

  record Score(int tp, int fp, int fn) {
    Score plus(Score o) {
      return new Score(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static Score of(Set<String> gold, Set<String> found) {
      int tp = (int) found.stream().filter(gold::contains).count();
      return new Score(tp, found.size() - tp, gold.size() - tp);
    }
  }

  /** Only development sheets: the number decides, before the file is opened. */
  static boolean development(Path gold) {
    Matcher m = NUMBERED.matcher(gold.getFileName().toString());
    return m.matches() && Integer.parseInt(m.group(1)) % 3 != 0;
  }

  @Test
  void scoresTheDevelopmentPart() throws Exception {
    Path corpus = Path.of(System.getProperty("proxima.devCorpus"));
    List<Path> golds;
    try (Stream<Path> files = Files.walk(corpus)) {
      golds =
          files
              .filter(Files::isRegularFile)
              .filter(VocabularyDevCorpusTest::development)
              .sorted()
              .toList();
    }
    StringBuilder table = new StringBuilder();
    StringBuilder misses = new StringBuilder();
    table.append(
        "| sheet | taxonomy P | R | F1 | parser P | R | F1 |\n|---|---|---|---|---|---|---|\n");
    Score plainTotal = new Score(0, 0, 0);
    Score parserTotal = new Score(0, 0, 0);
    int sheets = 0;
    TikaSkillSheetReader reader = new TikaSkillSheetReader();
    RuleBasedSkillSheetParser parser = new RuleBasedSkillSheetParser();
    try {
      for (Path gold : golds) {
        String base = gold.getFileName().toString().replace(".gold.json", "");
        Path source = null;
        for (String format : FORMATS) {
          Path candidate = gold.resolveSibling(base + format);
          if (Files.exists(candidate)) {
            source = candidate;
          }
        }
        if (source == null) {
          continue; // the author has written the labels, not yet the sheet
        }
        Set<String> expected = new TreeSet<>();
        for (String name : goldSkills(Files.readString(gold, StandardCharsets.UTF_8))) {
          expected.add(taxonomy.lookup(name).map(e -> e.canonical()).orElse(name));
        }
        String markup = Files.readString(source, StandardCharsets.UTF_8);
        Set<String> plain = new TreeSet<>();
        for (String line : plainText(markup, source.toString()).split("\n")) {
          taxonomy.find(line).forEach(m -> plain.add(m.canonical()));
        }
        String name = source.getFileName().toString();
        String ext = name.endsWith(".src") ? name.substring(0, name.length() - 4) : name;
        ext = ext.substring(ext.lastIndexOf('.') + 1);
        byte[] bytes =
            switch (ext) {
              case "xlsx" -> SkillSheetFixtures.xlsx(markup);
              case "docx" -> SkillSheetFixtures.docx(markup);
              case "pdf" -> SkillSheetFixtures.pdf(markup);
              default -> markup.getBytes(StandardCharsets.UTF_8);
            };
        Set<String> parsed = new TreeSet<>();
        parser
            .parse(reader.read(bytes, base + "." + ext, null).text())
            .skills()
            .forEach((Skill s) -> parsed.add(s.name()));
        Score p = Score.of(expected, plain);
        Score q = Score.of(expected, parsed);
        plainTotal = plainTotal.plus(p);
        parserTotal = parserTotal.plus(q);
        sheets++;
        table.append(
            String.format(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                gold.getParent().getFileName() + "/" + base,
                p.precision(),
                p.recall(),
                p.f1(),
                q.precision(),
                q.recall(),
                q.f1()));
        misses.append(differences(base + " taxonomy", expected, plain));
        misses.append(differences(base + " parser", expected, parsed));
      }
    } finally {
      reader.close();
    }
    table.append(
        String.format(
            Locale.ROOT,
            "| **overall (micro), %d sheets** | %.3f | %.3f | **%.3f** | %.3f | %.3f | **%.3f** |%n",
            sheets,
            plainTotal.precision(),
            plainTotal.recall(),
            plainTotal.f1(),
            parserTotal.precision(),
            parserTotal.recall(),
            parserTotal.f1()));
    String report = table + "\n" + misses;
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "vocabulary-dev-corpus.md"), report);
    assertThat(sheets).as("development sheets scored").isPositive();
  }

  private static List<String> goldSkills(String json) {
    Matcher list = SKILLS.matcher(json);
    List<String> names = new ArrayList<>();
    if (list.find()) {
      Matcher s = STRING.matcher(list.group(1));
      while (s.find()) {
        names.add(s.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
      }
    }
    return names;
  }

  /**
   * The text a reader gets, near enough: table rows of the markup become tab-separated cells,
   * merged-cell marks and headings' "#" go, HTML tags end cells and lines.
   */
  static String plainText(String markup, String file) {
    String text = markup;
    if (file.endsWith(".md")) {
      text =
          text.replaceAll("(?i)<br\\s*/?>", "\n")
              .replaceAll("(?i)</t[dh]>", "\t")
              .replaceAll("(?i)</tr>|</p>|</li>|</h\\d>", "\n")
              .replaceAll("<[^>]+>", "");
    }
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.startsWith("|")) {
        List<String> cells = new ArrayList<>();
        for (String cell : l.split("\\|")) {
          String c = cell.strip();
          if (!c.isEmpty() && !c.equals("<<") && !c.equals("^^") && !c.matches("-+|:?-+:?")) {
            cells.add(c.replace("\\n", " ").replaceAll("@date:\\S+", ""));
          }
        }
        out.append(String.join("\t", cells));
      } else {
        out.append(l.replaceAll("^#+\\s*|^===\\s*", "").replace("\\n", "\n"));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String differences(String what, Set<String> expected, Set<String> actual) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    if (missing.isEmpty() && extra.isEmpty()) {
      return "";
    }
    return "- " + what + ": missing " + missing + ", extra " + extra + "\n";
  }
}
