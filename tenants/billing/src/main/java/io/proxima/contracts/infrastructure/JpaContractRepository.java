package io.proxima.contracts.infrastructure;

import io.proxima.contracts.domain.Contract;
import io.proxima.contracts.domain.ContractChange;
import io.proxima.contracts.domain.ContractEnvelope;
import io.proxima.contracts.domain.ContractRepository;
import io.proxima.contracts.domain.TimeReport;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.RacedWrites;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.binder.internal.TenantIdBinder;

/**
 * Contracts and time reports in PostgreSQL through their mappings; row-level security decides whose
 * rows a caller reaches. A freelancer reads their contracts from outside the tenant: for them
 * Hibernate's tenant filter steps aside and row-level security alone decides.
 */
@ApplicationScoped
public class JpaContractRepository implements ContractRepository {

  private final EntityManager entityManager;

  /** For the CDI client proxy only. */
  protected JpaContractRepository() {
    this(null);
  }

  @Inject
  public JpaContractRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void add(Contract contract, byte[] document) {
    entityManager.persist(contract);
    if (document != null) {
      entityManager.flush();
      fixDocument(contract, document);
    }
  }

  @Override
  public Optional<Contract> find(UUID id) {
    return acrossTenants(() -> Optional.ofNullable(entityManager.find(Contract.class, id)));
  }

  @Override
  public boolean store(Contract next, byte[] document) {
    if (document != null) {
      fixDocument(next, document);
    }
    return flushed();
  }

  @Override
  public void record(UUID contractId, ContractChange change) {
    Contract contract = find(contractId).orElseThrow();
    entityManager.persist(
        new ContractStep(contract.id(), contract.tenantId(), contract.freelancerSubject(), change));
  }

  @Override
  public List<ContractChange> history(UUID contractId) {
    return entityManager
        .createQuery(
            "select s.change from ContractStep s where s.contractId = :contract order by s.id",
            ContractChange.class)
        .setParameter("contract", contractId)
        .getResultList();
  }

  @Override
  public Optional<byte[]> document(UUID contractId) {
    return acrossTenants(
        () ->
            Optional.ofNullable(entityManager.find(ContractDocument.class, contractId))
                .map(ContractDocument::bytes));
  }

