package io.proxima.platform.mail;

/** Where the platform's mail leaves it: an SMTP server in every deployment, local or not. */
public interface OutgoingMail {

  /**
   * Hands the message to the mail server and returns once the server accepted it.
   *
   * @throws MailNotSent when no server is configured, or it refused or could not be reached
   */
  void send(Mail mail);

  /** Why a message did not leave; the words are safe to show to the person who sent it. */
  final class MailNotSent extends RuntimeException {
    public MailNotSent(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
