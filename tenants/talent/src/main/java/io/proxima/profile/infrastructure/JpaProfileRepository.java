package io.proxima.profile.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.search.SearchText;
import io.proxima.profile.domain.PortableProfile;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.ProfileRepository;
import io.proxima.profile.domain.ProfileView;
import io.proxima.profile.domain.SkillSheetDraft;
import io.proxima.profile.domain.SkillSheetUpload;
import io.proxima.profile.domain.WorkHistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Native SQL, like availability: a profile is one versioned document guarded by its version, and
 * row-level security decides who reads it. The profile document is the portable JSON itself, so the
 * export format and the stored format cannot drift apart.
 */
@ApplicationScoped
public class JpaProfileRepository implements ProfileRepository {

  private static final ObjectMapper DRAFTS =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final String UPLOAD_COLUMNS =
      "id, freelancer_subject, file_name, media_type, size_bytes, sha256, CAST(draft AS text),"
          + " status, uploaded_at, decided_at";

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  private final PortableProfile portable;

  protected JpaProfileRepository() {
    this(null);
  }

  @Inject
  public JpaProfileRepository(PortableProfile portable) {
    this.portable = portable;
  }

  @Override
  public Optional<Profile> find(String freelancerSubject) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT CAST(document AS text), updated_at, version FROM freelancer_profile"
                    + " WHERE freelancer_subject = ?1",
                freelancerSubject))
        .stream()
        .findFirst()
        .map(
            row -> {
              Profile read = portable.fromJson(freelancerSubject, (String) row[0]);
              return new Profile(
                  freelancerSubject,
                  read.name(),
                  read.title(),
                  read.summary(),
                  read.skills(),
                  read.workHistory(),
                  read.education(),
                  read.certifications(),
                  read.desired(),
                  read.links(),
                  NativeSql.instant(row[1]),
                  ((Number) row[2]).longValue());
            });
  }

  @Override
  public boolean store(Profile profile) {
    Object[] values = {
      profile.name(),
      profile.title(),
      portable.toJson(profile),
      Timestamp.from(profile.updatedAt()),
      profile.version(),
      profile.subject(),
      searchTokens(profile)
    };
    // The searchable skill names are read from the stored document itself, so they cannot drift.
    String skillNames =
        "ARRAY(SELECT s->>'name' FROM jsonb_array_elements(CAST(?3 AS jsonb)->'x-proxima'->'skills') s)";
    String sql =
        profile.version() == 1
            ? "INSERT INTO freelancer_profile (name, title, document, skill_names, updated_at,"
                + " version, freelancer_subject, search_tokens) VALUES (?1, ?2, CAST(?3 AS jsonb), "
                + skillNames
                + ", ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING"
            : "UPDATE freelancer_profile SET name = ?1, title = ?2, document = CAST(?3 AS jsonb),"
                + " skill_names = "
                + skillNames
                + ", updated_at = ?4, version = ?5, search_tokens = ?7"
                + " WHERE freelancer_subject = ?6 AND version = ?5 - 1";
    return NativeSql.query(entityManager, sql, values).executeUpdate() == 1;
  }

  /** What candidate search finds a profile by: everything a recruiter would type. */
  static String searchTokens(Profile profile) {
    List<String> texts = new ArrayList<>();
    texts.add(profile.name());
    texts.add(profile.title());
    texts.add(profile.summary());
    profile.skills().forEach(skill -> texts.add(skill.name()));
    for (WorkHistoryEntry entry : profile.workHistory()) {
      texts.add(entry.company());
      texts.add(entry.role());
      texts.add(String.join(" ", entry.technologies()));
      texts.add(entry.description());
    }
    profile.certifications().forEach(certification -> texts.add(certification.name()));
    if (profile.desired() != null) {
      texts.addAll(profile.desired().locations());
    }
    return SearchText.tokens(texts.toArray(String[]::new));
  }

  @Override
  public Optional<SkillSheetUpload> findUpload(UUID id) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT " + UPLOAD_COLUMNS + " FROM skill_sheet_draft WHERE id = ?1",
                id))
        .stream()
        .findFirst()
        .map(JpaProfileRepository::upload);
  }

  @Override
  public List<SkillSheetUpload> uploadsOf(String freelancerSubject, int limit) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT "
                    + UPLOAD_COLUMNS
                    + " FROM skill_sheet_draft WHERE freelancer_subject = ?1"
                    + " ORDER BY uploaded_at DESC LIMIT ?2",
                freelancerSubject,
                limit))
        .stream()
        .map(JpaProfileRepository::upload)
        .toList();
  }

  // Joins the caller's transaction, or has its own when the draft was parsed outside one.
  @Override
  @Transactional
  public void storeUpload(SkillSheetUpload upload) {
    NativeSql.query(
            entityManager,
            "INSERT INTO skill_sheet_draft (id, freelancer_subject, file_name, media_type,"
                + " size_bytes, sha256, draft, status, uploaded_at, decided_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9, ?10)"
                + " ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status,"
                + " decided_at = EXCLUDED.decided_at",
            upload.id(),
            upload.freelancerSubject(),
            upload.fileName(),
            upload.mediaType(),
            upload.sizeBytes(),
            upload.sha256(),
            writeDraft(upload.draft()),
            upload.status().name(),
            Timestamp.from(upload.uploadedAt()),
            upload.decidedAt() == null ? null : Timestamp.from(upload.decidedAt()))
        .executeUpdate();
  }

  @Override
  public void recordView(ProfileView view) {
    NativeSql.query(
            entityManager,
            "INSERT INTO profile_view (freelancer_subject, tenant_id, viewer_subject, what,"
                + " viewed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            view.freelancerSubject(),
            view.tenantId(),
            view.viewerSubject(),
            view.what().name(),
            Timestamp.from(view.viewedAt()))
        .executeUpdate();
  }

  @Override
  public List<ProfileView> viewsOf(String freelancerSubject, int limit) {
    return NativeSql.rows(
            NativeSql.query(
                entityManager,
                "SELECT v.tenant_id, t.display_name, v.viewer_subject, u.display_name, v.what,"
                    + " v.viewed_at FROM profile_view v JOIN tenant t ON t.id = v.tenant_id"
                    + " LEFT JOIN user_account u ON u.keycloak_subject = v.viewer_subject"
                    + " WHERE v.freelancer_subject = ?1 ORDER BY v.viewed_at DESC LIMIT ?2",
                freelancerSubject,
                limit))
        .stream()
        .map(
            row ->
                new ProfileView(
                    freelancerSubject,
                    (UUID) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    ProfileView.Kind.valueOf((String) row[4]),
                    NativeSql.instant(row[5])))
        .toList();
  }

  private static SkillSheetUpload upload(Object[] row) {
    return new SkillSheetUpload(
        (UUID) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        ((Number) row[4]).intValue(),
        ((String) row[5]).strip(),
        readDraft((String) row[6]),
        SkillSheetUpload.Status.valueOf((String) row[7]),
        NativeSql.instant(row[8]),
        row[9] == null ? null : NativeSql.instant(row[9]));
  }

  private static String writeDraft(SkillSheetDraft draft) {
    try {
      return DRAFTS.writeValueAsString(draft);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a draft is plain data and always serialises", e);
    }
  }

  private static SkillSheetDraft readDraft(String json) {
    try {
      return DRAFTS.readValue(json, SkillSheetDraft.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored draft no longer reads", e);
    }
  }
}
