package io.proxima.calendar.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.calendar.domain.BusyBlock;
import io.proxima.calendar.domain.BusyInterval;
import io.proxima.calendar.domain.CalendarAddress;
import io.proxima.calendar.domain.CalendarRepository;
import io.proxima.calendar.domain.CalendarSource;
import io.proxima.calendar.domain.FeedToken;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Feeds, calendar sources and busy time in a real PostgreSQL, as the application role. */
class JpaCalendarRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(3600);
  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaCalendarRepository calendars = new JpaCalendarRepository(kit.entityManager());
  private final String me = "freelancer-" + UUID.randomUUID();
  private final String other = "freelancer-" + UUID.randomUUID();

  @Test
  void aFeedIsStoredRotatedFoundByItsTokenAndDeleted() {
    FeedToken first = FeedToken.generate();
    FeedToken second = FeedToken.generate();
    kit.in(self(me), () -> calendars.storeFeed(me, first.hash(), NOW));

    assertThat(kit.in(self(me), () -> calendars.feedHash(me))).hasValueSatisfying(first::matches);
    assertThat(kit.in(TenancyContext.anonymous(), () -> calendars.feedOwner(first.hash())))
        .contains(me);

    kit.in(self(me), () -> calendars.storeFeed(me, second.hash(), LATER));
    assertThat(kit.in(self(me), () -> calendars.feedHash(me))).hasValueSatisfying(second::matches);
    assertThat(kit.in(TenancyContext.anonymous(), () -> calendars.feedOwner(first.hash())))
        .isEmpty();
    assertThat(kit.in(TenancyContext.anonymous(), () -> calendars.feedOwner(second.hash())))
        .contains(me);

    assertThat(kit.in(self(me), () -> calendars.deleteFeed(me))).isTrue();
    assertThat(kit.in(self(me), () -> calendars.deleteFeed(me))).isFalse();
    assertThat(kit.in(self(me), () -> calendars.feedHash(me))).isEmpty();
  }

  @Test
  void anotherFreelancerOrATenantSeesNothingOfSomeonesCalendars() {
    FeedToken token = FeedToken.generate();
    kit.in(self(me), () -> calendars.storeFeed(me, token.hash(), NOW));
    CalendarSource source = addSource(me, "https://cal.example.jp/mine.ics");
    kit.in(self(me), () -> calendars.replaceBusy(source.id(), me, List.of(block(1, 2)), NOW));
    Tenant tenant = registerTenant();
    TenancyContext staff = TenancyContext.tenant(tenant.id(), tenant.slug().value(), "recruiter");

    for (TenancyContext outsider : List.of(self(other), staff)) {
      kit.in(
          outsider,
          () -> {
            assertThat(calendars.feedHash(me)).isEmpty();
            assertThat(calendars.sources(me)).isEmpty();
            assertThat(calendars.source(source.id())).isEmpty();
            assertThat(calendars.busy(me, NOW.minusSeconds(86_400))).isEmpty();
            assertThat(calendars.busyChangedAt(me)).isEmpty();
            assertThat(calendars.removeSource(source.id())).isFalse();
            assertThat(calendars.deleteFeed(me)).isFalse();
          });
    }
    assertThat(kit.in(self(me), () -> calendars.sources(me)))
        .extracting(CalendarSource::id)
        .containsExactly(source.id());
  }

  @Test
  void aSourceIsAddedOnceListedAndRemovedWithItsBusyTime() {
    CalendarSource first = addSource(me, "https://cal.example.jp/a.ics");
    CalendarSource second = addSource(me, "https://cal.example.jp/b.ics");
    CalendarSource again =
        CalendarSource.register(
            me, CalendarAddress.parse("https://cal.example.jp/a.ics"), null, LATER);

    assertThat(kit.in(self(me), () -> calendars.addSource(again))).isFalse();
    List<CalendarSource> listed = kit.in(self(me), () -> calendars.sources(me));
    assertThat(listed).extracting(CalendarSource::id).containsExactly(first.id(), second.id());
    assertThat(listed.get(0).label()).isEqualTo("work");
    assertThat(listed.get(0).address().uri().toString()).isEqualTo("https://cal.example.jp/a.ics");
    assertThat(listed.get(0).refreshedAt()).isNull();

    kit.in(self(me), () -> calendars.replaceBusy(first.id(), me, List.of(block(1, 2)), NOW));
    assertThat(kit.in(self(me), () -> calendars.removeSource(first.id()))).isTrue();
    assertThat(kit.in(self(me), () -> calendars.source(first.id()))).isEmpty();
    assertThat(kit.in(self(me), () -> calendars.busy(me, NOW.minusSeconds(86_400)))).isEmpty();
    assertThat(kit.in(self(me), () -> calendars.removeSource(first.id()))).isFalse();
  }

  @Test
  void busyTimeFoundAgainKeepsItsImportTimeAndOnlyChangesMoveTheChangeTime() {
    CalendarSource source = addSource(me, "https://cal.example.jp/work.ics");
    BusyInterval kept = block(24, 48);
    BusyInterval dropped = block(2, 3);
    kit.in(self(me), () -> calendars.replaceBusy(source.id(), me, List.of(dropped, kept), NOW));
    assertThat(kit.in(self(me), () -> calendars.busyChangedAt(me))).contains(NOW);

    BusyInterval added = block(72, 96);
    kit.in(self(me), () -> calendars.replaceBusy(source.id(), me, List.of(kept, added), LATER));

    List<BusyBlock> busy = kit.in(self(me), () -> calendars.busy(me, NOW));
    assertThat(busy).extracting(BusyBlock::interval).containsExactly(kept, added);
    assertThat(busy).extracting(BusyBlock::importedAt).containsExactly(NOW, LATER);
    assertThat(busy).extracting(BusyBlock::sourceId).containsOnly(source.id());
    assertThat(kit.in(self(me), () -> calendars.busyChangedAt(me))).contains(LATER);

    Instant unchanged = LATER.plusSeconds(3600);
    kit.in(self(me), () -> calendars.replaceBusy(source.id(), me, List.of(kept, added), unchanged));
    assertThat(kit.in(self(me), () -> calendars.busyChangedAt(me))).contains(LATER);
    assertThat(kit.in(self(me), () -> calendars.source(source.id())))
        .get()
        .extracting(CalendarSource::refreshedAt)
        .isEqualTo(unchanged);
    // Only blocks still ending after "from" are read.
    assertThat(kit.in(self(me), () -> calendars.busy(me, NOW.plusSeconds(80 * 3600))))
        .extracting(BusyBlock::interval)
        .containsExactly(added);

    kit.in(self(me), () -> calendars.replaceBusy(source.id(), me, List.of(), unchanged));
    assertThat(kit.in(self(me), () -> calendars.busy(me, NOW))).isEmpty();
    assertThat(kit.in(self(me), () -> calendars.busyChangedAt(me))).contains(unchanged);
  }

  @Test
  void aFailedRefreshIsNotedAndClearedByTheNextGoodOne() {
    CalendarSource source = addSource(me, "https://cal.example.jp/flaky.ics");
    kit.in(self(me), () -> calendars.refreshFailed(source.id(), "x".repeat(600), NOW));
    CalendarSource failed = kit.in(self(me), () -> calendars.source(source.id())).orElseThrow();
    assertThat(failed.lastError()).hasSize(CalendarSource.ERROR_LIMIT);
    assertThat(failed.refreshedAt()).isEqualTo(NOW);

    kit.in(self(me), () -> calendars.replaceBusy(source.id(), me, List.of(), LATER));
    CalendarSource good = kit.in(self(me), () -> calendars.source(source.id())).orElseThrow();
    assertThat(good.lastError()).isNull();
    assertThat(good.refreshedAt()).isEqualTo(LATER);
  }

  @Test
  void theRefreshListsDueSourcesOfEveryOwnerTheLongestWaitingFirst() {
    CalendarSource never = addSource(me, "https://cal.example.jp/never.ics");
    CalendarSource old = addSource(other, "https://cal.example.jp/old.ics");
    CalendarSource fresh = addSource(other, "https://cal.example.jp/fresh.ics");
    Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
    kit.in(self(other), () -> calendars.replaceBusy(old.id(), other, List.of(), longAgo));
    kit.in(self(other), () -> calendars.replaceBusy(fresh.id(), other, List.of(), NOW));

    List<CalendarRepository.Due> due =
        kit.in(
            TenancyContext.platform("calendar-refresh"),
            () -> calendars.sourcesDue(longAgo.plusSeconds(1), 10_000));

    List<UUID> ids = due.stream().map(CalendarRepository.Due::sourceId).toList();
    assertThat(ids).contains(never.id(), old.id()).doesNotContain(fresh.id());
    assertThat(ids.indexOf(never.id())).isLessThan(ids.indexOf(old.id()));
    assertThat(due).contains(new CalendarRepository.Due(old.id(), other));
    // Listing is all the platform scope may do: it acts on no source by id.
    assertThat(
            kit.in(TenancyContext.platform("calendar-refresh"), () -> calendars.source(old.id())))
        .isEmpty();
  }

  @Test
  void aStaleCopyOfASourceCannotOverwriteANewerRefresh() {
    CalendarSource source = addSource(me, "https://cal.example.jp/raced.ics");
    CalendarSource stale = kit.in(self(me), () -> calendars.source(source.id())).orElseThrow();
    kit.in(self(me), () -> calendars.refreshFailed(source.id(), "timeout", NOW));
    assertThat(kit.in(self(me), () -> calendars.source(source.id())).orElseThrow().version())
        .isEqualTo(stale.version() + 1);

    stale.refreshed(true, LATER);
    assertThatThrownBy(() -> kit.in(self(me), () -> kit.entityManager().merge(stale)))
        .satisfiesAnyOf(
            e -> assertThat(e).isInstanceOf(OptimisticLockException.class),
            e -> assertThat(e).hasCauseInstanceOf(OptimisticLockException.class),
            e -> assertThat(e).isInstanceOf(RollbackException.class));
    assertThat(kit.in(self(me), () -> calendars.source(source.id())).orElseThrow().lastError())
        .isEqualTo("timeout");
  }

  @Test
  void interviewsReadNothingForAFreelancerWithoutAcceptedOnes() {
    assertThat(kit.in(self(me), () -> calendars.interviews(me))).isEmpty();
  }

  private int added;

  /** Each source a second after the last: the list is in the order they were added. */
  private CalendarSource addSource(String owner, String url) {
    CalendarSource source =
        CalendarSource.register(
            owner, CalendarAddress.parse(url), " work ", NOW.plusSeconds(added++));
    assertThat(kit.in(self(owner), () -> calendars.addSource(source))).isTrue();
    return source;
  }

  private static BusyInterval block(int fromHour, int toHour) {
    return new BusyInterval(
        NOW.plusSeconds(fromHour * 3600L), NOW.plusSeconds(toHour * 3600L), false);
  }

  private static TenancyContext self(String subject) {
    return TenancyContext.self(subject);
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
