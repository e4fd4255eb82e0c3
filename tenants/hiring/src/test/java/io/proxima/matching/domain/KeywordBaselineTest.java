package io.proxima.matching.domain;

import static io.proxima.matching.domain.Fixtures.candidate;
import static io.proxima.matching.domain.Fixtures.javaJob;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordBaselineTest {

  @Test
  void latinWordsAreLowerCasedAndJapaneseRunsBecomeBigrams() {
    assertThat(Terms.of("Ｊａｖａ開発 Next.js. 常駐")).containsExactly("java", "開発", "next.js", "常駐");
    assertThat(Terms.of("基幹システム")).containsExactly("基幹", "幹シ", "シス", "ステ", "テム");
  }

  @Test
  void ranksByTermOverlapAndKnowsNothingOfImpliedSkills() {
    JobOpening job = javaJob("J1", List.of(SkillNeed.of("Java")), List.of());
    Candidate saysJava = candidate("A", Map.of("Java", 1.0), null);
    Candidate saysSpringBoot = candidate("B", Map.of("Spring Boot", 10.0), null);
    Candidate saysNothing = candidate("C", Map.of("COBOL", 10.0), null);

    List<KeywordBaseline.Hit> hits =
        new KeywordBaseline()
            .rankCandidates(job, List.of(saysNothing, saysSpringBoot, saysJava), 3);

    // "Spring Boot" appears in the job's description, so B shares words with it; A shares "java".
    assertThat(hits).extracting(KeywordBaseline.Hit::id).startsWith("A").endsWith("C");
    assertThat(hits.get(2).score()).isZero();
  }
}
