package io.proxima.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A live-socket client for the tests: frames as text in order, and how the socket closed. */
final class LiveClient implements WebSocket.Listener, AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

  final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  /** Opens {@code path} (with its query) on the platform; null token or origin sends none. */
  static LiveClient open(String baseUrl, String path, String token, String origin) {
    return open(baseUrl, path, token, origin, null);
  }

  /**
   * With the Host header a browser on {@code host} would send (needs {@code
   * jdk.httpclient.allowRestrictedHeaders=host}, which the build sets for the tests).
   */
  static LiveClient open(String baseUrl, String path, String token, String origin, String host) {
    LiveClient client = new LiveClient();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (origin != null) {
      builder.header("Origin", origin);
    }
    if (host != null) {
      builder.header("Host", host);
    }
    try {
      client.socket =
          builder.buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + path), client).join();
    } catch (CompletionException e) {
      client.closed.completeExceptionally(e.getCause());
    }
    return client;
  }

  boolean handshakeRefused() {
    return socket == null;
  }

  /** The HTTP status a refused handshake was answered with; 0 when it was not refused. */
  int handshakeStatus() {
    if (socket != null) {
      return 0;
    }
    Throwable failure = closed.handle((code, error) -> error).join();
    return failure instanceof java.net.http.WebSocketHandshakeException refused
        ? refused.getResponse().statusCode()
        : -1;
  }

  boolean isOpen() {
    return socket != null && !closed.isDone();
  }

  /** The next frame, failing the test if none comes within five seconds. */
  String next() {
    try {
      String frame = frames.poll(5, TimeUnit.SECONDS);
      if (frame == null) {
        throw new AssertionError("no frame within 5 s (closed: " + closed.getNow(null) + ")");
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next frame of {@code type}, skipping others. */
  String next(String type) {
    while (true) {
      String frame = next();
      if (frame.contains("\"type\":\"" + type + "\"")) {
        return frame;
      }
    }
  }

  /** Whether a frame arrives within {@code millis}. */
  String poll(long millis) throws InterruptedException {
    return frames.poll(millis, TimeUnit.MILLISECONDS);
  }

  static long seq(String frame) {
    Matcher matcher = SEQ.matcher(frame);
    if (!matcher.find()) {
      throw new AssertionError("no seq in " + frame);
    }
    return Long.parseLong(matcher.group(1));
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The close code the server sent, waiting up to five seconds. */
  int closeCode() {
    try {
      return closed.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the socket was not closed: " + e);
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(partial.toString());
      partial.setLength(0);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
  }

  void abort() {
    if (socket != null) {
      socket.abort();
    }
  }
}
