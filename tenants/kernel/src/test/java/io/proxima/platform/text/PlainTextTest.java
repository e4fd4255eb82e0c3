package io.proxima.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void whatPeopleTypeIsPlain() {
    for (String text :
        new String[] {"面談のご都合は", "tab\tand\nlines\r\n", "😀👩‍💻", "\u202eright-to-left", ""}) {
      assertThat(PlainText.problem(text)).as(text).isNull();
    }
  }

  @Test
  void controlsAndLoneSurrogatesAreNotAndTheFieldIsNamed() {
    for (String text :
        new String[] {"a\u0000b", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u009b"}) {
      assertThat(PlainText.problem(text)).as(text).startsWith("contains the control character");
    }
    for (String text : new String[] {"a\ud800", "\udc00b", "\udc00\ud800"}) {
      assertThat(PlainText.problem(text)).as(text).isEqualTo("contains a lone surrogate");
    }
    assertThatThrownBy(() -> PlainText.require("a\u0000b", "body"))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessage("body contains the control character U+0000");
    assertThat(PlainText.require(null, "body")).isNull();
  }
}
