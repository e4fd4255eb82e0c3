package io.proxima.profile.application;

import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.profile.domain.ContactDetails;
import io.proxima.profile.domain.PayoutAccount;
import io.proxima.profile.domain.PersonalDetails;
import io.proxima.profile.domain.PersonalDetailsRepository;
import io.proxima.profile.domain.ProfileRepository;
import io.proxima.profile.domain.ProfileView;
import io.proxima.tenancy.application.StaffOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A freelancer's personal details: kept by the freelancer, sealed at rest, and read by a tenant's
 * staff only where a contract makes the tenant pay them — the payout account alone, each read on
 * the freelancer's 閲覧履歴 and the audit chain. The audit names what was done, never the values.
 */
@ApplicationScoped
public class PersonalDetailsDesk {

  private final PersonalDetailsRepository details;
  private final ProfileRepository profiles;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  protected PersonalDetailsDesk() {
    this(null, null, null);
  }

  @Inject
  public PersonalDetailsDesk(
      PersonalDetailsRepository details, ProfileRepository profiles, AuditLog audit) {
    this.details = details;
    this.profiles = profiles;
    this.audit = audit;
  }

  @Transactional
  public PersonalDetails mine() {
    return details.of(me());
  }

  /** Replaces the caller's details with the edited ones; a part left out is removed. */
  @Transactional
  public PersonalDetails reviseMine(
      ContactDetails contact,
      LocalDate dateOfBirth,
      PayoutAccount payoutAccount,
      long expectedVersion) {
    String me = me();
    PersonalDetails next =
        details
            .of(me)
            .revise(contact, dateOfBirth, payoutAccount, expectedVersion, clock.instant());
    if (!details.store(next)) {
      throw new DomainException.Conflict(
          "expectedVersion", "the personal details changed elsewhere; reload and edit again");
    }
    audit.record("personal-details.revised", null, me, parts(next));
    return next;
  }

  /**
   * The payout account of a freelancer this tenant pays under a contract that runs or ended less
   * than 90 days ago. Recorded before it is answered, so a read that fails on the way out is still
   * on the freelancer's 閲覧履歴.
   */
  @StaffOnly
  @Transactional
  public PayoutAccount payoutAccountOf(@NotBlank String freelancerSubject) {
    TenancyContext context = TenancyContext.current();
    PayoutAccount account =
        details
            .payoutAccountOf(freelancerSubject)
            .orElseThrow(
                () ->
                    new DomainException.NotFound(
                        "no payout account of freelancer "
                            + freelancerSubject
                            + " is open to this tenant: it needs a running contract and an"
                            + " account the freelancer gave"));
    profiles.recordView(
        ProfileView.byStaff(
            freelancerSubject,
            context.requireTenant(),
            context.requireSubject(),
            ProfileView.Kind.PAYOUT_ACCOUNT,
            clock.instant()));
    audit.recordRead(
        "personal-details.read",
        context.requireTenant(),
        "payout-account",
        java.util.List.of(freelancerSubject));
    return account;
  }

  private static String parts(PersonalDetails details) {
    return "contact="
        + (details.contact() != null)
        + " dateOfBirth="
        + (details.dateOfBirth() != null)
        + " payoutAccount="
        + (details.payoutAccount() != null);
  }

  private static String me() {
    return TenancyContext.current().requireSubject();
  }
}
