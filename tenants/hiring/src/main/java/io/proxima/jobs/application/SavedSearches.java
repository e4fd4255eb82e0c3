package io.proxima.jobs.application;

import io.proxima.jobs.domain.JobQuery;
import io.proxima.jobs.domain.JobSearch;
import io.proxima.jobs.domain.SavedSearch;
import io.proxima.jobs.domain.SavedSearchRepository;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A freelancer's saved job searches, and their alerts: when jobs matching a saved search are
 * published, its owner is told once per round of the alert worker, with how many and the first few.
 */
@ApplicationScoped
public class SavedSearches {

  private static final String NO_SUCH_SEARCH = "There is no such saved search.";

  /** How many new jobs an alert names; the count says how many there are in all. */
  static final int JOBS_NAMED = 3;

  private final SavedSearchRepository searches;
  private final JobSearch jobSearch;
  private final Event<PlatformEvent> events;
  private final Clock clock = Clock.systemUTC();

  protected SavedSearches() {
    this(null, null, null);
  }

  @Inject
  public SavedSearches(
      SavedSearchRepository searches, JobSearch jobSearch, Event<PlatformEvent> events) {
    this.searches = searches;
    this.jobSearch = jobSearch;
    this.events = events;
  }

  /** The caller's saved searches, newest first. */
  @Transactional
  public List<SavedSearch> own() {
    return searches.own(TenancyContext.current().requireSubject());
  }

  /**
   * Saves the search page's query under a name. A request the edge resolved to a tenant (none of
   * today's {@code /me} operations is) keeps that tenant's jobs as its scope; otherwise the query's
   * own {@code tenant=} does.
   */
  @Transactional
  public SavedSearch save(@NotNull String name, @NotNull String queryString, boolean alerts) {
    TenancyContext context = TenancyContext.current();
    String subject = context.requireSubject();
    if (searches.count(subject) >= SavedSearch.PER_PERSON_LIMIT) {
      throw new DomainException.QuotaExhausted(
          "at most " + SavedSearch.PER_PERSON_LIMIT + " saved searches; delete one first");
    }
    SavedSearch saved =
        SavedSearch.save(subject, name, queryString, context.tenantSlug(), alerts, clock.instant());
    if (!searches.store(saved)) {
      throw new DomainException.Conflict("you already have a saved search named " + saved.name());
    }
    return saved;
  }

  /** Renames a saved search or switches its alerts; null leaves that part as it is. */
  @Transactional
  public SavedSearch change(@NotNull UUID id, String name, Boolean alerts, long expectedVersion) {
    SavedSearch changed = ownSearch(id).change(name, alerts, expectedVersion, clock.instant());
    if (!searches.store(changed)) {
      throw new DomainException.Conflict(
          "the saved search was changed meanwhile or the name is taken; reload and try again");
    }
    return changed;
  }

  @Transactional
  public void delete(@NotNull UUID id) {
    if (!searches.delete(ownSearch(id))) {
      throw new DomainException.NotFound(NO_SUCH_SEARCH);
    }
  }

  /**
   * One alert round over at most {@code batch} saved searches whose mark is before {@code through}:
   * each is searched for jobs published after its mark, an owner with new matches is told (a {@code
   * saved_search.matched} event, which the notification service delivers), and the mark moves to
   * {@code through} — all in this transaction, so a failure leaves the round to the next one whole.
   * Runs in platform scope.
   *
   * @return how many searches were matched and how many alerts raised
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public AlertRound alertDue(@NotNull Instant through, int batch) {
    int raised = 0;
    List<SavedSearch> due = searches.dueLocked(through, batch);
    for (SavedSearch saved : due) {
      JobSearch.NewPostings found;
      try {
        found =
            jobSearch.publishedBetween(
                saved.toQuery(JOBS_NAMED), saved.matchedThrough(), through, JOBS_NAMED);
      } catch (DomainException e) {
        // Saved under rules that have since become stricter: nothing can match it any more, and
        // it must not hold up the others. Its owner sees it still and can fix or delete it.
        saved.matchedThrough(through, 0);
        continue;
      }
      if (found.count() > 0) {
        events.fire(
            PlatformEvent.toPerson(
                PlatformEventType.SAVED_SEARCH_MATCHED,
                found.tenantId(),
                saved.id(),
                saved.freelancerSubject(),
                data(saved, found),
                through));
        raised++;
      }
      saved.matchedThrough(through, (int) found.count());
    }
    return new AlertRound(due.size(), raised);
  }

  /** What one alert transaction did. */
  public record AlertRound(int searched, int raised) {}

  private static Map<String, String> data(SavedSearch saved, JobSearch.NewPostings found) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("savedSearchId", saved.id().toString());
    data.put("savedSearchName", saved.name());
    data.put("query", saved.query());
    data.put("count", String.valueOf(found.count()));
    data.put(
        "jobIds",
        found.first().stream().map(job -> job.id().toString()).collect(Collectors.joining(",")));
    for (int i = 0; i < found.first().size(); i++) {
      data.put("jobTitle" + (i + 1), found.first().get(i).title());
    }
    if (saved.tenantSlug() != null) {
      data.put("tenantSlug", saved.tenantSlug());
    }
    return data;
  }

  /** The first page of a saved search, as the search page opens it. */
  @Transactional
  public JobQuery query(@NotNull UUID id) {
    return ownSearch(id).toQuery(20);
  }

  private SavedSearch ownSearch(UUID id) {
    String subject = TenancyContext.current().requireSubject();
    // Row-level security hides others' already; the check keeps that true in platform scope too.
    return searches
        .find(id)
        .filter(saved -> saved.freelancerSubject().equals(subject))
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_SEARCH));
  }
}
