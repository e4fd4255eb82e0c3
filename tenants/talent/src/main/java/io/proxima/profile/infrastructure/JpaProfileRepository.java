package io.proxima.profile.infrastructure;

import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.RacedWrites;
import io.proxima.platform.privacy.PersonalDataVault;
import io.proxima.platform.search.SearchText;
import io.proxima.profile.domain.PortableProfile;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.ProfileRepository;
import io.proxima.profile.domain.ProfileView;
import io.proxima.profile.domain.RecordedView;
import io.proxima.profile.domain.SkillSheetOriginal;
import io.proxima.profile.domain.SkillSheetUpload;
import io.proxima.profile.domain.UploadPage;
import io.proxima.profile.domain.WorkHistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Profiles, skill-sheet uploads and profile views through Hibernate. A profile is one versioned
 * entity whose document column is the portable JSON itself, written and read here through {@link
 * PortableProfile}; row-level security decides who reads it. Native SQL stays for the freelancer's
 * list of views, a read model joined with every tenant's and viewer's names.
 */
@ApplicationScoped
public class JpaProfileRepository implements ProfileRepository {

  private final EntityManager entityManager;
  private final PortableProfile portable;
  private final PersonalDataVault vault;

  protected JpaProfileRepository() {
    this(null, null, null);
  }

  @Inject
  public JpaProfileRepository(
      EntityManager entityManager, PortableProfile portable, PersonalDataVault vault) {
    this.entityManager = entityManager;
    this.portable = portable;
    this.vault = vault;
  }

  @Override
  public Optional<Profile> find(String freelancerSubject) {
    Profile stored = entityManager.find(Profile.class, freelancerSubject);
    if (stored != null) {
      stored.readFrom(portable.fromJson(freelancerSubject, stored.document()));
    }
    return Optional.ofNullable(stored);
  }

  @Override
  public boolean store(Profile profile) {
    try {
      if (profile.version() == 1) {
        profile.document(portable.toJson(profile), searchTokens(profile));
        entityManager.persist(profile);
      } else {
        Profile stored = find(profile.subject()).orElse(null);
        if (stored == null || stored.version() != profile.version() - 1) {
          return false;
        }
        stored.takeOver(profile);
        stored.document(portable.toJson(stored), searchTokens(stored));
      }
    } catch (EntityExistsException e) {
      return false;
    }
    // Another writer's version (or first version, stored twice at once) shows now, while the
    // caller can still answer 409.
    return RacedWrites.flushUnlessRaced(entityManager);
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
      texts.addAll(entry.via());
      texts.add(entry.project());
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
    return Optional.ofNullable(entityManager.find(SkillSheetUpload.class, id));
  }

  @Override
  public List<SkillSheetUpload> uploadsOf(String freelancerSubject, int limit) {
    return entityManager
        .createQuery(
            "select u from SkillSheetUpload u where u.freelancerSubject = :owner"
                + " order by u.uploadedAt desc",
            SkillSheetUpload.class)
        .setParameter("owner", freelancerSubject)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public UploadPage uploadsOf(String freelancerSubject, int page, int size) {
    long total =
        entityManager
            .createQuery(
                "select count(u) from SkillSheetUpload u where u.freelancerSubject = :owner",
                Long.class)
            .setParameter("owner", freelancerSubject)
            .getSingleResult();
    List<SkillSheetUpload> uploads =
        entityManager
            .createQuery(
                "select u from SkillSheetUpload u where u.freelancerSubject = :owner"
                    + " order by u.uploadedAt desc, u.id",
                SkillSheetUpload.class)
            .setParameter("owner", freelancerSubject)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    return new UploadPage(uploads, page, size, total);
  }

  // Joins the caller's transaction, or has its own when the draft was parsed outside one.
  @Override
  @Transactional
  public void storeUpload(SkillSheetUpload upload, SkillSheetOriginal original) {
    entityManager.persist(upload);
    entityManager.persist(SealedSkillSheetOriginal.sealing(original, vault));
    entityManager.flush();
  }

  @Override
  public Optional<SkillSheetOriginal> findOriginal(UUID uploadId) {
    return Optional.ofNullable(entityManager.find(SealedSkillSheetOriginal.class, uploadId))
        .map(row -> row.opened(vault));
  }

  // The original goes first (the database would cascade, but the persistence context would not
  // know); both in the caller's transaction, so a failure leaves the upload whole.
  @Override
  public void deleteUpload(SkillSheetUpload upload) {
    entityManager
        .createQuery("delete from SealedSkillSheetOriginal o where o.uploadId = :id")
        .setParameter("id", upload.id())
        .executeUpdate();
    entityManager.remove(entityManager.contains(upload) ? upload : entityManager.merge(upload));
    entityManager.flush();
  }

  // Joins the caller's transaction, or has its own when the draft was parsed outside one.
  @Override
  @Transactional
  public void storeUpload(SkillSheetUpload upload) {
    if (entityManager.contains(upload)) {
      return;
    }
    if (entityManager.find(SkillSheetUpload.class, upload.id()) == null) {
      entityManager.persist(upload);
    } else {
      // A copy decided elsewhere: merged only if nobody decided it meanwhile (its version).
      entityManager.merge(upload);
    }
    entityManager.flush();
  }

  @Override
  public void recordView(ProfileView view) {
    entityManager.persist(RecordedView.of(view));
  }

  // Native: the entity's @TenantId would stamp the self scope's no-tenant marker on the row.
  @Override
  public void recordOwnCopy(String freelancerSubject, ProfileView.Kind what, Instant at) {
    if (!what.own()) {
      throw new IllegalArgumentException(what + " is recorded by tenant staff, not the freelancer");
    }
    NativeSql.query(
            entityManager,
            "INSERT INTO profile_view (freelancer_subject, tenant_id, viewer_subject, what, viewed_at)"
                + " VALUES (?1, NULL, ?1, ?2, ?3)",
            freelancerSubject,
            what.name(),
            at)
        .executeUpdate();
  }

  @Override
  public List<ProfileView> viewsOf(String freelancerSubject, int limit) {
    return NativeSql.list(
        entityManager,
        "SELECT v.tenant_id AS tenant_id, t.display_name AS tenant_name,"
            + " v.viewer_subject AS viewer_subject, u.display_name AS viewer_name,"
            + " v.what AS what, v.viewed_at AS viewed_at"
            + " FROM profile_view v LEFT JOIN tenant t ON t.id = v.tenant_id"
            + " LEFT JOIN user_account u ON u.keycloak_subject = v.viewer_subject"
            + " WHERE v.freelancer_subject = ?1 ORDER BY v.viewed_at DESC, v.id DESC LIMIT ?2",
        row ->
            new ProfileView(
                freelancerSubject,
                row.uuid("tenant_id"),
                row.string("tenant_name"),
                row.string("viewer_subject"),
                row.string("viewer_name"),
                ProfileView.Kind.valueOf(row.string("what")),
                row.instant("viewed_at")),
        freelancerSubject,
        limit);
  }
}
