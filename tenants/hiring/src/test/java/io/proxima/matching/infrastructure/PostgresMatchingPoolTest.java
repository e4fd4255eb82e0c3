package io.proxima.matching.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.matching.application.MatchingPool.PooledCandidate;
import io.proxima.matching.application.MatchingPool.Retrieval;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.tenancy.domain.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retrieval of a job's pool in a real PostgreSQL: by skill coverage, not by recency. */
class PostgresMatchingPoolTest {

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final MatchingTestRows rows = new MatchingTestRows(kit);
  private final PostgresMatchingPool pool = new PostgresMatchingPool(kit.entityManager());
  private final String must = "Must" + UUID.randomUUID().toString().substring(0, 8);
  private final String nice = "Nice" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aLongUnchangedProfileCoveringTheMustHaveOutranksNewerOnesListingOnlyANiceToHave() {
    Tenant agency = rows.register();
    for (int i = 0; i < 5; i++) {
      rows.card(
          agency,
          "recent-" + i,
          "エンジニア",
          new String[] {nice},
          MatchingTestRows.NOW.minus(Duration.ofDays(i)));
    }
    rows.card(
        agency,
        "veteran",
        "エンジニア",
        new String[] {must, nice},
        MatchingTestRows.NOW.minus(Duration.ofDays(700)));
    rows.card(
        agency,
        "must-only",
        "エンジニア",
        new String[] {must},
        MatchingTestRows.NOW.minus(Duration.ofDays(400)));
    rows.card(agency, "unrelated", "エンジニア", new String[] {"COBOL"}, MatchingTestRows.NOW);

    List<String> found =
        ids(
            rows.in(
                agency,
                () ->
                    pool.sharingWithTenant(
                        new Retrieval(Set.of(must), Set.of(must, nice), "案件"), 3)));

    assertThat(found).containsExactly("veteran", "must-only", "recent-0");
  }

  @Test
  void anotherTenantsFreelancersAreNeverRetrieved() {
    Tenant agency = rows.register();
    Tenant other = rows.register();
    rows.card(agency, "mine", "エンジニア", new String[] {must}, MatchingTestRows.NOW);
    rows.card(other, "theirs", "エンジニア", new String[] {must, nice}, MatchingTestRows.NOW);

    assertThat(
            ids(
                rows.in(
                    agency,
                    () ->
                        pool.sharingWithTenant(
                            new Retrieval(Set.of(must), Set.of(must, nice), ""), 50))))
        .containsExactly("mine");
  }

  @Test
  void aJobAskingForNoSkillReachesEverySharingFreelancerBestTextMatchFirst() {
    Tenant agency = rows.register();
    String word = "word" + UUID.randomUUID().toString().substring(0, 8);
    rows.card(agency, "newer", "plain", new String[] {"COBOL"}, MatchingTestRows.NOW);
    rows.card(
        agency,
        "matching",
        word + " engineer",
        new String[] {},
        MatchingTestRows.NOW.minus(Duration.ofDays(300)));

    assertThat(
            ids(
                rows.in(
                    agency,
                    () ->
                        pool.sharingWithTenant(
                            new Retrieval(Set.of(), Set.of(), word + " の案件"), 50))))
        .containsExactly("matching", "newer");
  }

  private static List<String> ids(List<PooledCandidate> pooled) {
    return pooled.stream().map(p -> p.candidate().freelancerId()).toList();
  }
}
