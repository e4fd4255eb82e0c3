package io.proxima.messaging.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.ConversationRepository;
import io.proxima.messaging.domain.Side;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Conversations and messages in a real PostgreSQL, as the real-time entity writes them. */
class JpaConversationRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaConversationRepository conversations =
      new JpaConversationRepository(kit.entityManager());
  private final String freelancer = "freelancer-" + UUID.randomUUID();

  @Test
  void messagesTakeConsecutiveSequenceNumbersAndTheSenderHasReadTheirOwn() {
    Tenant tenant = registerTenant();
    ChatMessage first =
        kit.in(
            staff(tenant),
            () -> conversations.append(draft(tenant, Side.TENANT, "c1"), NOW).message());
    ChatMessage second =
        kit.in(
            self(freelancer),
            () ->
                conversations
                    .append(draft(tenant, Side.FREELANCER, "c2"), NOW.plusSeconds(1))
                    .message());
    // Several drafts in one transaction, as appendAll stores them.
    List<ChatMessage> batch =
        kit.in(
            staff(tenant),
            () ->
                List.of(
                    conversations
                        .append(draft(tenant, Side.TENANT, "c3"), NOW.plusSeconds(2))
                        .message(),
                    conversations
                        .append(draft(tenant, Side.TENANT, "c4"), NOW.plusSeconds(2))
                        .message()));

    assertThat(List.of(first.seq(), second.seq(), batch.get(0).seq(), batch.get(1).seq()))
        .containsExactly(1L, 2L, 3L, 4L);
    Conversation conversation =
        kit.in(self(freelancer), () -> conversations.ofFreelancer(freelancer)).get(0);
    assertThat(conversation.lastSeq()).isEqualTo(4);
    assertThat(conversation.tenantReadSeq()).isEqualTo(4);
    assertThat(conversation.freelancerReadSeq()).isEqualTo(2);
    assertThat(conversation.freelancerDeliveredSeq()).isEqualTo(2);
    assertThat(conversation.unreadFor(Side.FREELANCER)).isEqualTo(2);
    assertThat(conversation.updatedAt()).isEqualTo(NOW.plusSeconds(2));
  }

  @Test
  void concurrentSendersNeverShareOrSkipASequenceNumber() throws Exception {
    Tenant tenant = registerTenant();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> sent = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String clientId = "c" + i;
        boolean fromTenant = i % 2 == 0;
        sent.add(
            pool.submit(
                () ->
                    fromTenant
                        ? kit.in(
                                staff(tenant),
                                () ->
                                    conversations
                                        .append(draft(tenant, Side.TENANT, clientId), NOW)
                                        .message())
                            .seq()
                        : kit.in(
                                self(freelancer),
                                () ->
                                    conversations
                                        .append(draft(tenant, Side.FREELANCER, clientId), NOW)
                                        .message())
                            .seq()));
      }
      List<Long> seqs = new ArrayList<>();
      for (Future<Long> future : sent) {
        seqs.add(future.get());
      }
      assertThat(seqs)
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aResendGetsTheStoredMessageBackAndTakesNoSequenceNumber() {
    Tenant tenant = registerTenant();
    ChatMessage.Draft draft = draft(tenant, Side.FREELANCER, "same");
    ChatMessage stored = kit.in(self(freelancer), () -> conversations.append(draft, NOW).message());

    ChatMessage found =
        kit.in(self(freelancer), () -> conversations.findResend(draft)).orElseThrow();
    assertThat(found.id()).isEqualTo(stored.id());
    assertThat(found.seq()).isEqualTo(1);
    assertThat(found.body()).isEqualTo(draft.body());
    assertThat(found.senderSide()).isEqualTo(Side.FREELANCER);
    assertThat(
            kit.in(
                self(freelancer),
                () -> conversations.findResend(draft(tenant, Side.FREELANCER, "other"))))
        .isEmpty();
    // A second send of the same draft stores nothing and gives back the first, and the number it
    // would have taken is not used up.
    ConversationRepository.Appended again =
        kit.in(self(freelancer), () -> conversations.append(draft, NOW.plusSeconds(5)));
    assertThat(again.resent()).isTrue();
    assertThat(again.message().id()).isEqualTo(stored.id());
    assertThat(again.message().seq()).isEqualTo(1);
    assertThat(again.message().sentAt()).isEqualTo(NOW);
    ConversationRepository.Appended next =
        kit.in(
            self(freelancer),
            () -> conversations.append(draft(tenant, Side.FREELANCER, "next"), NOW));
    assertThat(next.resent()).isFalse();
    assertThat(next.message().seq()).isEqualTo(2);
    assertThat(kit.in(self(freelancer), () -> conversations.ofFreelancer(freelancer)))
        .singleElement()
        .satisfies(c -> assertThat(c.lastSeq()).isEqualTo(2));
    // Another sender may use the same client id: it is unique per sender, not per conversation.
    assertThat(
            kit.in(
                    staff(tenant),
                    () -> conversations.append(draft(tenant, Side.TENANT, "same"), NOW))
                .resent())
        .isFalse();
  }

  @Test
  void historyPagesBackwardsFromASequenceNumber() {
    Tenant tenant = registerTenant();
    for (int i = 1; i <= 5; i++) {
      String clientId = "c" + i;
      kit.in(
          staff(tenant),
          () -> conversations.append(draft(tenant, Side.TENANT, clientId), NOW).message());
    }
    assertThat(kit.in(self(freelancer), () -> conversations.history(tenant.id(), freelancer, 5, 2)))
        .extracting(ChatMessage::seq)
        .containsExactly(4L, 3L);
    assertThat(
            kit.in(
                self(freelancer),
                () -> conversations.history(tenant.id(), freelancer, Long.MAX_VALUE, 10)))
        .extracting(ChatMessage::clientMessageId)
        .containsExactly("c5", "c4", "c3", "c2", "c1");
  }

  @Test
  void marksMoveForwardOnlyAndNeverPastTheLastMessage() {
    Tenant tenant = registerTenant();
    for (int i = 1; i <= 3; i++) {
      String clientId = "c" + i;
      kit.in(
          staff(tenant),
          () -> conversations.append(draft(tenant, Side.TENANT, clientId), NOW).message());
    }
    Conversation delivered =
        kit.in(
            self(freelancer),
            () -> conversations.advance(tenant.id(), freelancer, Side.FREELANCER, false, 2));
    assertThat(delivered.freelancerDeliveredSeq()).isEqualTo(2);
    assertThat(delivered.freelancerReadSeq()).isZero();

    Conversation read =
        kit.in(
            self(freelancer),
            () -> conversations.advance(tenant.id(), freelancer, Side.FREELANCER, true, 99));
    assertThat(read.freelancerReadSeq()).isEqualTo(3);
    assertThat(read.freelancerDeliveredSeq()).isEqualTo(3);

    Conversation back =
        kit.in(
            self(freelancer),
            () -> conversations.advance(tenant.id(), freelancer, Side.FREELANCER, true, 1));
    assertThat(back.freelancerReadSeq()).isEqualTo(3);
    assertThat(back.tenantReadSeq()).isEqualTo(3);

    Conversation none =
        kit.in(
            self(freelancer),
            () -> conversations.advance(tenant.id(), "nobody", Side.FREELANCER, true, 1));
    assertThat(none.lastSeq()).isZero();
    assertThat(none.updatedAt()).isNull();
  }

  @Test
  void aSecondTenantSeesNothingOfTheFirstTenantsConversations() {
    Tenant tenant = registerTenant();
    Tenant other = registerTenant();
    ChatMessage.Draft draft = draft(tenant, Side.TENANT, "secret");
    kit.in(staff(tenant), () -> conversations.append(draft, NOW).message());

    kit.in(
        staff(other),
        () -> {
          assertThat(conversations.ofTenant(tenant.id())).isEmpty();
          assertThat(conversations.ofFreelancer(freelancer)).isEmpty();
          assertThat(conversations.history(tenant.id(), freelancer, Long.MAX_VALUE, 10)).isEmpty();
          assertThat(conversations.findResend(draft)).isEmpty();
          assertThat(conversations.advance(tenant.id(), freelancer, Side.TENANT, true, 1).lastSeq())
              .isZero();
        });
    // Nor can it write into that conversation.
    assertThatThrownBy(
            () ->
                kit.in(
                    staff(other),
                    () ->
                        conversations.append(draft(tenant, Side.TENANT, "forged"), NOW).message()))
        .isInstanceOf(RuntimeException.class);
    assertThat(kit.in(staff(tenant), () -> conversations.ofTenant(tenant.id())))
        .singleElement()
        .satisfies(c -> assertThat(c.lastSeq()).isEqualTo(1));
    assertThat(kit.in(self("someone-else"), () -> conversations.ofFreelancer(freelancer)))
        .isEmpty();
  }

  private ChatMessage.Draft draft(Tenant tenant, Side side, String clientId) {
    return new ChatMessage.Draft(
        tenant.id(),
        freelancer,
        side == Side.TENANT ? "recruiter" : freelancer,
        side,
        clientId,
        "こんにちは " + clientId);
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
