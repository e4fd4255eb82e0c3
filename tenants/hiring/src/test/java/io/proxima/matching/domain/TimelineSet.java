package io.proxima.matching.domain;

import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.matching.domain.CollaborativeSignals.Interaction;
import io.proxima.matching.domain.CollaborativeSignals.Kind;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The generated timeline set in {@code src/test/resources/matching/timeline}: jobs posted over two
 * years, the freelancers who could see them, what happened between them, and grades taken from
 * those outcomes. Jobs posted from {@link #CUTOFF} on are the TEST split.
 */
record TimelineSet(
    List<Posting> postings,
    List<Profile> profiles,
    Map<String, List<LocalDate[]>> busy,
    List<Event> events,
    Map<String, Map<String, Integer>> grades) {

  static final LocalDate CUTOFF = LocalDate.of(2025, 7, 1);

  /** A freelancer whose contract ends more than this after "today" reads as unavailable. */
  private static final int FREE_SOON_DAYS = 90;

  private static final int MAN_YEN = 10_000;

  record Posting(JobOpening job, boolean test, LocalDate posted) {}

  record Profile(Candidate candidate, boolean keepsAvailability, LocalDate joined) {}

  record Event(LocalDate date, String freelancerId, String jobId, String kind) {}

  static TimelineSet load() {
    List<Posting> postings = rows("jobs.tsv").stream().map(TimelineSet::posting).toList();
    List<Profile> profiles = rows("freelancers.tsv").stream().map(TimelineSet::profile).toList();
    Map<String, List<LocalDate[]>> busy = new HashMap<>();
    for (String[] c : rows("engagements.tsv")) {
      busy.computeIfAbsent(c[0], k -> new ArrayList<>())
          .add(new LocalDate[] {LocalDate.parse(c[1]), LocalDate.parse(c[2])});
    }
    List<Event> events =
        rows("events.tsv").stream()
            .map(c -> new Event(LocalDate.parse(c[0]), c[1], c[2], c[3]))
            .toList();
    Map<String, Map<String, Integer>> grades = new TreeMap<>();
    for (String[] c : rows("labels.tsv")) {
      grades.computeIfAbsent(c[0], k -> new LinkedHashMap<>()).put(c[1], Integer.parseInt(c[2]));
    }
    return new TimelineSet(postings, profiles, busy, events, grades);
  }

  List<Posting> split(boolean test) {
    return postings.stream().filter(p -> p.test() == test).toList();
  }

  /**
   * The freelancers whose profiles were shared by {@code day}, each with the availability they
   * would have shown that day: busy in a contract won earlier in the timeline, or free.
   */
  List<Candidate> candidatesOn(LocalDate day) {
    List<Candidate> out = new ArrayList<>();
    for (Profile p : profiles) {
      if (!p.joined().isAfter(day)) {
        out.add(withAvailability(p, day));
      }
    }
    return out;
  }

  Candidate candidateOn(String freelancerId, LocalDate day) {
    return withAvailability(
        profiles.stream()
            .filter(p -> p.candidate().freelancerId().equals(freelancerId))
            .findFirst()
            .orElseThrow(),
        day);
  }

  /**
   * What a recommender could have known on {@code day} for {@code freelancerId}: every applied,
   * accepted-scout and viewed event before that day, and other freelancers' views of the jobs
   * posted since (a posting gathers views first); never the freelancer's own later events.
   */
  List<Interaction> interactionsKnownOn(LocalDate day, String freelancerId) {
    List<Interaction> out = new ArrayList<>();
    for (Event e : events) {
      Kind kind =
          switch (e.kind()) {
            case "VIEWED" -> Kind.VIEWED;
            case "APPLIED" -> Kind.APPLIED;
            case "SCOUT_ACCEPTED" -> Kind.SCOUT_ACCEPTED;
            default -> null;
          };
      if (kind == null) {
        continue;
      }
      boolean before = e.date().isBefore(day);
      boolean othersView = kind == Kind.VIEWED && !e.freelancerId().equals(freelancerId);
      if (before || othersView) {
        out.add(new Interaction(e.freelancerId(), e.jobId(), kind));
      }
    }
    return out;
  }

  private Candidate withAvailability(Profile p, LocalDate day) {
    Candidate c = p.candidate();
    LiveAvailability live = null;
    if (p.keepsAvailability()) {
      LocalDate freeFrom = null;
      for (LocalDate[] period : busy.getOrDefault(c.freelancerId(), List.of())) {
        if (!period[0].isAfter(day) && !period[1].isBefore(day)) {
          freeFrom = period[1].plusDays(1);
        }
      }
      if (freeFrom == null) {
        live = new LiveAvailability(AvailabilityStatus.AVAILABLE, null, 0, null, null, null);
      } else if (freeFrom.isAfter(day.plusDays(FREE_SOON_DAYS))) {
        live = new LiveAvailability(AvailabilityStatus.UNAVAILABLE, null, 0, null, null, null);
      } else {
        live =
            new LiveAvailability(AvailabilityStatus.AVAILABLE_FROM, freeFrom, 0, null, null, null);
      }
    }
    return new Candidate(
        c.freelancerId(),
        c.title(),
        c.summary(),
        c.skillYears(),
        c.desiredRateMinYen(),
        c.desiredRateMaxYen(),
        c.desiredDaysPerWeek(),
        c.desiredWorkStyle(),
        c.locations(),
        live);
  }

  private static Posting posting(String[] c) {
    int[] rate = range(c[7]);
    int[] days = range(c[8]);
    JobOpening job =
        new JobOpening(
            c[0],
            c[3],
            c[4],
            needs(c[5]),
            needs(c[6]),
            rate[0] * MAN_YEN,
            rate[1] * MAN_YEN,
            days[0],
            days[1],
            WorkStyle.valueOf(c[9]),
            c[10],
            LocalDate.parse(c[11]),
            Set.of(ContractType.valueOf(c[12])));
    return new Posting(job, c[1].equals("TEST"), LocalDate.parse(c[2]));
  }

  private static Profile profile(String[] c) {
    int[] rate = range(c[4]);
    Candidate candidate =
        new Candidate(
            c[0],
            c[1],
            c[2],
            skills(c[3]),
            rate[0] * MAN_YEN,
            rate[1] * MAN_YEN,
            Integer.valueOf(c[5]),
            WorkStyle.valueOf(c[6]),
            List.of(c[7].split("\\|")),
            null);
    return new Profile(candidate, c[8].equals("SET"), LocalDate.parse(c[9]));
  }

  private static Map<String, BigDecimal> skills(String column) {
    Map<String, BigDecimal> skills = new LinkedHashMap<>();
    if (column.isBlank()) {
      return skills;
    }
    for (String s : column.split(";")) {
      String[] kv = s.split("=", -1);
      skills.put(kv[0], kv.length < 2 || kv[1].isBlank() ? null : new BigDecimal(kv[1]));
    }
    return skills;
  }

  private static List<SkillNeed> needs(String column) {
    return skills(column).entrySet().stream()
        .map(e -> new SkillNeed(e.getKey(), e.getValue()))
        .toList();
  }

  private static int[] range(String text) {
    String[] p = text.split("-");
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
  }

  private static List<String[]> rows(String file) {
    String resource = "/matching/timeline/" + file;
    try (InputStream in = TimelineSet.class.getResourceAsStream(resource)) {
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
