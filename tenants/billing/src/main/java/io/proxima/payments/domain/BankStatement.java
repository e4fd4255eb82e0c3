package io.proxima.payments.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * One imported statement and what each of its credits was matched to. Written once and never
 * changed (the application role may not update it), hence no version of its own; its entries carry
 * theirs.
 */
@Entity
@Table(name = "bank_statement")
public class BankStatement {

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String charset;

  @Column(name = "imported_by", nullable = false)
  private String importedBy;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  @OneToMany(cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
  @JoinColumn(name = "statement_id", nullable = false, updatable = false)
  @OrderBy("line.lineNumber")
  private List<StatementEntry> entries = new ArrayList<>();

  protected BankStatement() {
    // for JPA
  }

  public BankStatement(
      UUID id,
      String charset,
      String importedBy,
      Instant importedAt,
      List<StatementEntry> entries) {
    this.id = Objects.requireNonNull(id, "id");
    this.charset = charset;
    this.importedBy = importedBy;
    this.importedAt = importedAt;
    this.entries = new ArrayList<>(entries);
  }

  public long count(MatchOutcome outcome) {
    return entries.stream().filter(e -> e.outcome() == outcome).count();
  }

  public UUID id() {
    return id;
  }

  public String charset() {
    return charset;
  }

  public String importedBy() {
    return importedBy;
  }

  public Instant importedAt() {
    return importedAt;
  }

  public List<StatementEntry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BankStatement statement && Objects.equals(id, statement.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
