package io.proxima.platform.mail;

import java.util.Map;
import java.util.Objects;

/**
 * One message to one person, with a plain-text body every client can show and an HTML body for
 * those that render it.
 *
 * @param senderName shown as the sender (a tenant's name, so mail reads as the agency's own); the
 *     address is the platform's
 * @param headers extra header fields, e.g. {@code List-Unsubscribe} on notifications; names and
 *     values are the sender's own text, never a recipient's
 */
public record Mail(
    String to,
    String toName,
    String senderName,
    String subject,
    String text,
    String html,
    Map<String, String> headers) {

  public Mail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public Mail(
      String to, String toName, String senderName, String subject, String text, String html) {
    this(to, toName, senderName, subject, text, html, Map.of());
  }
}
