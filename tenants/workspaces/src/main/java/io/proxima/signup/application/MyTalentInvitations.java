package io.proxima.signup.application;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.signup.application.TalentPool.Addressed;
import io.proxima.signup.application.TalentPool.Link;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A signed-in freelancer's talent invitations, found by the address their account proved rather
 * than by the mail's link. Invitations live in their tenants and the freelancer is in none, so each
 * step runs in the scope it needs: the lookup across tenants in the platform's scope, narrowed to
 * that one address, and the answer in the invitation's own tenant, as the link's answer is.
 *
 * <p>Not transactional itself: every step is its own transaction, so that each takes a connection
 * carrying its own scope.
 */
@ApplicationScoped
public class MyTalentInvitations {

  private static final String NO_SUCH_INVITATION = "There is no such invitation.";

  private final TalentPool pool;

  protected MyTalentInvitations() {
    this(null);
  }

  @Inject
  public MyTalentInvitations(TalentPool pool) {
    this.pool = pool;
  }

  /**
   * Live invitations to the caller's address; none when the address is not verified, as it may be
   * someone else's.
   */
  public List<Addressed> pending(Optional<String> verifiedEmail) {
    if (verifiedEmail.isEmpty()) {
      return List.of();
    }
    return acrossTenants(() -> pool.addressedTo(verifiedEmail.get()));
  }

  /** Accepts on the terms of {@code termsVersion}, the ones shown (null: today's). */
  public Link accept(
      @NotNull UUID invitationId, Optional<String> verifiedEmail, String termsVersion) {
    return inItsTenant(
        invitationId,
        verifiedEmail,
        () -> pool.acceptAddressed(invitationId, verifiedEmail.orElseThrow(), termsVersion));
  }

  public Link decline(@NotNull UUID invitationId, Optional<String> verifiedEmail) {
    return inItsTenant(
        invitationId,
        verifiedEmail,
        () -> pool.declineAddressed(invitationId, verifiedEmail.orElseThrow()));
  }

  /**
   * Someone else's invitation, an answered one and a made-up id are the same 404: the caller learns
   * nothing about invitations that are not theirs.
   */
  private Link inItsTenant(UUID invitationId, Optional<String> verifiedEmail, Supplier<Link> work) {
    if (verifiedEmail.isEmpty()) {
      throw new DomainException.NotFound(NO_SUCH_INVITATION);
    }
    Addressed found =
        acrossTenants(() -> pool.addressedTo(invitationId, verifiedEmail.get()))
            .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_INVITATION));
    TenancyContext caller = TenancyContext.current();
    return TenancyContext.callIn(
        TenancyContext.tenant(
            found.tenant().id(), found.tenant().slug().value(), caller.requireSubject()),
        work);
  }

  private static <T> T acrossTenants(Supplier<T> work) {
    return TenancyContext.callIn(
        TenancyContext.platform(TenancyContext.current().requireSubject()), work);
  }
}
