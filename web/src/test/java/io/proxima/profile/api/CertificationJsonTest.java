package io.proxima.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.rest.JsonInput;
import io.proxima.profile.domain.Acquired;
import io.proxima.profile.domain.Certification;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A certification's date on the wire: "2022-04" as before, or a year alone, "2022". */
class CertificationJsonTest {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private static void check(String json, Class<?> type) {
    JsonInput.checkShape(JsonInput.read(json.getBytes(StandardCharsets.UTF_8)), type);
  }

  @Test
  void theApiWritesAMonthOrAYearAsText() {
    String json =
        JSONB.toJson(
            List.of(
                new Certification("応用情報技術者", Acquired.of(YearMonth.of(2015, 10))),
                new Certification("PMP", Acquired.inYear(2021)),
                new Certification("CKA", null)));
    assertThat(json)
        .contains("\"acquired\":\"2015-10\"", "\"acquired\":\"2021\"")
        .doesNotContain("year", "month");
  }

  @Test
  void anEditTakesAMonthOrAYear() {
    String body =
        "{\"certifications\":[{\"name\":\"応用情報技術者\",\"acquired\":\"2015-10\"},"
            + "{\"name\":\"PMP\",\"acquired\":\"2021\"},{\"name\":\"CKA\"}],\"expectedVersion\":3}";
    check(body, ProfileRequests.ProfileEdit.class);
    ProfileRequests.ProfileEdit edit = JSONB.fromJson(body, ProfileRequests.ProfileEdit.class);
    assertThat(edit.certifications())
        .containsExactly(
            new Certification("応用情報技術者", Acquired.of(YearMonth.of(2015, 10))),
            new Certification("PMP", Acquired.inYear(2021)),
            new Certification("CKA", null));
  }

  @Test
  void anythingElseIsA400NamingTheField() {
    for (String refused : List.of("\"2022-4\"", "\"2022年\"", "\"1800\"", "\"soon\"", "2022")) {
      assertThatThrownBy(
              () ->
                  check(
                      "{\"certifications\":[{\"name\":\"PMP\",\"acquired\":\"2021\"},"
                          + "{\"name\":\"CKA\",\"acquired\":"
                          + refused
                          + "}]}",
                      ProfileRequests.ProfileEdit.class))
          .as(refused)
          .isInstanceOf(DomainException.InvalidValue.class)
          .extracting(e -> ((DomainException) e).field())
          .isEqualTo("certifications[1].acquired");
    }
    assertThatThrownBy(
            () ->
                check(
                    "{\"certifications\":[{\"index\":0,\"edited\":{\"name\":\"PMP\","
                        + "\"acquired\":\"2021-13\"}}]}",
                    ProfileRequests.ReviewRequest.class))
        .isInstanceOf(DomainException.InvalidValue.class)
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("certifications[0].edited.acquired");
    check(
        "{\"certifications\":[{\"index\":0,\"edited\":{\"name\":\"PMP\",\"acquired\":\"2021\"}}]}",
        ProfileRequests.ReviewRequest.class);
  }
}
