package io.proxima.contracts.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.proxima.contracts.domain.Contract;
import io.proxima.contracts.domain.ContractChange;
import io.proxima.contracts.domain.ContractKind;
import io.proxima.contracts.domain.ContractRepository;
import io.proxima.contracts.domain.ContractStatus;
import io.proxima.contracts.domain.ContractTerms;
import io.proxima.contracts.domain.Signature;
import io.proxima.contracts.domain.TimeReport;
import io.proxima.platform.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Contracts and time reports in PostgreSQL; row-level security decides whose rows a caller reaches.
 */
@ApplicationScoped
public class JpaContractRepository implements ContractRepository {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final TypeReference<List<Signature>> SIGNATURES = new TypeReference<>() {};
  private static final TypeReference<List<TimeReport.WorkDay>> DAYS = new TypeReference<>() {};

  private static final String COLUMNS =
      "id, tenant_id, freelancer_subject, kind, status, CAST(terms AS text), trial_of,"
          + " document_sha256, CAST(signatures AS text), created_at, updated_at, version";
  private static final String REPORT_COLUMNS =
      "id, tenant_id, contract_id, freelancer_subject, month, hours, CAST(days AS text), status,"
          + " note, invoice_id, updated_at, version";

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  @Override
  public void add(Contract c, byte[] document) {
    NativeSql.query(
            entityManager,
            "INSERT INTO contract ("
                + COLUMNS
                    .replace("CAST(terms AS text)", "terms")
                    .replace("CAST(signatures AS text)", "signatures")
                + ", document) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), CAST(?7 AS uuid),"
                + " CAST(?8 AS text), CAST(?9 AS jsonb), ?10, ?11, ?12, CAST(?13 AS bytea))",
            c.id(),
            c.tenantId(),
            c.freelancerSubject(),
            c.kind().name(),
            c.status().name(),
            json(c.terms()),
            c.trialOf(),
            c.documentSha256(),
            json(c.signatures()),
            Timestamp.from(c.createdAt()),
            Timestamp.from(c.updatedAt()),
            c.version(),
            document)
        .executeUpdate();
  }

