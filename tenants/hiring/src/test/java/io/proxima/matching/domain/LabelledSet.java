package io.proxima.matching.domain;

import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.matching.domain.CollaborativeSignals.Interaction;
import io.proxima.profile.domain.ContractType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The labelled ranking set in {@code src/test/resources/matching}, read into domain records. */
record LabelledSet(
    List<JobOpening> jobs,
    Set<String> heldOutJobs,
    List<Candidate> candidates,
    Map<String, Map<String, Integer>> candidateGrades,
    Map<String, Map<String, Integer>> jobGrades,
    Set<String> heldOutFreelancers,
    List<Interaction> interactions) {

  /** The day the labels judge availability against. */
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

  private static final int MAN_YEN = 10_000;

  static LabelledSet load() {
    List<JobOpening> jobs = new ArrayList<>();
    List<String> heldOutJobs = new ArrayList<>();
    for (String[] c : rows("jobs.tsv")) {
      jobs.add(job(c));
      if (c[1].equals("HELD_OUT")) {
        heldOutJobs.add(c[0]);
      }
    }
    List<Candidate> candidates =
        rows("candidates.tsv").stream().map(LabelledSet::candidate).toList();
    Map<String, Map<String, Integer>> candidateGrades = new TreeMap<>();
    for (String[] c : rows("candidate-labels.tsv")) {
      candidateGrades.computeIfAbsent(c[0], k -> new LinkedHashMap<>()).put(c[1], grade(c[2]));
    }
    Map<String, Map<String, Integer>> jobGrades = new TreeMap<>();
    List<String> heldOutFreelancers = new ArrayList<>();
    for (String[] c : rows("recommendation-labels.tsv")) {
      jobGrades.computeIfAbsent(c[0], k -> new LinkedHashMap<>()).put(c[2], grade(c[3]));
      if (c[1].equals("HELD_OUT")) {
        heldOutFreelancers.add(c[0]);
      }
    }
    List<Interaction> interactions =
        rows("interactions.tsv").stream()
            .map(c -> new Interaction(c[0], c[1], CollaborativeSignals.Kind.valueOf(c[2])))
            .toList();
    return new LabelledSet(
        jobs,
        Set.copyOf(heldOutJobs),
        candidates,
        candidateGrades,
        jobGrades,
        Set.copyOf(heldOutFreelancers),
        interactions);
  }

  Candidate candidate(String freelancerId) {
    return candidates.stream()
        .filter(c -> c.freelancerId().equals(freelancerId))
        .findFirst()
        .orElseThrow();
  }

  private static JobOpening job(String[] c) {
    int[] rate = range(c[6]);
    int[] days = range(c[7]);
    return new JobOpening(
        c[0],
        c[2],
        c[3],
        needs(c[4]),
        needs(c[5]),
        rate[0] * MAN_YEN,
        rate[1] * MAN_YEN,
        days[0],
        days[1],
        WorkStyle.valueOf(c[8]),
        c[9],
        LocalDate.parse(c[10]),
        Arrays.stream(c[11].split("\\|")).map(ContractType::valueOf).collect(Collectors.toSet()));
  }

  private static Candidate candidate(String[] c) {
    int[] rate = range(c[4]);
    Map<String, BigDecimal> skills = new LinkedHashMap<>();
    for (String s : c[3].split(";")) {
      String[] kv = s.split("=", -1);
      skills.put(kv[0], kv.length < 2 || kv[1].isBlank() ? null : new BigDecimal(kv[1]));
    }
    return new Candidate(
        c[0],
        c[1],
        c[2],
        skills,
        rate[0] * MAN_YEN,
        rate[1] * MAN_YEN,
        Integer.valueOf(c[5]),
        WorkStyle.valueOf(c[6]),
        List.of(c[7].split("\\|")),
        live(c[8]));
  }

  // STATUS availableFrom days style rate, "-" for a part not stated; "-" alone: never set.
  private static LiveAvailability live(String column) {
    if (column.equals("-")) {
      return null;
    }
    String[] p = column.split(" ");
    int[] rate = p[4].equals("-") ? null : range(p[4]);
    return new LiveAvailability(
        AvailabilityStatus.valueOf(p[0]),
        p[1].equals("-") ? null : LocalDate.parse(p[1]),
        Integer.parseInt(p[2]),
        p[3].equals("-") ? null : WorkStyle.valueOf(p[3]),
        rate == null ? null : rate[0] * MAN_YEN,
        rate == null ? null : rate[1] * MAN_YEN);
  }

  private static List<SkillNeed> needs(String column) {
    List<SkillNeed> needs = new ArrayList<>();
    for (String s : column.split(";")) {
      String[] kv = s.split("=", -1);
      needs.add(
          new SkillNeed(kv[0], kv.length < 2 || kv[1].isBlank() ? null : new BigDecimal(kv[1])));
    }
    return needs;
  }

  private static int[] range(String text) {
    String[] p = text.split("-");
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
  }

  private static int grade(String text) {
    int grade = Integer.parseInt(text);
    if (grade < 0 || grade > 3) {
      throw new IllegalStateException("grade out of 0-3: " + text);
    }
    return grade;
  }

  private static List<String[]> rows(String file) {
    String resource = "/matching/" + file;
    try (InputStream in = LabelledSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", -1))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
