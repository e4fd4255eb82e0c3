package io.proxima.payments.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One imported statement and what each of its credits was matched to. */
public record BankStatement(
    UUID id, String charset, String importedBy, Instant importedAt, List<StatementEntry> entries) {

  public BankStatement {
    entries = List.copyOf(entries);
  }

  public long count(MatchOutcome outcome) {
    return entries.stream().filter(e -> e.outcome() == outcome).count();
  }
}
