package io.proxima.platform.bench;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The yardstick: Payara's WebSocket broadcast with nothing of ours in the way. Every text it
 * receives goes to every open session, asynchronously. Deployed only by the benchmark, in a WAR of
 * its own.
 */
@ServerEndpoint("/broadcast")
public class RawBroadcastEndpoint {

  private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

  @OnOpen
  public void open(Session session) {
    SESSIONS.add(session);
  }

  @OnClose
  public void close(Session session) {
    SESSIONS.remove(session);
  }

  @OnMessage
  public void message(String text) {
    for (Session session : SESSIONS) {
      if (session.isOpen()) {
        session.getAsyncRemote().sendText(text);
      }
    }
  }
}
