package io.proxima.realtime.freelancer;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityStatus;
import io.proxima.availability.domain.RateBand;
import io.proxima.availability.domain.WorkStyle;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.messaging.domain.Side;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.realtime.live.PresenceBook;
import io.proxima.realtime.live.TenantTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FreelancerTest {

  static final ActorTestKit testKit =
      ActorTestKit.create(ConfigFactory.load("freelancer-test.conf"));

  static final UUID SAKURA = UUID.randomUUID();
  static final UUID KAEDE = UUID.randomUUID();
  static final Availability.Change FROM_APRIL =
      new Availability.Change(
          AvailabilityStatus.AVAILABLE_FROM,
          LocalDate.of(2027, 4, 1),
          5,
          8,
          WorkStyle.REMOTE,
          new RateBand(70, 85),
          "Java / Kotlin, 金融系歓迎");

  InMemoryFreelancerStore store;
  TestProbe<TenantTopics.Command> topics;
  TestProbe<PresenceBook.Command> presenceBook;
  String freelancerId;

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    store = new InMemoryFreelancerStore();
    topics = testKit.createTestProbe(TenantTopics.Command.class);
    presenceBook = testKit.createTestProbe(PresenceBook.Command.class);
    freelancerId = UUID.randomUUID().toString();
    store.share(freelancerId, SAKURA);
  }

  ActorRef<Freelancer.Command> spawn() {
    return testKit.spawn(
        Freelancer.create(
            freelancerId, store, topics.getRef(), presenceBook.getRef(), Clock.systemUTC()));
  }

  /**
   * DatabaseOutageIT's fast restart: a change committed while its answer was lost left the entity a
   * version behind the database, and every later change was refused as a conflict until the entity
   * passivated. The entity reads the availability back after such a failure.
   */
  @Test
  void aChangeWhoseCommitAnswerWasLostDoesNotLeaveEveryLaterChangeInConflict() {
    var freelancer = spawn();
    TestProbe<StatusReply<Availability>> reply = testKit.createTestProbe();

    store.loseNextAnswer();
    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));
    assertThat(reply.receiveMessage().isError()).isTrue();
    assertThat(store.availabilities.get(freelancerId).version()).isEqualTo(1);

    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));
    StatusReply<Availability> next = reply.receiveMessage();
    assertThat(next.isSuccess()).as(String.valueOf(next)).isTrue();
    assertThat(next.getValue().version()).isEqualTo(2);
  }

  @Test
  void aChangeIsAcknowledgedOnlyOnceStoredAndThenReachesEverySharingTenant() {
    store.share(freelancerId, KAEDE);
    var freelancer = spawn();
    TestProbe<StatusReply<Availability>> reply = testKit.createTestProbe();
    store.holdWrites();

    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, 0L, reply.getRef()));

    reply.expectNoMessage(Duration.ofMillis(200));
    topics.expectNoMessage(Duration.ZERO);
    store.releaseWrites();
    Availability stored = reply.receiveMessage().getValue();
    assertThat(stored.version()).isEqualTo(1);
    assertThat(store.availabilities.get(freelancerId)).isEqualTo(stored);
    var published =
        List.of(
            topics.expectMessageClass(TenantTopics.Publish.class),
            topics.expectMessageClass(TenantTopics.Publish.class));
    assertThat(published)
        .extracting(TenantTopics.Publish::tenantId)
        .containsExactlyInAnyOrder(SAKURA, KAEDE);
    assertThat(published)
        .extracting(TenantTopics.Publish::event)
        .containsOnly(new LiveEvent.AvailabilityChanged(freelancerId, stored, null));
  }

  @Test
  void anEntityWhoseQueueIsFullRefusesAtOnceInsteadOfLettingTheCallerTimeOut() {
    var freelancer = spawn();
    TestProbe<StatusReply<Availability>> reply = testKit.createTestProbe();
    store.holdWrites();
    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));
    TestProbe<StatusReply<Availability>> waiting = testKit.createTestProbe();
    for (int i = 0; i < Freelancer.STASH_CAPACITY; i++) {
      freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, waiting.getRef()));
    }

    TestProbe<StatusReply<Availability>> late = testKit.createTestProbe();
    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, late.getRef()));

    StatusReply<Availability> refused = late.receiveMessage(Duration.ofSeconds(1));
    assertThat(refused.isError()).isTrue();
    assertThat(refused.getError()).isInstanceOf(Refusal.Refused.Overloaded.class);
    waiting.expectNoMessage(Duration.ofMillis(100));
    store.releaseWrites();
    // Everything that was let in is still done, in order.
    assertThat(reply.receiveMessage().isSuccess()).isTrue();
    for (int i = 0; i < Freelancer.STASH_CAPACITY; i++) {
      assertThat(waiting.receiveMessage(Duration.ofSeconds(5)).isSuccess()).isTrue();
    }
  }

  @Test
  void aStoreThatRefusesWorkMakesTheEntitySayOverloadedNotUnavailable() {
    var freelancer = spawn();
    TestProbe<StatusReply<Availability>> reply = testKit.createTestProbe();
    store.rejectNextWrite();

    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));

    StatusReply<Availability> refused = reply.receiveMessage();
    assertThat(refused.getError()).isInstanceOf(Refusal.Refused.Overloaded.class);
    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));
    assertThat(reply.receiveMessage().isSuccess()).isTrue();
  }

  @Test
  void anEntityThatCannotLoadAnswersEveryWaitingCaller() {
    store.failNextLoad();
    var freelancer = spawn();
    TestProbe<StatusReply<Availability>> reply = testKit.createTestProbe();

    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));
    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));
    store.releaseLoad();

    for (int i = 0; i < 2; i++) {
      StatusReply<Availability> refused = reply.receiveMessage(Duration.ofSeconds(1));
      assertThat(refused.getError()).isInstanceOf(Refusal.Refused.Unavailable.class);
    }
  }

  @Test
  void aChangeAgainstAnOldVersionIsRefusedAndNothingIsStored() {
    var freelancer = spawn();
    TestProbe<StatusReply<Availability>> reply = testKit.createTestProbe();
    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, 0L, reply.getRef()));
    assertThat(reply.receiveMessage().isSuccess()).isTrue();
    topics.receiveMessage();

    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, 0L, reply.getRef()));

    StatusReply<Availability> refused = reply.receiveMessage();
    assertThat(refused.isError()).isTrue();
    assertThat(refused.getError()).isInstanceOf(Refusal.Refused.Conflict.class);
    assertThat(store.availabilities.get(freelancerId).version()).isEqualTo(1);
    topics.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void aFailedWriteIsReportedNotAcknowledgedAndTheEntityCarriesOn() {
    var freelancer = spawn();
    TestProbe<StatusReply<Availability>> reply = testKit.createTestProbe();
    store.failNextWrite();

    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));
    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));

    StatusReply<Availability> failed = reply.receiveMessage();
    assertThat(failed.isError()).isTrue();
    assertThat(failed.getError()).isInstanceOf(Refusal.Refused.Unavailable.class);
    // The second change waited in the stash and went through after the failure.
    assertThat(reply.receiveMessage().getValue().version()).isEqualTo(1);
  }

  @Test
  void commandsArrivingDuringAWriteAreHandledInOrderAfterIt() {
    var freelancer = spawn();
    TestProbe<StatusReply<ChatMessage>> sent = testKit.createTestProbe();
    store.holdWrites();
    for (int i = 1; i <= 3; i++) {
      freelancer.tell(new Freelancer.SendMessage(fromTenant("m" + i, "本文 " + i), sent.getRef()));
    }
    sent.expectNoMessage(Duration.ofMillis(100));
    store.releaseWrites();
    // Each write is held again only if writes are held; releasing once lets the first through.
    List<Long> seqs =
        List.of(
            sent.receiveMessage().getValue().seq(),
            sent.receiveMessage().getValue().seq(),
            sent.receiveMessage().getValue().seq());
    assertThat(seqs).containsExactly(1L, 2L, 3L);
  }

  @Test
  void messagesArrivingDuringAWriteAreCommittedTogetherAndOthersKeepTheirPlace() {
    var freelancer = spawn();
    TestProbe<StatusReply<ChatMessage>> sent = testKit.createTestProbe();
    TestProbe<StatusReply<Conversation>> acked = testKit.createTestProbe();
    TestProbe<Freelancer.Snapshot> loaded = testKit.createTestProbe();
    freelancer.tell(new Freelancer.GetSnapshot(loaded.getRef()));
    loaded.receiveMessage();
    store.holdWrites();
    freelancer.tell(new Freelancer.SendMessage(fromTenant("first", "一通目"), sent.getRef()));
    for (int i = 1; i <= 5; i++) {
      freelancer.tell(new Freelancer.SendMessage(fromTenant("b" + i, "まとめて " + i), sent.getRef()));
    }
    // A receipt waits behind the five; the message after it waits behind the receipt.
    freelancer.tell(new Freelancer.Acknowledge(SAKURA, Side.FREELANCER, true, 6, acked.getRef()));
    freelancer.tell(new Freelancer.SendMessage(fromTenant("after", "最後"), sent.getRef()));
    sent.expectNoMessage(Duration.ofMillis(100));
    store.releaseWrites();

    List<Long> seqs = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      StatusReply<ChatMessage> reply = sent.receiveMessage();
      assertThat(reply.isSuccess()).as(String.valueOf(reply)).isTrue();
      seqs.add(reply.getValue().seq());
    }
    assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(acked.receiveMessage().getValue().freelancerReadSeq()).isEqualTo(6);
    assertThat(store.batches()).containsExactly(1, 5, 1);
  }

  @Test
  void messagesReachTheTenantOnlyWhileTheFreelancerShares() {
    var freelancer = spawn();
    TestProbe<StatusReply<ChatMessage>> sent = testKit.createTestProbe();

    freelancer.tell(new Freelancer.SendMessage(fromTenant("a", "はじめまして"), sent.getRef()));
    ChatMessage first = sent.receiveMessage().getValue();
    assertThat(first.seq()).isEqualTo(1);
    var posted = topics.expectMessageClass(TenantTopics.Publish.class);
    assertThat(posted.tenantId()).isEqualTo(SAKURA);
    assertThat(posted.event()).isEqualTo(new LiveEvent.MessagePosted(freelancerId, first));

    // A resend after a lost acknowledgement returns the same message, not a copy.
    freelancer.tell(new Freelancer.SendMessage(fromTenant("a", "はじめまして"), sent.getRef()));
    assertThat(sent.receiveMessage().getValue()).isEqualTo(first);
    topics.receiveMessage();

    freelancer.tell(new Freelancer.SharingChanged(SAKURA, false));
    var left = topics.expectMessageClass(TenantTopics.Publish.class);
    assertThat(left.event()).isEqualTo(new LiveEvent.FreelancerLeft(freelancerId, SAKURA));

    freelancer.tell(new Freelancer.SendMessage(fromTenant("b", "まだいますか"), sent.getRef()));
    StatusReply<ChatMessage> refused = sent.receiveMessage();
    assertThat(refused.getError()).isInstanceOf(Refusal.Refused.NotShared.class);
    assertThat(store.messages).hasSize(1);
  }

  @Test
  void sharingAgainPutsTheFreelancerBackOnTheBoardWithTheirAvailability() {
    var freelancer = spawn();
    TestProbe<StatusReply<Availability>> reply = testKit.createTestProbe();
    freelancer.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));
    Availability current = reply.receiveMessage().getValue();
    topics.receiveMessage();

    freelancer.tell(new Freelancer.SharingChanged(KAEDE, true));

    var joined = topics.expectMessageClass(TenantTopics.Publish.class);
    assertThat(joined.tenantId()).isEqualTo(KAEDE);
    assertThat(joined.event())
        .isEqualTo(
            new LiveEvent.FreelancerJoined(freelancerId, "Freelancer " + freelancerId, current));
  }

  @Test
  void receiptsMoveForwardAndReachBothSides() {
    var freelancer = spawn();
    TestProbe<StatusReply<ChatMessage>> sent = testKit.createTestProbe();
    freelancer.tell(new Freelancer.SendMessage(fromTenant("a", "one"), sent.getRef()));
    freelancer.tell(new Freelancer.SendMessage(fromTenant("b", "two"), sent.getRef()));
    sent.receiveMessage();
    sent.receiveMessage();
    topics.receiveSeveralMessages(2);
    TestProbe<StatusReply<Conversation>> acked = testKit.createTestProbe();

    freelancer.tell(new Freelancer.Acknowledge(SAKURA, Side.FREELANCER, true, 2, acked.getRef()));

    Conversation conversation = acked.receiveMessage().getValue();
    assertThat(conversation.freelancerReadSeq()).isEqualTo(2);
    assertThat(conversation.freelancerDeliveredSeq()).isEqualTo(2);
    assertThat(conversation.unreadFor(Side.FREELANCER)).isZero();
    assertThat(topics.expectMessageClass(TenantTopics.Publish.class).event())
        .isEqualTo(new LiveEvent.ReceiptAdvanced(freelancerId, conversation));
  }

  @Test
  void aTenantThatLostConsentCanNoLongerMoveReceiptsOrSignalTyping() {
    var freelancer = spawn();
    TestProbe<StatusReply<ChatMessage>> sent = testKit.createTestProbe();
    freelancer.tell(new Freelancer.SendMessage(fromTenant("a", "one"), sent.getRef()));
    long seq = sent.receiveMessage().getValue().seq();
    topics.receiveMessage();
    TestProbe<LiveEvent> phone = testKit.createTestProbe();
    TestProbe<StatusReply<Freelancer.Snapshot>> connected = testKit.createTestProbe();
    freelancer.tell(new Freelancer.Connect("c1", "phone", phone.getRef(), connected.getRef()));
    connected.receiveMessage();
    topics.receiveMessage();
    phone.receiveMessage();
    freelancer.tell(new Freelancer.SharingChanged(SAKURA, false));
    topics.expectMessageClass(TenantTopics.Publish.class);
    phone.expectMessageClass(LiveEvent.FreelancerLeft.class);
    TestProbe<StatusReply<Conversation>> acked = testKit.createTestProbe();

    freelancer.tell(new Freelancer.Acknowledge(SAKURA, Side.TENANT, true, seq, acked.getRef()));
    freelancer.tell(new Freelancer.Acknowledge(SAKURA, Side.TENANT, false, seq, acked.getRef()));
    freelancer.tell(new Freelancer.SetTyping(SAKURA, Side.TENANT, "recruiter", true));

    for (int i = 0; i < 2; i++) {
      StatusReply<Conversation> refused = acked.receiveMessage();
      assertThat(refused.isError()).isTrue();
      assertThat(refused.getError()).isInstanceOf(Refusal.Refused.NotShared.class);
    }
    assertThat(store.acknowledgements()).isZero();
    topics.expectNoMessage(Duration.ofMillis(100));
    phone.expectNoMessage(Duration.ZERO);
  }

  @Test
  void aMessageCommittedElsewhereIsPushedLiveAndCountsInTheConversation() {
    var freelancer = spawn();
    TestProbe<LiveEvent> phone = testKit.createTestProbe();
    TestProbe<StatusReply<Freelancer.Snapshot>> connected = testKit.createTestProbe();
    freelancer.tell(new Freelancer.Connect("c1", "phone", phone.getRef(), connected.getRef()));
    connected.receiveMessage();
    topics.expectMessageClass(TenantTopics.Publish.class);
    phone.expectMessageClass(LiveEvent.PresenceChanged.class);

    // A scout: stored with the allowance it spent, by the scouting service's own transaction.
    ChatMessage scout =
        fromTenant("scout-1", "スカウトです")
            .placedAt(java.util.UUID.randomUUID(), 1, java.time.Instant.now());
    freelancer.tell(new Freelancer.Deliver(scout));

    var posted = topics.expectMessageClass(TenantTopics.Publish.class);
    assertThat(posted.tenantId()).isEqualTo(SAKURA);
    assertThat(posted.event()).isEqualTo(new LiveEvent.MessagePosted(freelancerId, scout));
    assertThat(phone.expectMessageClass(LiveEvent.MessagePosted.class).message()).isEqualTo(scout);

    TestProbe<Freelancer.Snapshot> snapshots = testKit.createTestProbe();
    freelancer.tell(new Freelancer.GetSnapshot(snapshots.getRef()));
    assertThat(snapshots.receiveMessage().conversations())
        .singleElement()
        .satisfies(conversation -> assertThat(conversation.lastSeq()).isEqualTo(1));
  }

  @Test
  void presenceFollowsConnectionsAndTheirSessions() {
    var freelancer = spawn();
    TestProbe<LiveEvent> phone = testKit.createTestProbe();
    TestProbe<LiveEvent> laptop = testKit.createTestProbe();
    TestProbe<StatusReply<Freelancer.Snapshot>> connected = testKit.createTestProbe();

    freelancer.tell(new Freelancer.Connect("c1", "phone", phone.getRef(), connected.getRef()));
    Freelancer.Snapshot snapshot = connected.receiveMessage().getValue();
    assertThat(snapshot.online()).isTrue();
    assertThat(snapshot.sharedWith()).containsExactly(SAKURA);
    var online =
        (LiveEvent.PresenceChanged) topics.expectMessageClass(TenantTopics.Publish.class).event();
    assertThat(online.online()).isTrue();
    phone.expectMessageClass(LiveEvent.PresenceChanged.class);

    freelancer.tell(new Freelancer.Connect("c2", "laptop", laptop.getRef(), connected.getRef()));
    assertThat(connected.receiveMessage().getValue().devices()).isEqualTo(2);
    topics.expectNoMessage(Duration.ofMillis(100));

    freelancer.tell(new Freelancer.Disconnect("c1"));
    laptop.stop();

    var offline =
        (LiveEvent.PresenceChanged) topics.expectMessageClass(TenantTopics.Publish.class).event();
    assertThat(offline.online()).isFalse();
    assertThat(offline.lastSeen()).isNotNull();

    // The presence book hears the same two moments, and loses the freelancer with the entity.
    assertThat(presenceBook.receiveMessage())
        .isEqualTo(
            new PresenceBook.Record(
                freelancerId, new PresenceBook.Mark(true, 1, online.lastSeen())));
    assertThat(presenceBook.receiveMessage())
        .isEqualTo(
            new PresenceBook.Record(
                freelancerId, new PresenceBook.Mark(false, 0, offline.lastSeen())));
    testKit.stop(freelancer);
    assertThat(presenceBook.receiveMessage()).isEqualTo(new PresenceBook.Erase(freelancerId));
  }

  @Test
  void aHeartbeatBringsBackAConnectionTheEntityDidNotKnow() {
    var freelancer = spawn();
    TestProbe<LiveEvent> phone = testKit.createTestProbe();

    // As after a restart elsewhere: the connection never said Connect to this entity.
    freelancer.tell(new Freelancer.Heartbeat("c1", "phone", phone.getRef()));

    var online =
        (LiveEvent.PresenceChanged) topics.expectMessageClass(TenantTopics.Publish.class).event();
    assertThat(online.online()).isTrue();
    assertThat(online.devices()).isEqualTo(1);
    phone.expectMessageClass(LiveEvent.PresenceChanged.class);

    freelancer.tell(new Freelancer.Heartbeat("c1", "phone", phone.getRef()));
    topics.expectNoMessage(Duration.ofMillis(100));

    phone.stop();
    var offline =
        (LiveEvent.PresenceChanged) topics.expectMessageClass(TenantTopics.Publish.class).event();
    assertThat(offline.online()).isFalse();
  }

  @Test
  void aRestartedEntityHasEverythingThatWasAcknowledged() {
    var first = spawn();
    TestProbe<StatusReply<Availability>> reply = testKit.createTestProbe();
    TestProbe<StatusReply<ChatMessage>> sent = testKit.createTestProbe();
    first.tell(new Freelancer.ChangeAvailability(FROM_APRIL, null, reply.getRef()));
    first.tell(new Freelancer.SendMessage(fromTenant("a", "hello"), sent.getRef()));
    Availability acknowledged = reply.receiveMessage().getValue();
    ChatMessage message = sent.receiveMessage().getValue();
    testKit.stop(first);

    var second = spawn();
    TestProbe<Freelancer.Snapshot> snapshot = testKit.createTestProbe();
    second.tell(new Freelancer.GetSnapshot(snapshot.getRef()));

    Freelancer.Snapshot restarted = snapshot.receiveMessage();
    assertThat(restarted.availability()).isEqualTo(acknowledged);
    assertThat(restarted.sharedWith()).isEqualTo(Set.of(SAKURA));
    assertThat(restarted.conversations())
        .singleElement()
        .extracting(Conversation::lastSeq)
        .isEqualTo(message.seq());
  }

  @Test
  void typingIsRelayedOnlyToSharingTenants() {
    var freelancer = spawn();
    freelancer.tell(new Freelancer.SetTyping(KAEDE, Side.FREELANCER, "me", true));
    topics.expectNoMessage(Duration.ofMillis(100));
    freelancer.tell(new Freelancer.SetTyping(SAKURA, Side.FREELANCER, "me", true));
    assertThat(topics.expectMessageClass(TenantTopics.Publish.class).event())
        .isEqualTo(new LiveEvent.Typing(freelancerId, SAKURA, Side.FREELANCER, "me", true));
  }

  ChatMessage.Draft fromTenant(String clientId, String body) {
    return new ChatMessage.Draft(SAKURA, freelancerId, "recruiter-1", Side.TENANT, clientId, body);
  }
}
