package io.proxima.availability.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityRepository.BoardEntry;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.RateBand;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillCategory;
import io.proxima.profile.infrastructure.JpaProfileRepository;
import io.proxima.profile.infrastructure.PortableProfileDocuments;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Consent;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaConsentRepository;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Availability in a real PostgreSQL, as the real-time entity and the boards use it. */
class JpaAvailabilityRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaAvailabilityRepository availabilities =
      new JpaAvailabilityRepository(kit.entityManager());
  private final String me = "freelancer-" + UUID.randomUUID();

  @Test
  void eachChangeIsStoredAtTheNextVersionAndReadBackWhole() {
    Availability first =
        Availability.next(
            null,
            new Availability.Change(
                AvailabilityStatus.AVAILABLE_FROM,
                LocalDate.of(2027, 1, 4),
                3,
                8,
                WorkStyle.HYBRID,
                new RateBand(60, 80),
                " 週3から "),
            0L,
            NOW);
    assertThat(kit.in(self(me), () -> availabilities.store(me, first))).isTrue();
    assertThat(kit.in(self(me), () -> availabilities.find(me))).contains(first);

    Availability second = Availability.next(first, unavailable(), 1L, NOW.plusSeconds(60));
    assertThat(kit.in(self(me), () -> availabilities.store(me, second))).isTrue();
    Availability read = kit.in(self(me), () -> availabilities.find(me)).orElseThrow();
    assertThat(read).isEqualTo(second);
    assertThat(read.version()).isEqualTo(2);
    assertThat(read.rate()).isNull();
    assertThat(read.note()).isNull();
    assertThat(kit.in(self(me), () -> availabilities.find("nobody-" + UUID.randomUUID())))
        .isEmpty();
  }

  @Test
  void aVersionAlreadyTakenIsRefusedAndChangesNothing() {
    Availability first = Availability.next(null, available(5), 0L, NOW);
    kit.in(self(me), () -> availabilities.store(me, first));
    Availability second = Availability.next(first, available(4), 1L, NOW.plusSeconds(1));
    kit.in(self(me), () -> availabilities.store(me, second));

    // A second incarnation of the entity still at version 1 writes its own version 2.
    Availability stale = Availability.next(first, available(2), 1L, NOW.plusSeconds(2));
    assertThat(kit.in(self(me), () -> availabilities.store(me, stale))).isFalse();
    // And a first version again: the row exists.
    assertThat(kit.in(self(me), () -> availabilities.store(me, first))).isFalse();
    // A version from the future is no follower either.
    Availability skipping =
        new Availability(
            AvailabilityStatus.AVAILABLE, null, 1, 1, WorkStyle.REMOTE, null, null, NOW, 9);
    assertThat(kit.in(self(me), () -> availabilities.store(me, skipping))).isFalse();

    assertThat(kit.in(self(me), () -> availabilities.find(me))).contains(second);
  }

  @Test
  void nobodyButTheFreelancerWritesTheirAvailability() {
    Availability first = Availability.next(null, available(5), 0L, NOW);
    assertThatThrownBy(() -> kit.in(self("someone-else"), () -> availabilities.store(me, first)))
        .isInstanceOf(RuntimeException.class);
    assertThat(kit.in(self(me), () -> availabilities.find(me))).isEmpty();
  }

  @Test
  void aTenantsBoardShowsOnlyTheFreelancersSharingWithIt() {
    String other = "freelancer-" + UUID.randomUUID();
    String silent = "freelancer-" + UUID.randomUUID();
    Tenant agency = registerTenant();
    Tenant rival = registerTenant();
    JpaConsentRepository consents = new JpaConsentRepository(kit.entityManager());
    Availability mine = Availability.next(null, available(5), 0L, NOW);
    kit.in(self(me), () -> availabilities.store(me, mine));
    kit.in(self(me), () -> consents.store(Consent.give(me, agency.id(), NOW)));
    JpaProfileRepository profiles =
        new JpaProfileRepository(
            kit.entityManager(), new PortableProfileDocuments(Optional.empty()), kit.vault());
    kit.in(
        self(me),
        () ->
            profiles.store(
                Profile.empty(me)
                    .revise(
                        new Profile(
                            me,
                            "山田",
                            "SRE",
                            null,
                            List.of(
                                new Skill("Go", SkillCategory.LANGUAGE, null, null),
                                new Skill("Kubernetes", SkillCategory.CLOUD, null, null)),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            0),
                        0,
                        NOW)));
    kit.in(
        self(other),
        () -> availabilities.store(other, Availability.next(null, available(3), 0L, NOW)));
    kit.in(self(other), () -> consents.store(Consent.give(other, rival.id(), NOW)));
    kit.in(self(silent), () -> consents.store(Consent.give(silent, agency.id(), NOW)));

    List<BoardEntry> board = kit.in(staff(agency), availabilities::boardOfCurrentTenant);

    assertThat(board).extracting(BoardEntry::freelancerSubject).containsExactly(me, silent);
    BoardEntry entry = board.get(0);
    assertThat(entry.availability()).isEqualTo(mine);
    assertThat(entry.title()).isEqualTo("SRE");
    assertThat(entry.skills()).containsExactly("Go", "Kubernetes");
    assertThat(board.get(1).availability()).isNull();
    assertThat(board.get(1).skills()).isEmpty();
    // The rival tenant's board has none of the agency's freelancers, and reads no availability.
    assertThat(kit.in(staff(rival), availabilities::boardOfCurrentTenant))
        .extracting(BoardEntry::freelancerSubject)
        .containsExactly(other);
    assertThat(kit.in(staff(rival), () -> availabilities.find(me))).isEmpty();
    assertThat(kit.in(staff(agency), () -> availabilities.find(me))).contains(mine);
  }

  @Test
  void aLargeBoardIsReadInKeysetPagesOfTheTenantsOwnFreelancersOnly() {
    Tenant agency = registerTenant();
    Tenant rival = registerTenant();
    JpaConsentRepository consents = new JpaConsentRepository(kit.entityManager());
    List<String> sharing = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String freelancer = "freelancer-" + UUID.randomUUID();
      sharing.add(freelancer);
      kit.in(self(freelancer), () -> consents.store(Consent.give(freelancer, agency.id(), NOW)));
    }
    String elsewhere = "freelancer-" + UUID.randomUUID();
    kit.in(self(elsewhere), () -> consents.store(Consent.give(elsewhere, rival.id(), NOW)));

    List<String> read = new java.util.ArrayList<>();
    String after = null;
    List<Integer> sizes = new java.util.ArrayList<>();
    while (true) {
      String from = after;
      List<BoardEntry> page =
          kit.in(staff(agency), () -> availabilities.boardPageOfCurrentTenant(from, 3));
      sizes.add(page.size());
      page.forEach(entry -> read.add(entry.freelancerSubject()));
      if (page.size() < 3) {
        break;
      }
      after = page.get(page.size() - 1).freelancerSubject();
    }

    assertThat(sizes).containsExactly(3, 3, 1);
    assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sharing);
    assertThat(kit.in(staff(rival), () -> availabilities.boardPageOfCurrentTenant(null, 3)))
        .extracting(BoardEntry::freelancerSubject)
        .containsExactly(elsewhere);
  }

  private static Availability.Change available(int daysPerWeek) {
    return new Availability.Change(
        AvailabilityStatus.AVAILABLE, null, daysPerWeek, 8, WorkStyle.REMOTE, null, null);
  }

  private static Availability.Change unavailable() {
    return new Availability.Change(
        AvailabilityStatus.UNAVAILABLE, null, 5, 8, WorkStyle.ON_SITE, null, "");
  }

  private static TenancyContext self(String subject) {
    return TenancyContext.self(subject);
  }

  private static TenancyContext staff(Tenant tenant) {
    return TenancyContext.tenant(tenant.id(), tenant.slug().value(), "recruiter");
  }

  private Tenant registerTenant() {
    String slug = "t" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        Tenant.register(
            new TenantSlug(slug), TenantType.AGENCY, Branding.named(slug), Plan.FREE, NOW);
    kit.in(
        TenancyContext.platform("console-admin"),
        () -> new JpaTenantRepository(kit.entityManager()).store(tenant));
    return tenant;
  }
}
