package io.proxima.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import org.junit.jupiter.api.Test;

class CalendarValuesTest {

  @Test
  void onlyHttpAddressesWithAHostAndNoCredentials() {
    assertThat(CalendarAddress.parse(" https://cal.example.jp/a.ics ").toString())
        .isEqualTo("https://cal.example.jp/a.ics");
    assertThat(CalendarAddress.parse("webcal://cal.example.jp/a.ics").uri().getScheme())
        .isEqualTo("https");
    for (String refused :
        new String[] {
          "file:///etc/passwd",
          "ftp://cal.example.jp/a.ics",
          "jar:file:/x!/y",
          "https:///nohost",
          "https://user:secret@cal.example.jp/a.ics",
          "not a url",
          ""
        }) {
      assertThatThrownBy(() -> CalendarAddress.parse(refused))
          .as(refused)
          .isInstanceOf(DomainException.InvalidValue.class);
    }
  }

  @Test
  void aFeedTokenIsRandomAndOnlyItsHashMatches() {
    FeedToken one = FeedToken.generate();
    FeedToken two = FeedToken.generate();
    assertThat(one.value()).hasSize(43).isNotEqualTo(two.value());
    assertThat(one.hash()).hasSize(32);
    assertThat(one.matches(one.hash())).isTrue();
    assertThat(one.matches(two.hash())).isFalse();
    assertThat(one.toString()).doesNotContain(one.value());
    assertThat(FeedToken.presented(one.value())).contains(one);
    assertThat(FeedToken.presented("../../etc")).isEmpty();
    assertThat(FeedToken.presented(null)).isEmpty();
  }
}
