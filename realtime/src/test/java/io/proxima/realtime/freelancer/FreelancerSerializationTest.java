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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message that may cross a node goes through CBOR and comes back equal. */
class FreelancerSerializationTest {

  static final ActorTestKit testKit =
      ActorTestKit.create(ConfigFactory.load("freelancer-test.conf"));
  static final SerializationTestKit serialization = testKit.serializationTestKit();

  static final UUID TENANT = UUID.fromString("6f1c1e4e-8a43-4a8e-9a55-1b0c7f0f6a01");
  static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456Z");
  static final Availability AVAILABILITY =
      new Availability(
          AvailabilityStatus.AVAILABLE_FROM,
          LocalDate.of(2027, 4, 1),
          4,
          8,
          WorkStyle.HYBRID,
          new RateBand(60, 75),
          "週4日、リモート中心",
          NOW,
          3);
  static final Availability.Change CHANGE =
      new Availability.Change(
          AvailabilityStatus.AVAILABLE, null, 5, 8, WorkStyle.REMOTE, null, null);
  static final ChatMessage.Draft DRAFT =
      new ChatMessage.Draft(TENANT, "f-1", "recruiter-1", Side.TENANT, "c-1", "面談はいかがですか");
  static final ChatMessage MESSAGE =
      new ChatMessage(
          UUID.fromString("0b7d8d1c-0c55-4c7e-9f2b-3d7b6c1f2a10"),
          TENANT,
          "f-1",
          7,
          "recruiter-1",
          Side.TENANT,
          "c-1",
          "面談はいかがですか",
          NOW);
  static final Conversation CONVERSATION = new Conversation(TENANT, "f-1", 7, 6, 5, 7, 7, NOW);

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  static Stream<Object> messages() {
    ActorRef<Object> ref = testKit.createTestProbe().getRef();
    @SuppressWarnings("unchecked")
    ActorRef<LiveEvent> session = (ActorRef<LiveEvent>) (ActorRef<?>) ref;
    @SuppressWarnings({"unchecked", "rawtypes"})
    ActorRef replyTo = ref;
    FreelancerStore.Stored stored =
        new FreelancerStore.Stored("山田 太郎", AVAILABILITY, Set.of(TENANT), List.of(CONVERSATION));
    Freelancer.Snapshot snapshot =
        new Freelancer.Snapshot(
            "f-1", "山田 太郎", AVAILABILITY, true, 2, NOW, Set.of(TENANT), List.of(CONVERSATION));
    return Stream.of(
        // commands
        new Freelancer.GetSnapshot(replyTo),
        new Freelancer.ChangeAvailability(CHANGE, 3L, replyTo),
        new Freelancer.ChangeAvailability(CHANGE, null, replyTo),
        new Freelancer.Connect("c-1", "phone", session, replyTo),
        new Freelancer.Heartbeat("c-1", "phone", session),
        new Freelancer.Disconnect("c-1"),
        new Freelancer.SendMessage(DRAFT, replyTo),
        new Freelancer.Acknowledge(TENANT, Side.FREELANCER, true, 7, replyTo),
        new Freelancer.SetTyping(TENANT, Side.TENANT, "佐藤", true),
        new Freelancer.SharingChanged(TENANT, false),
        new Freelancer.Deliver(MESSAGE),
        new Freelancer.Loaded(stored),
        new Freelancer.LoadFailed("database went away", false),
        new Freelancer.LoadFailed("the store is full", true),
        new Freelancer.AvailabilityStored(AVAILABILITY, null, replyTo),
        new Freelancer.AvailabilityReloaded(AVAILABILITY, true, Refusal.conflict("taken"), replyTo),
        new Freelancer.AvailabilityReloaded(null, false, Refusal.unavailable("down"), replyTo),
        new Freelancer.MessagesStored(List.of(MESSAGE), null, List.of(replyTo)),
        new Freelancer.AcknowledgeStored(null, Refusal.unavailable("try again"), replyTo),
        Refusal.notShared(),
        Refusal.overloaded("retry shortly"),
        new Freelancer.SessionEnded("c-1"),
        // replies and their payloads
        snapshot,
        AVAILABILITY,
        MESSAGE,
        CONVERSATION,
        // live events
        new LiveEvent.AvailabilityChanged("f-1", AVAILABILITY, null),
        new LiveEvent.AvailabilityChanged("f-1", AVAILABILITY, AVAILABILITY),
        new LiveEvent.FreelancerJoined("f-1", "山田 太郎", null),
        new LiveEvent.FreelancerLeft("f-1", TENANT),
        new LiveEvent.PresenceChanged("f-1", false, 0, NOW, null),
        new LiveEvent.PresenceChanged("f-1", true, 2, NOW, AVAILABILITY),
        new LiveEvent.MessagePosted("f-1", MESSAGE),
        new LiveEvent.ReceiptAdvanced("f-1", CONVERSATION),
        new LiveEvent.Typing("f-1", TENANT, Side.FREELANCER, "山田", false),
        new LiveEvent.TenantSuspended(TENANT),
        // topic commands
        new TenantTopics.Publish(TENANT, new LiveEvent.FreelancerLeft("f-1", TENANT)),
        new TenantTopics.Publish(TENANT, new LiveEvent.TenantSuspended(TENANT)),
        new TenantTopics.Subscribe(TENANT, session),
        new TenantTopics.Unsubscribe(TENANT, session),
        // presence book commands
        new PresenceBook.Record("f-1", new PresenceBook.Mark(true, 2, NOW)),
        new PresenceBook.Erase("f-1"));
  }

  static Stream<Refusal.Refused> refusals() {
    return Stream.of(Refusal.Reason.values())
        .map(reason -> new Refusal(reason, "because " + reason).asError());
  }

  /**
   * A refusal crosses nodes inside a StatusReply (Pekko's own serializer, not CBOR) and must come
   * back as the same type: the gateway maps it by type.
   */
  @ParameterizedTest
  @MethodSource("refusals")
  void aRefusalTravelsInsideAStatusReplyAndKeepsItsType(Refusal.Refused refused) {
    StatusReply<?> back = serialization.verifySerialization(StatusReply.error(refused), false);
    assertThat(back.isError()).isTrue();
    assertThat(back.getError()).isExactlyInstanceOf(refused.getClass());
    assertThat(back.getError().getMessage()).isEqualTo(refused.getMessage());
  }

  @ParameterizedTest
  @MethodSource("messages")
  void travelsAsCborAndComesBackEqual(Object message) {
    assertThat(
            SerializationExtension.get(testKit.system().classicSystem()).findSerializerFor(message))
        .isInstanceOf(JacksonCborSerializer.class);
    serialization.verifySerialization(message, true);
  }
}
