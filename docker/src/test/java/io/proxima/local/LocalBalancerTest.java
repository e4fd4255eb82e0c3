package io.proxima.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalBalancerTest {

  private final List<HttpServer> nodes = new ArrayList<>();
  private LocalBalancer balancer;

  @AfterEach
  void stop() {
    if (balancer != null) {
      balancer.close();
    }
    nodes.forEach(node -> node.stop(0));
  }

  private int node(String name) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              (name + " " + exchange.getRequestHeaders().getFirst("Host"))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    nodes.add(server);
    return server.getAddress().getPort();
  }

  private static String get(int port, String host) throws Exception {
    // A new client per request: each request is a connection of its own, as a new browser tab.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void connectionsGoRoundRobinAndTheHostHeaderReachesTheNodeUntouched() throws Exception {
    balancer = new LocalBalancer(0, List.of(node("one"), node("two")));
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(get(balancer.port(), null));
    }
    assertThat(answers.stream().map(a -> a.split(" ")[0]))
        .containsExactlyInAnyOrder("one", "one", "two", "two");
    assertThat(answers.get(0)).endsWith("127.0.0.1:" + balancer.port());
    assertThat(balancer.connectionsPerNode()).containsExactly(2, 2);
  }

  @Test
  void aNodeThatIsDownIsPassedOverAndTheOthersCarryOn() throws Exception {
    int one = node("one");
    int two = node("two");
    balancer = new LocalBalancer(0, List.of(one, two));
    nodes.get(1).stop(0);
    for (int i = 0; i < 4; i++) {
      assertThat(get(balancer.port(), null)).startsWith("one ");
    }
    assertThat(balancer.connectionsPerNode()).containsExactly(4, 0);
  }

  @Test
  void whenEveryNodeIsDownTheConnectionIsClosedWithoutAnAnswer() throws Exception {
    int gone;
    try (ServerSocket free = new ServerSocket(0)) {
      gone = free.getLocalPort();
    }
    balancer = new LocalBalancer(0, List.of(gone));
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), balancer.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void aLongConnectionCarriesBothWaysAndAHalfCloseStillGetsItsAnswer() throws Exception {
    // An echo node that answers line by line, like a socket that talks both ways for long.
    ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread echoing =
        new Thread(
            () -> {
              try (Socket peer = echo.accept()) {
                InputStream in = peer.getInputStream();
                OutputStream out = peer.getOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                  out.write(Character.toUpperCase(b));
                  out.flush();
                }
                // The client finished sending: a last word after its half-close.
                out.write("!".getBytes(StandardCharsets.US_ASCII));
              } catch (IOException ignored) {
                // the test's assertions say what went wrong
              }
            });
    echoing.start();
    balancer = new LocalBalancer(0, List.of(echo.getLocalPort()));
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), balancer.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (String word : List.of("board", "chat")) {
        out.write(word.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(new String(in.readNBytes(word.length()), StandardCharsets.US_ASCII))
            .isEqualTo(word.toUpperCase());
      }
      socket.shutdownOutput();
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("!");
    } finally {
      echo.close();
    }
  }
}
