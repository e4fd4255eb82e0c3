package io.proxima.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The small balancer in front of a local multi-node run: it passes each TCP connection to the next
 * node that accepts one, round robin. Working on connections rather than requests keeps it simple
 * and still right for the platform: a WebSocket is one connection, so it stays on the node that
 * opened it, and the Host header (a tenant's sub-domain) reaches the node untouched. A node that is
 * down refuses the connection and the next one is tried, so killing a node is seen only by the
 * connections it held: a board reconnects and carries on through another node.
 *
 * <p>Not for production, where a real load balancer (nginx in {@code docker/compose}) does this.
 */
public final class LocalBalancer implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

  private final ServerSocket listener;
  private final List<InetSocketAddress> nodes;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicLongArray connections;
  private final ExecutorService pipes =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "local-balancer");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param port the port people use (the platform's usual 8080)
   * @param nodePorts the nodes' own HTTP ports on loopback
   */
  public LocalBalancer(int port, List<Integer> nodePorts) {
    this.nodes =
        nodePorts.stream()
            .map(nodePort -> new InetSocketAddress(InetAddress.getLoopbackAddress(), nodePort))
            .toList();
    this.connections = new AtomicLongArray(nodes.size());
    try {
      listener = new ServerSocket();
      listener.setReuseAddress(true);
      listener.bind(new InetSocketAddress(port));
    } catch (IOException e) {
      throw new UncheckedIOException("the balancer cannot listen on port " + port, e);
    }
    Thread acceptor = new Thread(this::accept, "local-balancer-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** How many connections each node was given so far, in the order of the ports. */
  public long[] connectionsPerNode() {
    long[] counts = new long[nodes.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = connections.get(i);
    }
    return counts;
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException closed) {
        return;
      }
      pipes.execute(() -> pass(client));
    }
  }

  private void pass(Socket client) {
    Socket node = connectToNextNode();
    if (node == null) {
      // Every node is down: the caller sees a closed connection, as with no server at all.
      closeQuietly(client);
      return;
    }
    AtomicInteger directionsOpen = new AtomicInteger(2);
    pipes.execute(() -> copy(node, client, directionsOpen));
    copy(client, node, directionsOpen);
  }

  private Socket connectToNextNode() {
    int start = Math.floorMod(next.getAndIncrement(), nodes.size());
    for (int tried = 0; tried < nodes.size(); tried++) {
      int index = (start + tried) % nodes.size();
      Socket node = new Socket();
      try {
        node.connect(nodes.get(index), CONNECT_TIMEOUT_MILLIS);
        connections.incrementAndGet(index);
        return node;
      } catch (IOException down) {
        closeQuietly(node);
      }
    }
    return null;
  }

  /**
   * Copies one direction until it ends and passes the end on as a half-close, so a side that has
   * finished sending still gets its answer; the pair is closed when both directions have ended, or
   * at once when either side fails.
   */
  private static void copy(Socket from, Socket to, AtomicInteger directionsOpen) {
    byte[] buffer = new byte[16 * 1024];
    boolean failed = false;
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // A reset, or a node killed mid-connection: nothing more can pass either way.
      failed = true;
    }
    if (failed || directionsOpen.decrementAndGet() == 0) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    pipes.shutdownNow();
  }
}
