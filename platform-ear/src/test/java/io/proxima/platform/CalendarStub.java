package io.proxima.platform;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Someone's external calendar server on loopback: each path serves the document put there, with the
 * content type calendar servers use; unknown paths are 404. The platform reaches it because the
 * test platform allows private-network calendar addresses.
 */
final class CalendarStub implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> documents = new ConcurrentHashMap<>();

  private CalendarStub(HttpServer server) {
    this.server = server;
  }

  static CalendarStub start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      CalendarStub stub = new CalendarStub(server);
      server.createContext(
          "/",
          exchange -> {
            String document = stub.documents.get(exchange.getRequestURI().getPath());
            if (document == null) {
              exchange.sendResponseHeaders(404, -1);
              exchange.close();
              return;
            }
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return stub;
    } catch (IOException e) {
      throw new IllegalStateException("the calendar stub cannot listen", e);
    }
  }

  /** Serves {@code document} at {@code path}; returns its full address. */
  String serve(String path, String document) {
    documents.put(path, document);
    return url(path);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** One busy event, in UTC, as a minimal calendar. */
  static String busy(String uid, java.time.Instant start, java.time.Instant end) {
    java.time.format.DateTimeFormatter utc =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    return String.join(
        "\r\n",
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Proxima tests//EN",
        "BEGIN:VEVENT",
        "UID:" + uid,
        "DTSTAMP:20261101T000000Z",
        "DTSTART:" + utc.format(start),
        "DTEND:" + utc.format(end),
        "SUMMARY:private appointment",
        "END:VEVENT",
        "END:VCALENDAR",
        "");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
