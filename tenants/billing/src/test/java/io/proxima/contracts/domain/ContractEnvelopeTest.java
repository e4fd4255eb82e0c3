package io.proxima.contracts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The e-signature outbox entry's way from pending to completed. */
class ContractEnvelopeTest {

  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final String SHA = "ab".repeat(32);

  private static Contract draft() {
    return Contract.draft(
            UUID.randomUUID(),
            "freelancer",
            ContractKind.TRIAL,
            ContractTest.terms(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), 0),
            "staff",
            NOW)
        .contract();
  }

  private static Contract sent() {
    Contract draft = draft();
    return draft.send(SHA, draft.version(), "staff", NOW).contract();
  }

  private static ContractEnvelope requested() {
    return ContractEnvelope.request(sent(), "山田 太郎", "y@client.example", "f@example.jp", NOW);
  }

  @Test
  void onlyAFixedDocumentGoesOutAndTheKeyNamesContractDocumentAndRound() {
    assertThatThrownBy(
            () -> ContractEnvelope.request(draft(), "山田 太郎", "y@client.example", "f@x.jp", NOW))
        .isInstanceOf(DomainException.Conflict.class);
    ContractEnvelope envelope = requested();
    assertThat(envelope.status()).isEqualTo(ContractEnvelope.Status.PENDING);
    assertThat(envelope.documentSha256()).isEqualTo(SHA);
    assertThat(envelope.idempotencyKey())
        .isEqualTo("proxima-" + envelope.contractId() + "-" + SHA.substring(0, 16) + "-1");
    assertThat(envelope.due(NOW)).isTrue();
  }

  @Test
  void aClaimHoldsTheEntryForItsLeaseAndCountsTheAttempt() {
    ContractEnvelope envelope = requested();
    envelope.claim(NOW, NOW.plusSeconds(90));
    assertThat(envelope.attempts()).isEqualTo(1);
    assertThat(envelope.due(NOW.plusSeconds(89))).isFalse();
    assertThat(envelope.due(NOW.plusSeconds(90))).isTrue();
    assertThatThrownBy(() -> envelope.claim(NOW.plusSeconds(10), NOW.plusSeconds(100)))
        .isInstanceOf(IllegalStateException.class);
    envelope.retryAt(NOW.plusSeconds(4), "HTTP 503");
    assertThat(envelope.due(NOW.plusSeconds(4))).isTrue();
    assertThat(envelope.lastError()).isEqualTo("HTTP 503");
    envelope.delivered("env-1", NOW.plusSeconds(5));
    assertThat(envelope.status()).isEqualTo(ContractEnvelope.Status.SENT);
    assertThat(envelope.due(NOW.plusSeconds(3600))).isFalse();
    assertThat(envelope.lastError()).isNull();
    // A late answer of a repeated call changes nothing.
    envelope.delivered("env-2", NOW.plusSeconds(6));
    assertThat(envelope.envelopeId()).isEqualTo("env-1");
  }

  @Test
  void aFailedRequestMayBeAskedAgainUnderANewKeyAndNothingElseMay() {
    ContractEnvelope envelope = requested();
    String first = envelope.idempotencyKey();
    assertThatThrownBy(() -> envelope.requestAgain("a", "a@b.jp", "f@x.jp", NOW))
        .isInstanceOf(DomainException.Conflict.class);
    envelope.claim(NOW, NOW.plusSeconds(90));
    envelope.failed("x".repeat(800));
    assertThat(envelope.status()).isEqualTo(ContractEnvelope.Status.FAILED);
    assertThat(envelope.lastError()).hasSize(ContractEnvelope.ERROR_LIMIT);
    envelope.requestAgain("山田 花子", "h@client.example", "f@example.jp", NOW.plusSeconds(60));
    assertThat(envelope.status()).isEqualTo(ContractEnvelope.Status.PENDING);
    assertThat(envelope.attempts()).isZero();
    assertThat(envelope.idempotencyKey()).isNotEqualTo(first).endsWith("-2");
    assertThat(envelope.clientSignerEmail()).isEqualTo("h@client.example");
  }

  @Test
  void onlyASentEnvelopeCompletesAndOnlyOnce() {
    ContractEnvelope envelope = requested();
    byte[] pdf = {1, 2, 3};
    assertThatThrownBy(() -> envelope.completed("env-1", pdf, SHA, pdf, NOW))
        .isInstanceOf(DomainException.Conflict.class);
    envelope.claim(NOW, NOW.plusSeconds(90));
    envelope.delivered("env-1", NOW);
    assertThatThrownBy(() -> envelope.completed("env-other", pdf, SHA, pdf, NOW))
        .isInstanceOf(DomainException.Conflict.class);
    envelope.completed("env-1", pdf, "cd".repeat(32), new byte[] {9}, NOW);
    assertThat(envelope.status()).isEqualTo(ContractEnvelope.Status.COMPLETED);
    envelope.completed("env-1", new byte[] {7}, SHA, new byte[] {7}, NOW.plusSeconds(1));
    assertThat(envelope.signedDocument()).isEqualTo(pdf);
    assertThat(envelope.certificate()).containsExactly(9);
  }
}
