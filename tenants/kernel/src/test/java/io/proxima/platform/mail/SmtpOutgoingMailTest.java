package io.proxima.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.local.LocalMail;
import io.proxima.local.LocalStack;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real SMTP server (GreenMail, as the run command starts it). */
class SmtpOutgoingMailTest {

  private static LocalMail server;

  @BeforeAll
  static void start() {
    server = LocalMail.start(0, 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static SmtpOutgoingMail sender(Optional<String> host, int port) {
    return new SmtpOutgoingMail(
        host, port, Optional.empty(), Optional.empty(), false, "no-reply@proxima.localhost");
  }

  @Test
  void aMessageArrivesWithJapaneseSubjectBothBodiesAndTheTenantAsSender() {
    sender(Optional.of(server.smtpHost()), server.smtpPort())
        .send(
            new Mail(
                "sato@example.jp",
                "佐藤 花子",
                "さくらテック & Co.",
                "さくらテックへの招待",
                "佐藤 花子 様\nhttps://portal.example/t/sakura/join#token=abc",
                "<p>佐藤 花子 様</p><a href=\"https://portal.example/t/sakura/join#token=abc\">参加</a>"));

    LocalMail.Received received =
        server.await("sato@example.jp", "さくらテック", java.time.Duration.ofSeconds(5));
    assertThat(received.subject()).isEqualTo("さくらテックへの招待");
    assertThat(received.from()).contains("さくらテック & Co.").contains("no-reply@proxima.localhost");
    assertThat(received.text()).contains("佐藤 花子 様");
    assertThat(received.html()).contains("<p>佐藤 花子 様</p>");
    assertThat(received.link("https://portal.example/"))
        .contains("https://portal.example/t/sakura/join#token=abc");
  }

  @Test
  void withoutAServerConfiguredNothingIsClaimedSent() {
    assertThatThrownBy(
            () ->
                sender(Optional.empty(), 25)
                    .send(new Mail("a@example.jp", null, null, "s", "t", null)))
        .isInstanceOf(OutgoingMail.MailNotSent.class)
        .hasMessageContaining("no mail server");
  }

  @Test
  void aServerThatIsDownIsAnErrorNotASilentLoss() {
    int closed = LocalStack.freePort();
    assertThatThrownBy(
            () ->
                sender(Optional.of("127.0.0.1"), closed)
                    .send(new Mail("b@example.jp", null, null, "s", "t", null)))
        .isInstanceOf(OutgoingMail.MailNotSent.class);
    assertThat(server.messagesTo("b@example.jp")).isEqualTo(List.of());
  }
}
