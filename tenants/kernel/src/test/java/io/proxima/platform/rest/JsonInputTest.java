package io.proxima.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import jakarta.json.JsonValue;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonInputTest {

  enum Color {
    RED,
    GREEN
  }

  record Line(String description, BigDecimal quantity, long unitPriceYen) {}

  record Body(
      String title,
      int days,
      Integer rate,
      boolean remote,
      UUID jobId,
      LocalDate start,
      Color color,
      List<Line> lines) {}

  /** A value object JSON-B reads from text, like a certification's "2022-04" or "2022". */
  @JsonbTypeAdapter(Year.Text.class)
  record Year(int value) {
    Year {
      if (value < 1950) {
        throw new DomainException.InvalidValue("a year like 2022");
      }
    }

    public static final class Text implements JsonbAdapter<Year, String> {
      @Override
      public String adaptToJson(Year year) {
        return String.valueOf(year.value());
      }

      @Override
      public Year adaptFromJson(String text) {
        return new Year(Integer.parseInt(text));
      }
    }
  }

  record Dated(List<Year> years) {}

  private static JsonValue read(String json) {
    return JsonInput.read(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void refused(String json, String field) {
    assertThatThrownBy(() -> JsonInput.checkShape(read(json), Body.class))
        .isInstanceOf(DomainException.InvalidValue.class)
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo(field);
  }

  @Test
  void controlsAndLoneSurrogatesAreRefusedWhereverTheyAre() {
    refused("{\"title\":\"a\\u0000b\"}", "title");
    refused("{\"title\":\"a\\u001bb\"}", "title");
    refused("{\"title\":\"a\\ud800b\"}", "title");
    refused("{\"title\":\"\\udc00\"}", "title");
    refused(
        "{\"lines\":[{\"description\":\"ok\"},{\"description\":\"a\\u0000\"}]}",
        "lines[1].description");
    refused("{\"a\\u0000\":1}", "a\u0000");
    // TAB, LF, CR, C1 controls, bidi marks and whole surrogate pairs are text.
    JsonInput.checkShape(read("{\"title\":\"a\\tb\\nc\\r\\u0085\\u202e😀\"}"), Body.class);
  }

  @Test
  void depthDuplicatesAndMalformedBodiesAreRefusedNamingWhere() {
    String deep = "{\"lines\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    assertThatThrownBy(() -> read(deep))
        .isInstanceOf(DomainException.InvalidValue.class)
        .extracting(e -> ((DomainException) e).field())
        .asString()
        .startsWith("lines[0][0]");
    refused("{\"title\":\"a\",\"title\":\"b\"}", "title");
    refused("{\"title\":", "title");
  }

  @Test
  void eachMemberMustHaveTheShapeItsTypeTakes() {
    refused("{\"title\":{\"a\":1}}", "title");
    refused("{\"days\":[1]}", "days");
    refused("{\"days\":null}", "days");
    refused("{\"days\":0.5}", "days");
    refused("{\"days\":9223372036854775808}", "days");
    refused("{\"rate\":1e999999999}", "rate");
    refused("{\"remote\":\"yes\"}", "remote");
    refused("{\"jobId\":\"not-a-uuid\"}", "jobId");
    refused("{\"start\":\"2026-02-30\"}", "start");
    refused("{\"color\":\"BLUE\"}", "color");
    refused("{\"lines\":[{\"quantity\":\"1e30\"}]}", "lines[0].quantity");
    refused("{\"lines\":[{\"quantity\":1e308}]}", "lines[0].quantity");
    refused("{\"lines\":[{\"unitPriceYen\":" + "9".repeat(400) + "}]}", "lines[0].unitPriceYen");
    refused("{\"lines\":{\"a\":1}}", "lines");
    JsonInput.checkShape(
        read(
            "{\"title\":\"t\",\"days\":3,\"rate\":\"700000\",\"remote\":true,\"jobId\":\""
                + UUID.randomUUID()
                + "\",\"start\":\"2026-12-01\",\"color\":\"RED\",\"lines\":[{\"quantity\":\"1.5\","
                + "\"unitPriceYen\":1000}],\"unknown\":{\"x\":[1]}}"),
        Body.class);
  }

  @Test
  void aTypeReadThroughATextAdapterIsAStringTheAdapterTakes() {
    JsonInput.checkShape(read("{\"years\":[\"2022\",\"1999\"]}"), Dated.class);
    for (String refused :
        List.of("{\"years\":[\"2022\",\"1900\"]}", "{\"years\":[\"2022\",\"x\"]}")) {
      assertThatThrownBy(() -> JsonInput.checkShape(read(refused), Dated.class))
          .isInstanceOf(DomainException.InvalidValue.class)
          .extracting(e -> ((DomainException) e).field())
          .isEqualTo("years[1]");
    }
    assertThatThrownBy(
            () -> JsonInput.checkShape(read("{\"years\":[{\"value\":2022}]}"), Dated.class))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("must be a string");
    assertThatThrownBy(() -> JsonInput.checkShape(read("{\"years\":[\"1900\"]}"), Dated.class))
        .hasMessage("years[0]: a year like 2022");
  }

  @Test
  void storableTextAllowsEverythingButControlsAndHalfPairs() {
    assertThat(JsonInput.refusedCharacter("株式会社 😀\t\n")).isEqualTo(-1);
    assertThat(JsonInput.refusedCharacter("ab\u0000")).isEqualTo(2);
    assertThat(JsonInput.refusedCharacter("\ud83d")).isZero();
  }
}
