package io.proxima.realtime.application;

import io.proxima.availability.application.AvailabilityLedger;
import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityRepository.BoardEntry;
import io.proxima.messaging.application.MessageLedger;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.Consents;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The use cases of the live board and chat, for both parties: a tenant's staff (inside the tenant
 * resolved at the edge) and a freelancer (as themselves). Reads come from PostgreSQL under
 * row-level security; writes go through the freelancer's entity.
 *
 * <p>Writes answer with a {@link CompletionStage}: everything that needs the caller's thread (its
 * tenancy context, a transaction, the consent read) runs before the entity is asked, and nothing
 * after it does, so a REST request's thread is released while the entity answers.
 */
@ApplicationScoped
public class LiveDesk {

  private static final String NO_SUCH_FREELANCER = "There is no such freelancer.";

  private final FreelancerGateway gateway;
  private final AvailabilityLedger availability;
  private final MessageLedger messages;
  private final Consents consents;
  private final TenantRepository tenants;
  private final io.proxima.privacy.application.AccountErasure erasure;

  protected LiveDesk() {
    this(null, null, null, null, null, null);
  }

  @Inject
  public LiveDesk(
      FreelancerGateway gateway,
      AvailabilityLedger availability,
      MessageLedger messages,
      Consents consents,
      TenantRepository tenants,
      io.proxima.privacy.application.AccountErasure erasure) {
    this.gateway = gateway;
    this.availability = availability;
    this.messages = messages;
    this.consents = consents;
    this.tenants = tenants;
    this.erasure = erasure;
  }

  // ---- the tenant's side ---------------------------------------------------------------------

  /** Every freelancer sharing with the current tenant, with their availability. */
  @StaffOnly
  public List<BoardEntry> board() {
    return availability.boardOfCurrentTenant();
  }

  /** One page of the board, in freelancer id order after {@code afterFreelancer} (null: first). */
  @StaffOnly
  public List<BoardEntry> boardPage(String afterFreelancer, int size) {
    return availability.boardPageOfCurrentTenant(afterFreelancer, size);
  }

  /** The current tenant's conversations with the freelancers who still share with it. */
  @StaffOnly
  public List<Conversation> conversations() {
    return messages.conversationsOfTenant(TenancyContext.current().requireTenant()).stream()
        .filter(
            conversation ->
                consents.sharesWithCurrentTenant(conversation.freelancerSubject())
                    || erased(conversation.freelancerSubject()))
        .toList();
  }

  /**
   * Consent is read here, before the freelancer's entity is asked: an id that does not share with
   * the tenant (or names nobody) is a 404 without waking an entity, and loading it from PostgreSQL,
   * for it. The entity checks again, for a consent revoked in between.
   */
  @StaffOnly
  public CompletionStage<ChatMessage> sendAsTenant(
      @NotBlank String freelancerId, @NotBlank String clientMessageId, @NotBlank String body) {
    TenancyContext context = TenancyContext.current();
    requireSharing(freelancerId);
    return gateway.sendLater(
        new ChatMessage.Draft(
            context.requireTenant(),
            freelancerId,
            context.requireSubject(),
            Side.TENANT,
            clientMessageId,
            body));
  }

  @StaffOnly
  public List<ChatMessage> historyForTenant(
      @NotBlank String freelancerId, @Min(1) long beforeSeq, @Min(1) @Max(200) int limit) {
    // A deleted account's conversation stays readable to the tenant, under 「退会したユーザー」;
    // nothing can be sent to it (sendAsTenant still requires sharing).
    if (!erased(freelancerId)) {
      requireSharing(freelancerId);
    }
    return messages.history(
        TenancyContext.current().requireTenant(), freelancerId, beforeSeq, limit);
  }

  @StaffOnly
  public CompletionStage<Conversation> acknowledgeAsTenant(
      @NotBlank String freelancerId, boolean read, @Min(0) long upToSeq) {
    requireSharing(freelancerId);
    return gateway.acknowledgeLater(
        TenancyContext.current().requireTenant(), freelancerId, Side.TENANT, read, upToSeq);
  }

  /** Consent first: a tenant the freelancer stopped sharing with cannot signal them. */
  public void typingAsTenant(@NotBlank String freelancerId, String who, boolean typing) {
    requireSharing(freelancerId);
    gateway.typing(
        TenancyContext.current().requireTenant(), freelancerId, Side.TENANT, who, typing);
  }

  // ---- the freelancer's side -----------------------------------------------------------------

  public Availability myAvailability() {
    String me = TenancyContext.current().requireSubject();
    return availability
        .current(me)
        .orElseThrow(() -> new DomainException.NotFound("No availability set yet."));
  }

  public CompletionStage<Availability> changeMyAvailability(
      @NotNull Availability.Change change, @Min(0) Long expectedVersion) {
    return gateway.changeAvailabilityLater(
        TenancyContext.current().requireSubject(), change, expectedVersion);
  }

  public List<Conversation> myConversations() {
    return messages.conversationsOf(TenancyContext.current().requireSubject());
  }

  public CompletionStage<ChatMessage> sendAsFreelancer(
      @NotBlank String tenantSlug, @NotBlank String clientMessageId, @NotBlank String body) {
    return gateway.sendLater(draftAsFreelancer(tenantSlug, clientMessageId, body));
  }

  /** The caller's message to a tenant, ready for the entity; the tenant must exist. */
  public ChatMessage.Draft draftAsFreelancer(
      @NotBlank String tenantSlug, @NotBlank String clientMessageId, @NotBlank String body) {
    String me = TenancyContext.current().requireSubject();
    return new ChatMessage.Draft(
        tenant(tenantSlug).id(), me, me, Side.FREELANCER, clientMessageId, body);
  }

  public List<ChatMessage> historyForFreelancer(
      @NotBlank String tenantSlug, @Min(1) long beforeSeq, @Min(1) @Max(200) int limit) {
    String me = TenancyContext.current().requireSubject();
    return messages.history(tenant(tenantSlug).id(), me, beforeSeq, limit);
  }

  public CompletionStage<Conversation> acknowledgeAsFreelancer(
      @NotBlank String tenantSlug, boolean read, @Min(0) long upToSeq) {
    String me = TenancyContext.current().requireSubject();
    return gateway.acknowledgeLater(tenant(tenantSlug).id(), me, Side.FREELANCER, read, upToSeq);
  }

  public void typingAsFreelancer(@NotBlank String tenantSlug, String who, boolean typing) {
    String me = TenancyContext.current().requireSubject();
    gateway.typing(tenant(tenantSlug).id(), me, Side.FREELANCER, who, typing);
  }

  @Transactional
  Tenant tenant(String slug) {
    return tenants
        .findBySlug(slug)
        .orElseThrow(() -> new DomainException.NotFound("There is no such tenant."));
  }

  private boolean erased(String freelancerId) {
    return erasure != null && erasure.isErased(freelancerId);
  }

  private void requireSharing(String freelancerId) {
    if (!consents.sharesWithCurrentTenant(freelancerId)) {
      throw new DomainException.NotFound(NO_SUCH_FREELANCER);
    }
  }
}
