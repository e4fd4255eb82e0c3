package io.proxima.live.socket;

import io.proxima.notifications.application.NotificationPresence;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who has a notification or chat socket on this node: a portal page or a chat open, where new
 * messages show as they come. A stream counts until it ends, which is its grace period after the
 * socket closed, so a page reload is not "away". Only this node's sockets count: on a cluster,
 * someone connected to another node may still get the summary mail of messages they saw.
 */
@ApplicationScoped
public class LiveNotificationPresence implements NotificationPresence {

  private final Map<String, Integer> open = new ConcurrentHashMap<>();

  void arrived(String subject) {
    open.merge(subject, 1, Integer::sum);
  }

  void left(String subject) {
    open.computeIfPresent(subject, (who, count) -> count <= 1 ? null : count - 1);
  }

  @Override
  public boolean online(String subject) {
    return open.containsKey(subject);
  }
}
