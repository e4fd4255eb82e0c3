package io.proxima.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A real SMTP server on loopback (GreenMail) that keeps every message it accepts, and a page that
 * lists them: what the platform and Keycloak send (invitations, password resets) can be read on the
 * machine, and nothing leaves it. Production points both at a configured SMTP server instead.
 */
public final class LocalMail implements AutoCloseable {

  /** A message as the mailbox page and tests read it. */
  public record Received(
      int number, String from, List<String> to, String subject, String text, String html) {

    /** The first link in the message that starts with {@code prefix}. */
    public Optional<String> link(String prefix) {
      String body = html != null ? html : text;
      int start = body == null ? -1 : body.indexOf(prefix);
      if (start < 0) {
        return Optional.empty();
      }
      int end = start;
      while (end < body.length() && "\"'<> \r\n".indexOf(body.charAt(end)) < 0) {
        end++;
      }
      return Optional.of(body.substring(start, end).replace("&amp;", "&"));
    }
  }

  private final GreenMail smtp;
  private final HttpServer mailbox;

  private LocalMail(GreenMail smtp, HttpServer mailbox) {
    this.smtp = smtp;
    this.mailbox = mailbox;
  }

  /**
   * @param smtpPort 0 picks a free port
   * @param mailboxPort the page's port; 0 picks a free one
   */
  public static LocalMail start(int smtpPort, int mailboxPort) {
    int port = smtpPort > 0 ? smtpPort : LocalStack.freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      HttpServer page =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), mailboxPort), 16);
      LocalMail mail = new LocalMail(smtp, page);
      page.createContext("/", mail::serve);
      page.start();
      return mail;
    } catch (IOException e) {
      smtp.stop();
      throw new UncheckedIOException("the mailbox page could not start", e);
    }
  }

  public String smtpHost() {
    return "127.0.0.1";
  }

  public int smtpPort() {
    return smtp.getSmtp().getPort();
  }

  /** Where sent mail can be read in a browser. */
  public String mailboxUrl() {
    return "http://localhost:" + mailbox.getAddress().getPort() + "/";
  }

  /** Stops accepting connections, as a mail server that is down (tests of what the sender says). */
  public synchronized void pause() {
    smtp.stop();
  }

  /** Accepts mail again on the same port. */
  public synchronized void resume() {
    smtp.start();
  }

  /** Every message accepted so far, oldest first. */
  public List<Received> messages() {
    MimeMessage[] messages = smtp.getReceivedMessages();
    List<Received> received = new ArrayList<>(messages.length);
    for (int i = 0; i < messages.length; i++) {
      received.add(read(i + 1, messages[i]));
    }
    return received;
  }

  /** The messages sent to {@code address}, oldest first. */
  public List<Received> messagesTo(String address) {
    return messages().stream()
        .filter(message -> message.to().stream().anyMatch(to -> to.equalsIgnoreCase(address)))
        .toList();
  }

  /** A header field of a received message as the server took it; empty when it has none. */
  public Optional<String> header(Received message, String name) {
    try {
      String[] values = smtp.getReceivedMessages()[message.number() - 1].getHeader(name);
      return values == null || values.length == 0 ? Optional.empty() : Optional.of(values[0]);
    } catch (MessagingException e) {
      return Optional.empty();
    }
  }

  /** Waits up to {@code timeout} for a message to {@code address} whose subject contains text. */
  public Received await(String address, String subjectPart, java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Received> found =
          messagesTo(address).stream()
              .filter(message -> message.subject().contains(subjectPart))
              .reduce((first, second) -> second);
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException(
        "no mail to " + address + " about \"" + subjectPart + "\" within " + timeout);
  }

  private static Received read(int number, MimeMessage message) {
    try {
      List<String> to =
          Arrays.stream(
                  Optional.ofNullable(message.getRecipients(Message.RecipientType.TO))
                      .orElse(new jakarta.mail.Address[0]))
              .map(address -> ((jakarta.mail.internet.InternetAddress) address).getAddress())
              .toList();
      String[] parts = new String[2];
      collect(message, parts);
      String from = message.getFrom() == null ? "" : message.getFrom()[0].toString();
      return new Received(
          number,
          jakarta.mail.internet.MimeUtility.decodeText(from),
          to,
          Optional.ofNullable(message.getSubject()).orElse(""),
          parts[0],
          parts[1]);
    } catch (MessagingException | IOException e) {
      return new Received(number, "", List.of(), "(unreadable: " + e.getMessage() + ")", "", null);
    }
  }

  private static void collect(Part part, String[] texts) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") && texts[0] == null) {
      texts[0] = (String) part.getContent();
    } else if (part.isMimeType("text/html") && texts[1] == null) {
      texts[1] = (String) part.getContent();
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, texts);
      }
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      List<Received> all = messages();
      String page;
      int status = 200;
      String type = "text/html; charset=utf-8";
      if (path.equals("/")) {
        page = list(all);
      } else if (path.matches("/\\d+")) {
        int number = Integer.parseInt(path.substring(1));
        Optional<Received> message =
            all.stream().filter(found -> found.number() == number).findFirst();
        page = message.map(LocalMail::show).orElse("no such message");
        status = message.isPresent() ? 200 : 404;
      } else if (path.matches("/\\d+/html")) {
        int number = Integer.parseInt(path.substring(1, path.indexOf("/html")));
        // The sender's own HTML, shown alone in a sandboxed frame of the message page.
        page =
            all.stream()
                .filter(found -> found.number() == number && found.html() != null)
                .map(Received::html)
                .findFirst()
                .orElse("");
        exchange.getResponseHeaders().set("Content-Security-Policy", "sandbox; script-src 'none'");
      } else {
        page = "not found";
        status = 404;
        type = "text/plain; charset=utf-8";
      }
      byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String list(List<Received> all) {
    StringBuilder rows = new StringBuilder();
    for (int i = all.size() - 1; i >= 0; i--) {
      Received message = all.get(i);
      rows.append("<tr><td>")
          .append(message.number())
          .append("</td><td>")
          .append(escape(String.join(", ", message.to())))
          .append("</td><td><a href=\"/")
          .append(message.number())
          .append("\">")
          .append(escape(message.subject()))
          .append("</a></td><td>")
          .append(escape(message.from()))
          .append("</td></tr>");
    }
    return """
        <!doctype html><html lang="ja"><meta charset="utf-8"><title>Proxima local mail</title>
        <style>body{font-family:sans-serif;margin:2rem}td,th{padding:.3rem .6rem;text-align:left}
        tr:nth-child(even){background:#f4f4f4}</style>
        <h1>Local mail (%d)</h1>
        <p>Every message the platform and Keycloak sent on this machine. Nothing leaves it.</p>
        <table><tr><th>#</th><th>To</th><th>Subject</th><th>From</th></tr>%s</table>
        """
        .formatted(all.size(), rows);
  }

  private static String show(Received message) {
    String body =
        message.html() != null
            ? "<iframe sandbox src=\"/"
                + message.number()
                + "/html\" style=\"width:100%;height:70vh;border:1px solid #ccc\"></iframe>"
            : "";
    return """
        <!doctype html><html lang="ja"><meta charset="utf-8"><title>%s</title>
        <style>body{font-family:sans-serif;margin:2rem}pre{white-space:pre-wrap}</style>
        <p><a href="/">← all mail</a></p><h1>%s</h1><p>From %s · To %s</p>%s
        <h2>Text</h2><pre>%s</pre>
        """
        .formatted(
            escape(message.subject()),
            escape(message.subject()),
            escape(message.from()),
            escape(String.join(", ", message.to())),
            body,
            escape(message.text() == null ? "" : message.text()));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public void close() {
    mailbox.stop(0);
    smtp.stop();
  }
}