  @Override
  public Optional<Contract> find(UUID id) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager, "SELECT " + COLUMNS + " FROM contract WHERE id = ?1", id))
        .stream()
        .findFirst()
        .map(JpaContractRepository::contract);
  }

  @Override
  public boolean store(Contract next, byte[] document) {
    return NativeSql.query(
                entityManager,
                "UPDATE contract SET status = ?2, terms = CAST(?3 AS jsonb),"
                    + " document_sha256 = CAST(?4 AS text),"
                    + " document = coalesce(CAST(?5 AS bytea), document),"
                    + " signatures = CAST(?6 AS jsonb), updated_at = ?7, version = ?8"
                    + " WHERE id = ?1 AND version = ?9",
                next.id(),
                next.status().name(),
                json(next.terms()),
                next.documentSha256(),
                document,
                json(next.signatures()),
                Timestamp.from(next.updatedAt()),
                next.version(),
                next.version() - 1)
            .executeUpdate()
        == 1;
  }

  @Override
  public void record(UUID contractId, ContractChange change) {
    NativeSql.query(
            entityManager,
            "INSERT INTO contract_step (contract_id, tenant_id, freelancer_subject, from_status,"
                + " to_status, actor_subject, reason, at) SELECT c.id, c.tenant_id,"
                + " c.freelancer_subject, CAST(?2 AS text), ?3, ?4, CAST(?5 AS text), ?6"
                + " FROM contract c WHERE c.id = ?1",
            contractId,
            change.from() == null ? null : change.from().name(),
            change.to().name(),
            change.actorSubject(),
            change.reason(),
            Timestamp.from(change.at()))
        .executeUpdate();
  }

  @Override
  public List<ContractChange> history(UUID contractId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT from_status, to_status, actor_subject, reason, at FROM contract_step"
                    + " WHERE contract_id = ?1 ORDER BY id",
                contractId))
        .stream()
        .map(
            r ->
                new ContractChange(
                    r[0] == null ? null : ContractStatus.valueOf((String) r[0]),
                    ContractStatus.valueOf((String) r[1]),
                    (String) r[2],
                    (String) r[3],
                    NativeSql.instant(r[4])))
        .toList();
  }

  @Override
  public Optional<byte[]> document(UUID contractId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT id, document FROM contract WHERE id = ?1 AND document IS NOT NULL",
                contractId))
        .stream()
        .findFirst()
        .map(r -> (byte[]) r[1]);
  }

  @Override
  public List<Contract> ofTenant(int limit) {
    // Row-level security narrows to the request's tenant; the freelancer policy must not widen a
    // staff member's own contracts into this list, hence the explicit tenant.
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + COLUMNS
                    + " FROM contract WHERE tenant_id = proxima_tenant()"
                    + " ORDER BY updated_at DESC, id LIMIT ?1",
                limit))
        .stream()
        .map(JpaContractRepository::contract)
        .toList();
  }

  @Override
  public List<Contract> ofFreelancer(String subject, int limit) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + COLUMNS
                    + " FROM contract WHERE freelancer_subject = ?1"
                    + " ORDER BY updated_at DESC, id LIMIT ?2",
                subject,
                limit))
        .stream()
        .map(JpaContractRepository::contract)
        .toList();
  }

  @Override
  public boolean addEnvelope(UUID contractId, UUID tenantId, String envelopeId) {
    return NativeSql.query(
                entityManager,
                "INSERT INTO contract_envelope (contract_id, tenant_id, envelope_id, sent_at)"
                    + " VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING",
                contractId,
                tenantId,
                envelopeId)
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<String> envelopeOf(UUID contractId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT envelope_id, sent_at FROM contract_envelope WHERE contract_id = ?1",
                contractId))
        .stream()
        .findFirst()
        .map(r -> (String) r[0]);
  }

  @Override
  public Optional<EnvelopeOwner> ownerOfEnvelope(String envelopeId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT contract_id, tenant_id FROM contract_envelope WHERE envelope_id = ?1",
                envelopeId))
        .stream()
        .findFirst()
        .map(r -> new EnvelopeOwner((UUID) r[0], (UUID) r[1]));
  }

  @Override
  public Optional<TimeReport> report(UUID contractId, YearMonth month) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + REPORT_COLUMNS
                    + " FROM time_report WHERE contract_id = ?1 AND month = ?2",
                contractId,
                Date.valueOf(month.atDay(1))))
        .stream()
        .findFirst()
        .map(JpaContractRepository::report);
  }

  @Override
  public List<TimeReport> reports(UUID contractId) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + REPORT_COLUMNS
                    + " FROM time_report WHERE contract_id = ?1"
                    + " ORDER BY month DESC",
                contractId))
        .stream()
        .map(JpaContractRepository::report)
        .toList();
  }

  @Override
  public boolean add(TimeReport r) {
    return NativeSql.query(
                entityManager,
                "INSERT INTO time_report ("
                    + REPORT_COLUMNS.replace("CAST(days AS text)", "days")
                    + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, CAST(?9 AS text),"
                    + " CAST(?10 AS uuid), ?11, ?12) ON CONFLICT (contract_id, month) DO NOTHING",
                r.id(),
                r.tenantId(),
                r.contractId(),
                r.freelancerSubject(),
                Date.valueOf(r.month().atDay(1)),
                r.hours(),
                json(r.days()),
                r.status().name(),
                r.note(),
                r.invoiceId(),
                Timestamp.from(r.updatedAt()),
                r.version())
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean store(TimeReport next) {
    return NativeSql.query(
                entityManager,
                "UPDATE time_report SET hours = ?2, days = CAST(?3 AS jsonb), status = ?4,"
                    + " note = CAST(?5 AS text), invoice_id = CAST(?6 AS uuid), updated_at = ?7,"
                    + " version = ?8 WHERE id = ?1 AND version = ?9",
                next.id(),
                next.hours(),
                json(next.days()),
                next.status().name(),
                next.note(),
                next.invoiceId(),
                Timestamp.from(next.updatedAt()),
                next.version(),
                next.version() - 1)
            .executeUpdate()
        == 1;
  }

  private static Contract contract(Object[] r) {
    return new Contract(
        (UUID) r[0],
        (UUID) r[1],
        (String) r[2],
        ContractKind.valueOf((String) r[3]),
        ContractStatus.valueOf((String) r[4]),
        read((String) r[5], ContractTerms.class),
        (UUID) r[6],
        r[7] == null ? null : ((String) r[7]).strip(),
        read((String) r[8], SIGNATURES),
        NativeSql.instant(r[9]),
        NativeSql.instant(r[10]),
        ((Number) r[11]).longValue());
  }

  private static TimeReport report(Object[] r) {
    return new TimeReport(
        (UUID) r[0],
        (UUID) r[1],
        (UUID) r[2],
        (String) r[3],
        YearMonth.from(((Date) r[4]).toLocalDate()),
        (BigDecimal) r[5],
        read((String) r[6], DAYS),
        TimeReport.Status.valueOf((String) r[7]),
        (String) r[8],
        (UUID) r[9],
        NativeSql.instant(r[10]),
        ((Number) r[11]).longValue());
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T read(String text, Class<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + type.getSimpleName() + " in the database", e);
    }
  }

  private static <T> T read(String text, TypeReference<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored JSON", e);
    }
  }
}
