package io.proxima.profile.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.Portfolio;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GitHub adapter against a local HTTP server that answers as GitHub's REST API does. */
class GithubPortfolioSourceTest {

  private HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> authorizations = new ArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private GithubPortfolioSource github(Consumer<HttpExchange> answer, String token)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          calls.incrementAndGet();
          synchronized (authorizations) {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          }
          answer.accept(exchange);
        });
    server.start();
    return new GithubPortfolioSource(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/",
        Optional.ofNullable(token),
        3600,
        100);
  }

  private GithubPortfolioSource anyUser(long size, com.github.benmanes.caffeine.cache.Ticker ticker)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          calls.incrementAndGet();
          respond(exchange, 200, "[]");
        });
    server.start();
    return new GithubPortfolioSource(
        "http://127.0.0.1:" + server.getAddress().getPort(),
        Optional.empty(),
        java.time.Duration.ofMinutes(5),
        size,
        ticker);
  }

  private static void respond(HttpExchange exchange, int status, String body) {
    try {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void github(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/users/hana/repos")) {
      respond(
          exchange,
          200,
          """
          [{"name":"shift-api","fork":false,"description":"シフト管理","html_url":"https://github.com/hana/shift-api",
            "language":"Go","stargazers_count":3,"forks_count":1,"pushed_at":"2026-10-01T00:00:00Z",
            "owner":{"login":"hana"}},
           {"name":"ui","fork":false,"description":null,"html_url":"https://github.com/hana/ui",
            "language":"TypeScript","stargazers_count":0,"forks_count":0,"pushed_at":"2026-09-01T00:00:00Z",
            "owner":{"login":"hana"}},
           {"name":"linux","fork":true,"owner":{"login":"hana"}}]
          """);
    } else if (path.equals("/repos/hana/shift-api/languages")) {
      respond(exchange, 200, "{\"Go\":5000,\"TypeScript\":100}");
    } else if (path.equals("/repos/hana/ui/languages")) {
      respond(exchange, 200, "{\"TypeScript\":7000}");
    } else {
      respond(exchange, 404, "{\"message\":\"Not Found\"}");
    }
  }

  @Test
  void ownRepositoriesAndTheirLanguagesAreReadAndCached() throws Exception {
    GithubPortfolioSource source = github(GithubPortfolioSourceTest::github, "secret-token");

    Portfolio portfolio = source.fetch("hana");

    assertThat(portfolio.repositories())
        .extracting(Portfolio.PublicRepo::name)
        .containsExactly("shift-api", "ui");
    assertThat(portfolio.languageBytes())
        .containsExactly(
            java.util.Map.entry("TypeScript", 7100L), java.util.Map.entry("Go", 5000L));
    assertThat(authorizations).containsOnly("Bearer secret-token");
    int afterFirst = calls.get();
    assertThat(source.fetch("HANA")).isSameAs(portfolio);
    assertThat(calls.get()).as("answered from the cache").isEqualTo(afterFirst);
  }

  @Test
  void concurrentRequestsForOneUserMakeOneSetOfCalls() throws Exception {
    GithubPortfolioSource source = github(GithubPortfolioSourceTest::github, null);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Portfolio>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(callers.submit(() -> source.fetch("hana")));
      }
      for (Future<Portfolio> answer : answers) {
        assertThat(answer.get().repositories()).hasSize(2);
      }
    } finally {
      callers.shutdown();
    }
    assertThat(calls.get()).as("one list and two language calls").isEqualTo(3);
  }

  @Test
  void githubsFailuresBecomeProblemsTheCallerCanActOn() throws Exception {
    GithubPortfolioSource source =
        github(
            exchange -> {
              String user = exchange.getRequestURI().getPath().split("/")[2];
              switch (user) {
                case "limited":
                  exchange.getResponseHeaders().set("x-ratelimit-remaining", "0");
                  exchange.getResponseHeaders().set("x-ratelimit-reset", "1795540000");
                  respond(exchange, 403, "{\"message\":\"API rate limit exceeded\"}");
                  break;
                case "broken":
                  respond(exchange, 502, "bad gateway");
                  break;
                case "garbled":
                  respond(exchange, 200, "[{\"name\": ");
                  break;
                default:
                  respond(exchange, 404, "{}");
              }
            },
            null);

    assertThatThrownBy(() -> source.fetch("nobody"))
        .isInstanceOf(DomainException.NotFound.class)
        .hasMessageContaining("nobody");
    assertThatThrownBy(() -> source.fetch("limited"))
        .isInstanceOf(DomainException.RateLimited.class)
        .hasMessageContaining("2026-11-2");
    assertThatThrownBy(() -> source.fetch("broken"))
        .isInstanceOf(DomainException.Unavailable.class);
    assertThatThrownBy(() -> source.fetch("garbled"))
        .isInstanceOf(DomainException.Unavailable.class);
    assertThatThrownBy(() -> source.fetch("-not-a-login"))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void aSilentGithubTimesOutAsUnavailable() throws Exception {
    GithubPortfolioSource source =
        github(
            exchange -> {
              try {
                Thread.sleep(15_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            null);
    assertThatThrownBy(() -> source.fetch("slow"))
        .isInstanceOf(DomainException.Unavailable.class)
        .hasMessageContaining("in time");
  }

  @Test
  void nobodyListensIsUnavailable() {
    GithubPortfolioSource source =
        new GithubPortfolioSource("http://127.0.0.1:1", Optional.empty(), 60, 100);
    assertThatThrownBy(() -> source.fetch("hana")).isInstanceOf(DomainException.Unavailable.class);
  }

  @Test
  void theCacheHoldsAtMostItsSizeOfUsers() throws Exception {
    GithubPortfolioSource source = anyUser(3, System::nanoTime);
    for (int i = 0; i < 50; i++) {
      source.fetch("user-" + i);
    }
    assertThat(calls.get()).isEqualTo(50);
    assertThat(source.cachedUsers()).isLessThanOrEqualTo(3);
  }

  @Test
  void aCachedPortfolioExpiresAfterItsTime() throws Exception {
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    GithubPortfolioSource source = anyUser(100, nanos::get);
    source.fetch("hana");
    nanos.addAndGet(java.time.Duration.ofMinutes(4).toNanos());
    source.fetch("Hana");
    assertThat(calls.get()).as("still cached, whatever the case").isEqualTo(1);
    nanos.addAndGet(java.time.Duration.ofMinutes(2).toNanos());
    source.fetch("hana");
    assertThat(calls.get()).as("expired, fetched again").isEqualTo(2);
    assertThat(source.cachedUsers()).isEqualTo(1);
  }

  @Test
  void aFailedLookupIsNotCached() throws Exception {
    GithubPortfolioSource source =
        github(exchange -> respond(exchange, 404, "{\"message\":\"Not Found\"}"), null);
    assertThatThrownBy(() -> source.fetch("nobody")).isInstanceOf(DomainException.NotFound.class);
    assertThatThrownBy(() -> source.fetch("nobody")).isInstanceOf(DomainException.NotFound.class);
    assertThat(calls.get()).isEqualTo(2);
    assertThat(source.cachedUsers()).isZero();
  }
}
