package io.proxima.live.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LiveTicketsTest {

  private static final byte[] KEY = "a key shared by the cluster".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

  /** The nodes of one cluster share what was used, as ClusterOnce makes them. */
  private static final LiveTickets.Nonces NONCES = LiveTickets.localNonces();

  private static LiveTickets at(Instant instant) {
    return new LiveTickets(KEY, Clock.fixed(instant, ZoneOffset.UTC), NONCES);
  }

  @Test
  void aTicketOpensOneSocketForItsHolder() {
    LiveTickets tickets = at(NOW);
    String ticket = tickets.issue("subject-1", "森 亜紀").ticket();

    assertThat(tickets.redeem(ticket)).contains(new LiveTickets.Holder("subject-1", "森 亜紀"));
    assertThat(tickets.redeem(ticket)).as("used once").isEmpty();
  }

  @Test
  void anotherNodeWithTheSameKeyAcceptsIt() {
    String ticket = at(NOW).issue("subject-1", null).ticket();

    assertThat(at(NOW.plusSeconds(5)).redeem(ticket))
        .contains(new LiveTickets.Holder("subject-1", null));
  }

  @Test
  void aTicketUsedOnOneNodeIsRefusedOnEveryOther() {
    String ticket = at(NOW).issue("subject-1", null).ticket();

    assertThat(at(NOW.plusSeconds(1)).redeem(ticket)).isPresent();
    assertThat(at(NOW.plusSeconds(2)).redeem(ticket)).as("replayed on another node").isEmpty();
  }

  @Test
  void anExpiredTicketIsRefused() {
    String ticket = at(NOW).issue("subject-1", "Aki").ticket();

    assertThat(at(NOW.plus(LiveTickets.LIFETIME)).redeem(ticket)).isEmpty();
    assertThat(at(NOW.plus(LiveTickets.LIFETIME).minus(Duration.ofSeconds(1))).redeem(ticket))
        .isPresent();
  }

  @Test
  void aTicketSignedWithAnotherKeyOrAlteredIsRefused() {
    String foreign =
        new LiveTickets("another key".getBytes(StandardCharsets.UTF_8), Clock.systemUTC(), NONCES)
            .issue("subject-1", "Aki")
            .ticket();
    assertThat(at(NOW).redeem(foreign)).isEmpty();

    String genuine = at(NOW).issue("subject-1", "Aki").ticket();
    String body = genuine.substring(0, genuine.indexOf('.'));
    String forgedBody =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8)
                    .replace("subject-1", "subject-2")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(at(NOW).redeem(forgedBody + genuine.substring(genuine.indexOf('.')))).isEmpty();
  }

  @Test
  void garbageIsRefusedWithoutAnError() {
    LiveTickets tickets = at(NOW);
    assertThat(tickets.redeem(null)).isEmpty();
    assertThat(tickets.redeem("")).isEmpty();
    assertThat(tickets.redeem("no-dot")).isEmpty();
    assertThat(tickets.redeem("%%%.###")).isEmpty();
    assertThat(tickets.redeem(".abc")).isEmpty();
    assertThat(tickets.redeem("x".repeat(5000))).isEmpty();
  }
}
