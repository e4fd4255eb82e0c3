package io.proxima.notifications.application;

/**
 * Whether a person has a live socket open right now: someone looking at the portal sees new
 * messages as they come, so they get no mail about them.
 */
public interface NotificationPresence {

  boolean online(String subject);
}
