package io.proxima.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.platform.error.DomainException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemTypesTest {

  @Test
  void everyKindOfDomainFailureHasOneProblemType() {
    assertThat(DomainException.class.getPermittedSubclasses())
        .allSatisfy(
            kind ->
                assertThat(Arrays.stream(kind.getConstructors()))
                    .as("%s is constructed from a message", kind)
                    .anyMatch(
                        c ->
                            c.getParameterCount() == 1
                                && c.getParameterTypes()[0] == String.class));
    assertThat(ProblemTypes.of(new DomainException.NotFound("no such job")).status())
        .isEqualTo(404);
    for (Class<?> kind : DomainException.class.getPermittedSubclasses()) {
      DomainException failure = instance(kind);
      ProblemTypes.ProblemType type = ProblemTypes.of(failure);
      assertThat(type.status()).as("%s", kind).isBetween(400, 599);
      assertThat(type.type()).startsWith("urn:proxima:problem:");
    }
  }

  @Test
  void aProblemKeepsTheMessageAndTheFieldToBlame() {
    Problem problem =
        ProblemTypes.problemOf(
            new DomainException.Conflict("version", "the job changed since you read it"));

    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.type()).isEqualTo("urn:proxima:problem:conflict");
    assertThat(problem.detail()).isEqualTo("the job changed since you read it");
    assertThat(problem.field()).isEqualTo("version");
  }

  @Test
  void unreadableFilesAreUnprocessableContentWithAReasonPhrase() {
    Problem problem = ProblemTypes.problemOf(new DomainException.UnreadableFile("encrypted PDF"));

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.title()).isEqualTo("Unprocessable Content");
  }

  private static DomainException instance(Class<?> kind) {
    try {
      return (DomainException) kind.getConstructor(String.class).newInstance("refused");
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(kind + " cannot be built from a message", e);
    }
  }
}
