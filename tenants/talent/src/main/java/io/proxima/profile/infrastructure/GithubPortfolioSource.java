package io.proxima.profile.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.Portfolio;
import io.proxima.profile.domain.PortfolioSource;
import io.proxima.profile.domain.ProfileLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portfolio from GitHub's REST API, cached per user for an hour: a profile is opened far more
 * often than a freelancer pushes, and unauthenticated calls are limited to 60 an hour per address.
 *
 * <p>The cache is bounded ({@code proxima.github.cache-size} users) and expiring ({@code
 * proxima.github.cache-seconds}); a lookup in flight is itself a cache entry, so concurrent lookups
 * of one user share one set of calls and the in-flight lookups are bounded by the same size.
 * Callers only ever pass a GitHub account linked on a profile (see the profile resources).
 */
@ApplicationScoped
public class GithubPortfolioSource implements PortfolioSource {

  static final int REPOSITORY_LIMIT = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String baseUrl;
  private final Optional<String> token;
  private final Clock clock = Clock.systemUTC();
  private final AsyncCache<String, Portfolio> cache;

  protected GithubPortfolioSource() {
    this.http = null;
    this.baseUrl = null;
    this.token = Optional.empty();
    this.cache = null;
  }

  @Inject
  public GithubPortfolioSource(
      @ConfigProperty(name = "proxima.github.base-url", defaultValue = "https://api.github.com")
          String baseUrl,
      @ConfigProperty(name = "proxima.github.token") Optional<String> token,
      @ConfigProperty(name = "proxima.github.cache-seconds", defaultValue = "3600")
          long cacheSeconds,
      @ConfigProperty(name = "proxima.github.cache-size", defaultValue = "10000") long cacheSize) {
    this(baseUrl, token, Duration.ofSeconds(cacheSeconds), cacheSize, Ticker.systemTicker());
  }

  GithubPortfolioSource(
      String baseUrl, Optional<String> token, Duration ttl, long cacheSize, Ticker ticker) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token.filter(t -> !t.isBlank());
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(Math.max(1, cacheSize))
            .expireAfterWrite(ttl)
            .ticker(ticker)
            .buildAsync();
  }

  @Override
  public Portfolio fetch(String githubUsername) {
    String username = new ProfileLinks(githubUsername, null).githubUsername();
    if (username == null) {
      throw new DomainException.InvalidValue("a GitHub username is required");
    }
    String key = username.toLowerCase(java.util.Locale.ROOT);
    // One call to GitHub per user at a time: a board full of staff opening the same profile
    // must not spend the hourly rate limit at once. The first caller loads on its own thread;
    // the others wait for its future. A failed load is not cached.
    CompletableFuture<Portfolio> mine = new CompletableFuture<>();
    CompletableFuture<Portfolio> existing = cache.asMap().putIfAbsent(key, mine);
    if (existing != null) {
      return join(existing);
    }
    try {
      mine.complete(load(username));
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      cache.asMap().remove(key, mine);
    }
    return join(mine);
  }

  /** How many users' portfolios are cached or being loaded now. */
  long cachedUsers() {
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }

  private static Portfolio join(CompletableFuture<Portfolio> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private Portfolio load(String username) {
    JsonNode repositories =
        get("/users/" + username + "/repos?type=owner&sort=pushed&per_page=100", username);
    List<Portfolio.PublicRepo> own = new ArrayList<>();
    Map<String, Long> total = new LinkedHashMap<>();
    for (JsonNode repository : repositories) {
      if (repository.path("fork").asBoolean(false) || own.size() >= REPOSITORY_LIMIT) {
        continue;
      }
      String name = repository.path("name").asText();
      String owner = repository.path("owner").path("login").asText(username);
      Map<String, Long> languages = new LinkedHashMap<>();
      get("/repos/" + owner + "/" + name + "/languages", username)
          .fields()
          .forEachRemaining(field -> languages.put(field.getKey(), field.getValue().asLong()));
      languages.forEach((language, bytes) -> total.merge(language, bytes, Long::sum));
      own.add(
          new Portfolio.PublicRepo(
              name,
              repository.path("description").isTextual()
                  ? repository.path("description").asText()
                  : null,
              repository.path("html_url").asText(null),
              repository.path("language").isTextual() ? repository.path("language").asText() : null,
              repository.path("stargazers_count").asInt(),
              repository.path("forks_count").asInt(),
              repository.path("pushed_at").isTextual()
                  ? Instant.parse(repository.path("pushed_at").asText())
                  : null,
              languages));
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    total.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
    return new Portfolio(username, own, sorted, clock.instant());
  }

  private JsonNode get(String path, String username) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "proxima-portfolio");
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    HttpResponse<String> response;
    try {
      response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new DomainException.Unavailable("GitHub did not answer in time; try again later");
    } catch (IOException e) {
      throw new DomainException.Unavailable("GitHub cannot be reached; try again later");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException.Unavailable("the GitHub call was interrupted");
    }
    int status = response.statusCode();
    if (status == 404) {
      throw new DomainException.NotFound("no GitHub user " + username);
    }
    if (status == 429
        || (status == 403
            && "0".equals(response.headers().firstValue("x-ratelimit-remaining").orElse(null)))) {
      String reset =
          response
              .headers()
              .firstValue("x-ratelimit-reset")
              .map(epoch -> " after " + Instant.ofEpochSecond(Long.parseLong(epoch)))
              .orElse(" later");
      throw new DomainException.RateLimited("GitHub's rate limit is reached; try again" + reset);
    }
    if (status != 200) {
      throw new DomainException.Unavailable("GitHub answered " + status + "; try again later");
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new DomainException.Unavailable("GitHub's answer could not be read");
    }
  }
}
