package io.proxima.profile.infrastructure.parsing;

import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.infrastructure.parsing.SheetLines.Line;
import io.proxima.profile.infrastructure.parsing.SheetLines.Section;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names on the sheet that look like technologies the vocabulary does not know: a Latin-script token
 * in the skill table, or in a list joined by "/", "、", "・" or "," beside a skill the vocabulary
 * does know ("Pinia/Vuex", "sqlc, mockgen"). The review offers them to the freelancer unticked;
 * dropping them into the notes would lose them.
 */
final class ProposedSkills {

  private static final int LIMIT = 30;
  private static final Pattern SEPARATORS =
      Pattern.compile("\\s*(?:[/、,・|\\t()（）\\[\\]]|\\s-\\s)\\s*");
  private static final Pattern TOKEN =
      Pattern.compile("[A-Za-z][A-Za-z0-9.+#\\-]{1,24}(?: [A-Z][A-Za-z0-9.+#\\-]{1,20}){0,2}");
  // Words that stand in tech lists without being a technology.
  private static final Set<String> GENERIC =
      Set.of(
          "and",
          "or",
          "with",
          "etc",
          "the",
          "for",
          "of",
          "on",
          "in",
          "to",
          "via",
          "using",
          "used",
          "team",
          "project",
          "system",
          "systems",
          "service",
          "services",
          "web",
          "app",
          "apps",
          "api",
          "apis",
          "db",
          "os",
          "fw",
          "tool",
          "tools",
          "other",
          "others",
          "misc",
          "data",
          "server",
          "client",
          "front",
          "back",
          "end",
          "frontend",
          "backend",
          "infra",
          "cloud",
          "mobile",
          "test",
          "tests",
          "testing",
          "design",
          "dev",
          "ops",
          "lead",
          "leader",
          "member",
          "manager",
          "engineer",
          "developer",
          "pm",
          "pl",
          "pmo",
          "se",
          "pg",
          "ut",
          "it",
          "st",
          "years",
          "year",
          "yrs",
          "months",
          "month",
          "level",
          "basic",
          "advanced",
          "expert",
          "intermediate",
          "beginner",
          "native",
          "business",
          "fluent",
          "japanese",
          "english",
          "present",
          "now",
          "current",
          "skill",
          "skills",
          "language",
          "languages",
          "framework",
          "frameworks",
          "database",
          "databases",
          "library",
          "libraries",
          "platform",
          "ci",
          "cd",
          "saas",
          "paas",
          "iaas",
          "ai",
          "ml",
          "llm",
          "ui",
          "ux",
          "qa",
          "sre",
          "devops",
          "no",
          "yes",
          "na",
          "tbd",
          "jlpt",
          "toeic",
          "n1",
          "n2",
          "n3",
          "etc.");

  private final SkillTaxonomy taxonomy;

  ProposedSkills(SkillTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  private static final Pattern ROLE_WORDS =
      Pattern.compile(
          "(?i).*\\b(?:engineer|developer|manager|lead|architect|analyst|inc|ltd|k\\.k|co|corp)\\b.*");

  /**
   * Product names are written like products: "BrowserStack", "Next.js", "Cloud Spanner"; a plain
   * word ("routing", "Classic") or an acronym ("IaC", "ETL") is a concept far more often.
   */
  static boolean looksLikeProduct(String token, boolean inSkillTable) {
    if (token.endsWith(".") || ROLE_WORDS.matcher(token).matches()) {
      return false;
    }
    if (token.matches("[A-Za-z]?\\d.*") || token.matches(".*\\d{3,}.*")) {
      return false; // versions ("r5.9"), model numbers
    }
    if (token.matches("[A-Z]{1,4}s?")
        || token.matches("[A-Z][a-z][A-Z]")
        || token.matches("[A-Z]{2,3}\\d{1,2}")) {
      return false; // acronyms: IaC, SLO, ETL, VDI
    }
    if (token.contains(" ")) {
      return token.matches("(?:[A-Z][\\w.+#\\-]*\\s?)+");
    }
    boolean inner =
        token
            .substring(1)
            .chars()
            .anyMatch(
                c -> Character.isUpperCase(c) || Character.isDigit(c) || ".+#-".indexOf(c) >= 0);
    return inner || inSkillTable && Character.isUpperCase(token.charAt(0)) && token.length() >= 4;
  }

  List<String> read(List<Line> lines, Set<String> known) {
    Set<String> proposed = new LinkedHashSet<>();
    Set<String> knownKeys = new LinkedHashSet<>();
    known.forEach(k -> knownKeys.add(k.toLowerCase(Locale.ROOT)));
    for (Line line : lines) {
      if (line.blank()
          || line.section() == Section.CERTIFICATIONS
          || line.section() == Section.EDUCATION
          || CertificationReader.looksLikeCertification(line.text())) {
        continue;
      }
      boolean skillTable = line.section() == Section.SKILLS;
      if (!skillTable && taxonomy.find(line.text()).isEmpty()) {
        continue;
      }
      String[] parts = SEPARATORS.split(line.text());
      if (!skillTable && parts.length < 2) {
        continue;
      }
      for (String part : parts) {
        String p = part.strip().replaceAll("\\s*\\d+(?:\\.\\d+)?\\s*(?:年|ヶ月|か月|years?|yrs?)$", "");
        if (!TOKEN.matcher(p).matches() || GENERIC.contains(p.toLowerCase(Locale.ROOT))) {
          continue;
        }
        if (!taxonomy.find(p).isEmpty() || knownKeys.contains(p.toLowerCase(Locale.ROOT))) {
          continue;
        }
        if (!looksLikeProduct(p, skillTable)) {
          continue;
        }
        proposed.add(p);
        if (proposed.size() >= LIMIT) {
          return List.copyOf(proposed);
        }
      }
    }
    return List.copyOf(proposed);
  }
}
