package io.proxima.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends through the SMTP server the configuration names ({@code proxima.mail.smtp.*}); the run
 * command points it at its own local server. Synchronous on purpose: a caller that says "sent" does
 * so only after the server took the message.
 */
@ApplicationScoped
public class SmtpOutgoingMail implements OutgoingMail {

  private static final Logger LOG = Logger.getLogger(SmtpOutgoingMail.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Optional<String> host;
  private final int port;
  private final Optional<String> username;
  private final Optional<String> password;
  private final boolean startTls;
  private final String from;

  protected SmtpOutgoingMail() {
    this(Optional.empty(), 25, Optional.empty(), Optional.empty(), false, "no-reply@localhost");
  }

  @Inject
  public SmtpOutgoingMail(
      @ConfigProperty(name = "proxima.mail.smtp.host") Optional<String> host,
      @ConfigProperty(name = "proxima.mail.smtp.port", defaultValue = "25") int port,
      @ConfigProperty(name = "proxima.mail.smtp.username") Optional<String> username,
      @ConfigProperty(name = "proxima.mail.smtp.password") Optional<String> password,
      @ConfigProperty(name = "proxima.mail.smtp.starttls", defaultValue = "false") boolean startTls,
      @ConfigProperty(name = "proxima.mail.from", defaultValue = "no-reply@proxima.localhost")
          String from) {
    this.host = host.filter(value -> !value.isBlank());
    this.port = port;
    this.username = username.filter(value -> !value.isBlank());
    this.password = password;
    this.startTls = startTls;
    this.from = from;
  }

  @Override
  public void send(Mail mail) {
    if (host.isEmpty()) {
      throw new MailNotSent("no mail server is configured (proxima.mail.smtp.host)", null);
    }
    try {
      Session session = Session.getInstance(properties());
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from, sender(mail), StandardCharsets.UTF_8.name()));
      message.setRecipient(
          Message.RecipientType.TO,
          new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      for (var header : mail.headers().entrySet()) {
        message.setHeader(header.getKey(), header.getValue());
      }
      if (mail.html() == null) {
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
      } else {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
      }
      if (username.isPresent()) {
        Transport.send(message, username.get(), password.orElse(""));
      } else {
        Transport.send(message);
      }
    } catch (MessagingException | UnsupportedEncodingException e) {
      // The address only, never the body: mail carries one-time links.
      LOG.log(Level.WARNING, "mail to {0} not sent: {1}", new Object[] {mail.to(), e.toString()});
      throw new MailNotSent("the mail server did not accept the message", e);
    }
  }

  private String sender(Mail mail) {
    return mail.senderName() == null || mail.senderName().isBlank() ? "Proxima" : mail.senderName();
  }

  private Properties properties() {
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", host.orElseThrow());
    properties.put("mail.smtp.port", Integer.toString(port));
    properties.put("mail.smtp.auth", Boolean.toString(username.isPresent()));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
    properties.put("mail.smtp.starttls.required", Boolean.toString(startTls));
    String millis = Long.toString(TIMEOUT.toMillis());
    properties.put("mail.smtp.connectiontimeout", millis);
    properties.put("mail.smtp.timeout", millis);
    properties.put("mail.smtp.writetimeout", millis);
    return properties;
  }
}
