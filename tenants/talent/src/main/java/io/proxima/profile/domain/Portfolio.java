package io.proxima.profile.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a freelancer's public GitHub shows: their own recent repositories (forks left out) and the
 * languages they are written in, bytes per language summed over those repositories.
 */
public record Portfolio(
    String username,
    List<PublicRepo> repositories,
    Map<String, Long> languageBytes,
    Instant fetchedAt) {

  public record PublicRepo(
      String name,
      String description,
      String url,
      String primaryLanguage,
      int stars,
      int forks,
      Instant pushedAt,
      Map<String, Long> languages) {}
}
