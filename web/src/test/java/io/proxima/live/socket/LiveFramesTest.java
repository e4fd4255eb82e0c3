package io.proxima.live.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import io.proxima.realtime.live.LiveEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveFramesTest {

  private static void refused(String socket, String frame, String naming) {
    assertThatThrownBy(() -> LiveFrames.parse(socket, frame))
        .as(frame)
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining(naming);
  }

  @Test
  void declaredFramesParseIntoTypedFields() {
    LiveFrames.ClientFrame send =
        LiveFrames.parse(
            LiveProtocol.CHAT,
            "{\"type\":\"send\",\"with\":\"f-1\",\"clientMessageId\":\"c1\",\"body\":\"😀\",\"x\":1}");
    assertThat(send.text("body")).isEqualTo("😀");
    assertThat(
            LiveFrames.parse(
                    LiveProtocol.CHAT, "{\"type\":\"read\",\"with\":\"a\",\"upToSeq\":7.0}")
                .number("upToSeq"))
        .isEqualTo(7);
    LiveFrames.ClientFrame filter =
        LiveFrames.parse(
            LiveProtocol.BOARD,
            "{\"type\":\"filter\",\"statuses\":[\"AVAILABLE\"],\"minDaysPerWeek\":3}");
    assertThat(filter.names("statuses")).isEqualTo(List.of("AVAILABLE"));
    assertThat(filter.names("workStyles")).isEmpty();
    assertThat(filter.optionalNumber("maxRateManYen")).isNull();
  }

  @Test
  void whatTravelsForTheBoardsDecisionIsNotPartOfTheFrame() {
    Availability before =
        new Availability(
            AvailabilityStatus.AVAILABLE,
            null,
            5,
            8,
            WorkStyle.REMOTE,
            null,
            "前",
            Instant.EPOCH,
            1);
    Availability now =
        new Availability(
            AvailabilityStatus.UNAVAILABLE,
            null,
            1,
            1,
            WorkStyle.REMOTE,
            null,
            "今",
            Instant.EPOCH,
            2);

    String changed =
        LiveFrames.frame("availability", new LiveEvent.AvailabilityChanged("f-1", now, before))
            .apply(3L);
    assertThat(changed).startsWith("{\"seq\":3,\"type\":\"availability\"");
    assertThat(changed).contains("今").doesNotContain("前").doesNotContain("previous");

    String presence =
        LiveFrames.frame(
                "presence", new LiveEvent.PresenceChanged("f-1", true, 2, Instant.EPOCH, before))
            .apply(4L);
    assertThat(presence).contains("\"online\":true").contains("\"devices\":2");
    assertThat(presence).doesNotContain("前").doesNotContain("availability\"");
  }

  @Test
  void hostileValuesAreRefusedNamingTheField() {
    String chat = LiveProtocol.CHAT;
    refused(
        chat,
        "{\"type\":\"send\",\"with\":\"f\",\"clientMessageId\":\"c\",\"body\":\"a\\u0000\"}",
        "body");
    refused(chat, "{\"type\":\"typing\",\"with\":\"\\ud800\",\"typing\":true}", "with");
    refused(chat, "{\"type\":\"typing\",\"with\":\"f\",\"typing\":\"yes\"}", "typing");
    for (String number :
        List.of("9223372036854775808", "-1", "1e308", "0.5", "\"7\"", "9".repeat(400), "null")) {
      refused(chat, "{\"type\":\"read\",\"with\":\"f\",\"upToSeq\":" + number + "}", "upToSeq");
    }
    refused(
        LiveProtocol.BOARD,
        "{\"type\":\"filter\",\"minDaysPerWeek\":4294967299}",
        "minDaysPerWeek");
    refused(LiveProtocol.BOARD, "{\"type\":\"filter\",\"statuses\":[\"A\\u0000\"]}", "statuses");
    refused(LiveProtocol.BOARD, "{\"type\":\"filter\",\"statuses\":\"AVAILABLE\"}", "statuses");
  }

  @Test
  void framesThatAreNotDeclaredOrNotFlatAreRefused() {
    refused(LiveProtocol.BOARD, "{\"type\":\"send\"}", "unknown frame type");
    refused(LiveProtocol.CHAT, "{\"type\":1}", "\"type\"");
    refused(LiveProtocol.CHAT, "[".repeat(3000) + "]".repeat(3000), "flat");
    refused(LiveProtocol.CHAT, "{\"type\":\"ping\"", "JSON");
    assertThat(LiveFrames.depth("{\"a\":\"[[[[[[{{{\"}")).isEqualTo(1);
  }
}
