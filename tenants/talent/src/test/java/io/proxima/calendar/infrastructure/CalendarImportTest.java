package io.proxima.calendar.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.proxima.calendar.domain.BusyInterval;
import io.proxima.calendar.domain.CalendarAddress;
import io.proxima.platform.error.DomainException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Importing over HTTP from a stub calendar server on 127.0.0.1, and the round trip: Proxima's own
 * feed, served and imported as an external calendar, gives back exactly its busy time.
 */
class CalendarImportTest {

  private HttpServer server;
  private final AtomicReference<byte[]> served = new AtomicReference<>();
  private final CountDownLatch released = new CountDownLatch(1);

  @BeforeEach
  void stubCalendarServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/calendar.ics",
        exchange -> {
          byte[] body = served.get();
          exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/calendar.ics");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/gone",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.createContext(
        "/huge",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 64; i++) {
              out.write(chunk);
            }
          } catch (IOException dropped) {
            // The client hung up once it had seen enough: that is the point.
          }
        });
    server.createContext(
        "/silent",
        exchange -> {
          try {
            released.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    released.countDown();
    server.stop(0);
  }

  private CalendarAddress at(String path) {
    return CalendarAddress.parse("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static HttpCalendarDownloads downloads(boolean allowPrivate, int timeoutSeconds) {
    return new HttpCalendarDownloads(allowPrivate, timeoutSeconds, 1024 * 1024);
  }

  @Test
  void roundTripProximasFeedImportedAsAnExternalCalendarGivesBackItsBusyTime() {
    served.set(
        new Ical4jFeedWriter()
            .write(Ical4jFeedWriterTest.agenda())
            .getBytes(StandardCharsets.UTF_8));
    byte[] fetched = downloads(true, 10).download(at("/calendar.ics"));
    List<BusyInterval> busy =
        new Ical4jBusyTimeReader()
            .busyTime(
                fetched,
                Instant.parse("2026-11-30T00:00:00Z"),
                Instant.parse("2027-02-28T00:00:00Z"));
    // The agreed interview and both busy blocks; not the called-off interview, and not the
    // availability entry, which is marked free.
    assertThat(busy)
        .containsExactly(
            new BusyInterval(
                Ical4jFeedWriterTest.tokyo(3, 14), Ical4jFeedWriterTest.tokyo(3, 15), false),
            new BusyInterval(
                Ical4jFeedWriterTest.tokyo(7, 0), Ical4jFeedWriterTest.tokyo(9, 0), true),
            new BusyInterval(
                Ical4jFeedWriterTest.tokyo(10, 9), Ical4jFeedWriterTest.tokyo(10, 18), false));
  }

  @Test
  void redirectsAreFollowedAndCheckedAgain() {
    served.set("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(downloads(true, 10).download(at("/moved"))).isEqualTo(served.get());
    // Without the local-network allowance the loopback server is off limits, on every hop.
    assertThatThrownBy(() -> downloads(false, 10).download(at("/moved")))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("public server");
  }

  @Test
  void privateAndMetadataAddressesAreRefused() throws Exception {
    for (String host : List.of("127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1")) {
      assertThat(HttpCalendarDownloads.internal(InetAddress.getByName(host))).as(host).isTrue();
    }
    assertThat(HttpCalendarDownloads.internal(InetAddress.getByName("93.184.215.14"))).isFalse();
  }

  @Test
  void serverErrorsAndOversizedAnswersAreBadGateways() {
    assertThatThrownBy(() -> downloads(true, 10).download(at("/gone")))
        .isInstanceOf(DomainException.UpstreamFailed.class)
        .isInstanceOf(DomainException.UpstreamFailed.class);
    assertThatThrownBy(() -> downloads(true, 10).download(at("/huge")))
        .isInstanceOf(DomainException.UpstreamFailed.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void aServerThatNeverAnswersIsAGatewayTimeout() {
    assertThatThrownBy(() -> downloads(true, 1).download(at("/silent")))
        .isInstanceOf(DomainException.UpstreamTimedOut.class)
        .isInstanceOf(DomainException.UpstreamTimedOut.class);
  }

  @Test
  void nobodyListeningIsABadGateway() throws IOException {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                downloads(true, 10)
                    .download(CalendarAddress.parse("http://127.0.0.1:" + closedPort + "/x.ics")))
        .isInstanceOf(DomainException.UpstreamFailed.class);
  }
}