  @Override
  public List<Contract> ofTenant(int limit) {
    // Hibernate's tenant filter keeps this to the request's tenant, so the freelancer policy of
    // row-level security never widens it by a staff member's own contracts.
    return entityManager
        .createQuery("select c from Contract c order by c.updatedAt desc, c.id", Contract.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Contract> ofFreelancer(String subject, int limit) {
    return acrossTenants(
        () ->
            entityManager
                .createQuery(
                    "select c from Contract c where c.freelancerSubject = :subject"
                        + " order by c.updatedAt desc, c.id",
                    Contract.class)
                .setParameter("subject", subject)
                .setMaxResults(limit)
                .getResultList());
  }

  @Override
  public boolean addEnvelope(ContractEnvelope envelope) {
    if (entityManager.find(ContractEnvelope.class, envelope.contractId()) != null) {
      return false;
    }
    entityManager.persist(envelope);
    // Two clicks racing: the contract is the key, the second insert loses here, not at commit.
    return RacedWrites.flushUnlessTaken(entityManager);
  }

  @Override
  public Optional<ContractEnvelope> envelopeOf(UUID contractId) {
    return Optional.ofNullable(entityManager.find(ContractEnvelope.class, contractId));
  }

  @Override
  public Optional<ContractEnvelope> claimDueEnvelope(UUID contractId, Instant now) {
    // SKIP LOCKED: a node finding the row taken by another moves on instead of waiting for it.
    return entityManager
        .createNativeQuery(
            "select * from contract_envelope where contract_id = :contract"
                + " and status = 'PENDING' and next_attempt_at <= :now for update skip locked",
            ContractEnvelope.class)
        .setParameter("contract", contractId)
        .setParameter("now", now)
        .getResultStream()
        .findFirst()
        .map(ContractEnvelope.class::cast);
  }

  @Override
  public Optional<ContractEnvelope> lockEnvelope(UUID contractId) {
    return Optional.ofNullable(
        entityManager.find(
            ContractEnvelope.class,
            contractId,
            jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<EnvelopeOwner> envelopesDue(Instant now, int limit) {
    return entityManager
        .createQuery(
            "select new io.proxima.contracts.domain.ContractRepository$EnvelopeOwner("
                + "e.contractId, e.tenantId) from ContractEnvelope e"
                + " where e.status = :pending and e.nextAttemptAt <= :now"
                + " order by e.nextAttemptAt",
            EnvelopeOwner.class)
        .setParameter("pending", ContractEnvelope.Status.PENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Optional<EnvelopeOwner> ownerOfEnvelope(String envelopeId) {
    return entityManager
        .createQuery(
            "select e from ContractEnvelope e where e.envelopeId = :envelope",
            ContractEnvelope.class)
        .setParameter("envelope", envelopeId)
        .getResultStream()
        .findFirst()
        .map(e -> new EnvelopeOwner(e.contractId(), e.tenantId()));
  }

  @Override
  public Optional<TimeReport> report(UUID contractId, YearMonth month) {
    return entityManager
        .createQuery(
            "select r from TimeReport r where r.contractId = :contract and r.month = :month",
            TimeReport.class)
        .setParameter("contract", contractId)
        .setParameter("month", month)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<TimeReport> reports(UUID contractId) {
    return entityManager
        .createQuery(
            "select r from TimeReport r where r.contractId = :contract order by r.month desc",
            TimeReport.class)
        .setParameter("contract", contractId)
        .getResultList();
  }

  @Override
  public boolean add(TimeReport report) {
    entityManager.persist(report);
    // Another request may have written the month's report first (one per contract and month).
    return RacedWrites.flushUnlessTaken(entityManager);
  }

  @Override
  public boolean store(TimeReport next) {
    return flushed();
  }

  /** Writes pending changes now, so that a concurrent change answers here as a conflict. */
  private boolean flushed() {
    return RacedWrites.flushUnlessStale(entityManager);
  }

  private void fixDocument(Contract contract, byte[] document) {
    ContractDocument stored = entityManager.find(ContractDocument.class, contract.id());
    if (stored == null) {
      throw new DomainException.NotFound("There is no such contract.");
    }
    stored.fix(contract.documentSha256(), document);
  }

  /**
   * Runs a read of contracts for a freelancer outside any tenant without Hibernate's tenant filter
   * (which would hide every row there); row-level security lets them see only their own.
   */
  private <T> T acrossTenants(Supplier<T> read) {
    if (TenancyContext.current().scope() != TenancyContext.Scope.SELF) {
      return read.get();
    }
    Session session = entityManager.unwrap(Session.class);
    if (session.getEnabledFilter(TenantIdBinder.FILTER_NAME) == null) {
      return read.get();
    }
    Object tenant = session.getTenantIdentifierValue();
    session.disableFilter(TenantIdBinder.FILTER_NAME);
    try {
      return read.get();
    } finally {
      session
          .enableFilter(TenantIdBinder.FILTER_NAME)
          .setParameter(TenantIdBinder.PARAMETER_NAME, tenant);
    }
  }

  @Override
  public List<Ending> endingUnreminded(LocalDate from, LocalDate to, int limit) {
    return NativeSql.list(
        entityManager,
        "SELECT id, tenant_id, freelancer_subject, terms->>'title' AS title,"
            + " terms->>'freelancerName' AS freelancer_name,"
            + " (terms->>'endDate')::date AS end_date,"
            + " COALESCE((terms->>'renewalMonths')::int, 0) AS renewal_months"
            + " FROM contract WHERE status = 'ACTIVE'"
            + " AND (terms->>'endDate')::date BETWEEN ?1 AND ?2"
            + " AND end_reminded_for IS DISTINCT FROM (terms->>'endDate')::date"
            + " ORDER BY (terms->>'endDate')::date, id LIMIT ?3",
        row ->
            new Ending(
                row.uuid("id"),
                row.uuid("tenant_id"),
                row.string("freelancer_subject"),
                row.string("title"),
                row.string("freelancer_name"),
                row.date("end_date"),
                row.integer("renewal_months")),
        from,
        to,
        limit);
  }

  @Override
  public boolean markEndReminded(UUID contractId, LocalDate endDate) {
    // One statement: the row lock makes a second node's update wait, then find nothing to do.
    return entityManager
            .createNativeQuery(
                "UPDATE contract SET end_reminded_for = ?2 WHERE id = ?1 AND status = 'ACTIVE'"
                    + " AND (terms->>'endDate')::date = ?2"
                    + " AND end_reminded_for IS DISTINCT FROM ?2")
            .setParameter(1, contractId)
            .setParameter(2, endDate)
            .executeUpdate()
        == 1;
  }

  @Override
  public void unmarkEndReminded(UUID contractId, LocalDate endDate) {
    entityManager
        .createNativeQuery(
            "UPDATE contract SET end_reminded_for = NULL WHERE id = ?1 AND end_reminded_for = ?2")
        .setParameter(1, contractId)
        .setParameter(2, endDate)
        .executeUpdate();
  }
}
