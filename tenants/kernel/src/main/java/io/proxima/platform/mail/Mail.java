package io.proxima.platform.mail;

import java.util.Objects;

/**
 * One message to one person, with a plain-text body every client can show and an HTML body for
 * those that render it.
 *
 * @param senderName shown as the sender (a tenant's name, so mail reads as the agency's own); the
 *     address is the platform's
 */
public record Mail(
    String to, String toName, String senderName, String subject, String text, String html) {

  public Mail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
  }
}
