package io.proxima.notifications.domain;

/** Where a notification reaches a person. */
public enum Channel {
  /** The bell and the list in the portal, live over the socket. */
  IN_APP,
  MAIL
}
