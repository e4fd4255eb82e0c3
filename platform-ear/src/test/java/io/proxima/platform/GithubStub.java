package io.proxima.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GitHub's REST API as far as the portfolio reads it, on loopback: one user, {@code octo-jp}, with
 * two public repositories and a fork; everyone else is unknown (404). The platform under test is
 * pointed here by {@code proxima.github.base-url}.
 */
final class GithubStub implements AutoCloseable {

  static final String USER = "octo-jp";

  private final HttpServer server;
  final AtomicInteger calls = new AtomicInteger();

  private GithubStub(HttpServer server) {
    this.server = server;
  }

  static GithubStub start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      GithubStub stub = new GithubStub(server);
      server.createContext("/", stub::answer);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new IllegalStateException("the GitHub stub cannot listen", e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    calls.incrementAndGet();
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/users/" + USER + "/repos")) {
      respond(
          exchange,
          200,
          """
          [{"name":"kintai-api","full_name":"octo-jp/kintai-api","fork":false,
            "description":"勤怠管理 API (Spring Boot)","html_url":"https://github.com/octo-jp/kintai-api",
            "language":"Java","stargazers_count":42,"forks_count":5,
            "pushed_at":"2026-10-01T09:00:00Z","owner":{"login":"octo-jp"}},
           {"name":"board-ui","full_name":"octo-jp/board-ui","fork":false,
            "description":"Availability board UI","html_url":"https://github.com/octo-jp/board-ui",
            "language":"TypeScript","stargazers_count":7,"forks_count":1,
            "pushed_at":"2026-09-01T09:00:00Z","owner":{"login":"octo-jp"}},
           {"name":"forked-lib","full_name":"octo-jp/forked-lib","fork":true,
            "description":null,"html_url":"https://github.com/octo-jp/forked-lib",
            "language":"C","stargazers_count":0,"forks_count":0,
            "pushed_at":"2026-08-01T09:00:00Z","owner":{"login":"octo-jp"}}]
          """);
    } else if (path.equals("/repos/" + USER + "/kintai-api/languages")) {
      respond(exchange, 200, "{\"Java\":120000,\"Kotlin\":3000}");
    } else if (path.equals("/repos/" + USER + "/board-ui/languages")) {
      respond(exchange, 200, "{\"TypeScript\":80000,\"CSS\":4000}");
    } else if (path.equals("/repos/" + USER + "/forked-lib/languages")) {
      respond(exchange, 200, "{\"C\":999999}");
    } else {
      respond(exchange, 404, "{\"message\":\"Not Found\"}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
