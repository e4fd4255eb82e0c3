package io.proxima.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.proxima.platform.error.DomainException;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcquiredTest {

  @Test
  void aMonthOrAYearAloneAndNothingElse() {
    assertThat(Acquired.parse("2022-04")).isEqualTo(Acquired.of(YearMonth.of(2022, 4)));
    assertThat(Acquired.parse("2022-04").toString()).isEqualTo("2022-04");
    assertThat(Acquired.parse("2022")).isEqualTo(Acquired.inYear(2022));
    assertThat(Acquired.parse("2022").toString()).isEqualTo("2022");
    assertThat(Acquired.parse("2022").yearOnly()).isTrue();
    assertThat(Acquired.parse("1950-01").toString()).isEqualTo("1950-01");
    for (String refused :
        List.of(
            "",
            " 2022",
            "2022-4",
            "2022-13",
            "2022-00",
            "2022-04-01",
            "22",
            "2022年",
            "R4",
            "abcd",
            "1949",
            String.valueOf(Year.now().getValue() + 2),
            "+2022-04")) {
      assertThatThrownBy(() -> Acquired.parse(refused))
          .as(refused)
          .isInstanceOf(DomainException.InvalidValue.class);
    }
    assertThatThrownBy(() -> Acquired.parse(null)).isInstanceOf(DomainException.InvalidValue.class);
    // An exam passed at the turn of the year may already be dated in the next one.
    assertThat(Acquired.inYear(Year.now().getValue() + 1).year())
        .isEqualTo(Year.now().getValue() + 1);
  }

  @Test
  void aYearAloneSortsBeforeTheMonthsOfItsYear() {
    List<Acquired> dates =
        new ArrayList<>(
            List.of(
                Acquired.parse("2023-01"),
                Acquired.parse("2022-04"),
                Acquired.parse("2022"),
                Acquired.parse("2021-12"),
                Acquired.parse("2022-01")));
    Collections.sort(dates);
    assertThat(dates)
        .extracting(Acquired::toString)
        .containsExactly("2021-12", "2022", "2022-01", "2022-04", "2023-01");
  }

  @Test
  void storedDraftsKeepTheTextTheyAlwaysHad() throws Exception {
    // Drafts are stored by Jackson (JsonColumns): "2015-10" as YearMonth wrote it, now or "2015".
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    Certification month = new Certification("応用情報技術者", Acquired.of(YearMonth.of(2015, 10)));
    Certification year = new Certification("PMP", Acquired.inYear(2021));
    assertThat(mapper.writeValueAsString(month))
        .isEqualTo("{\"name\":\"応用情報技術者\",\"acquired\":\"2015-10\"}");
    assertThat(mapper.writeValueAsString(year))
        .isEqualTo("{\"name\":\"PMP\",\"acquired\":\"2021\"}");
    assertThat(
            mapper.readValue(
                "{\"name\":\"応用情報技術者\",\"acquired\":\"2015-10\"}", Certification.class))
        .isEqualTo(month);
    assertThat(mapper.readValue("{\"name\":\"PMP\",\"acquired\":\"2021\"}", Certification.class))
        .isEqualTo(year);
    assertThat(mapper.readValue("{\"name\":\"PMP\",\"acquired\":null}", Certification.class))
        .isEqualTo(new Certification("PMP", null));
    // A month any YearMonth could be, stored before the bounds, leaves the draft readable.
    assertThat(mapper.readValue("{\"name\":\"PMP\",\"acquired\":\"2099-04\"}", Certification.class))
        .isEqualTo(new Certification("PMP", null));
    assertThatThrownBy(
            () ->
                mapper.readValue("{\"name\":\"PMP\",\"acquired\":\"April\"}", Certification.class))
        .hasRootCauseInstanceOf(DomainException.InvalidValue.class);
  }
}
