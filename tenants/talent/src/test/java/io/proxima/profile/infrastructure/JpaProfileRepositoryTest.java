package io.proxima.profile.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.profile.domain.Acquired;
import io.proxima.profile.domain.Certification;
import io.proxima.profile.domain.Period;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.ProfileLinks;
import io.proxima.profile.domain.ProfileView;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillCategory;
import io.proxima.profile.domain.SkillLevel;
import io.proxima.profile.domain.SkillSheetDraft;
import io.proxima.profile.domain.SkillSheetOriginal;
import io.proxima.profile.domain.SkillSheetUpload;
import io.proxima.profile.domain.UploadPage;
import io.proxima.profile.domain.WorkHistoryEntry;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Consent;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaConsentRepository;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Profiles, skill-sheet uploads and profile views in a real PostgreSQL, as the application role.
 */
class JpaProfileRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaProfileRepository profiles =
      new JpaProfileRepository(
          kit.entityManager(), new PortableProfileDocuments(Optional.empty()), kit.vault());
  private final String me = "freelancer-" + UUID.randomUUID();

  @Test
  void aProfileIsStoredAsItsPortableDocumentAndReadBackWhole() {
    Profile first = Profile.empty(me).revise(edited("山田 太郎", "Java", "PostgreSQL"), 0, NOW);
    assertThat(kit.in(self(me), () -> profiles.store(first))).isTrue();

    Profile read = kit.in(self(me), () -> profiles.find(me)).orElseThrow();
    assertThat(read.version()).isEqualTo(1);
    assertThat(read.updatedAt()).isEqualTo(NOW);
    assertThat(read)
        .usingRecursiveComparison()
        .ignoringFields("document", "skillNames", "searchTokens")
        .isEqualTo(first);
    // The columns beside the document are what search reads without parsing it.
    assertThat(read.skillNames()).containsExactly("Java", "PostgreSQL");
    assertThat(read.document()).contains("\"x-proxima\"", "\"basics\"");
    assertThat(kit.in(self(me), () -> profiles.find("nobody-" + UUID.randomUUID()))).isEmpty();
  }

  @Test
  void aRevisionFollowsItsVersionAndAStaleOneIsRefused() {
    Profile first = Profile.empty(me).revise(edited("A", "Java"), 0, NOW);
    kit.in(self(me), () -> profiles.store(first));
    Profile second = first.revise(edited("B", "Go"), 1, NOW.plusSeconds(60));
    assertThat(kit.in(self(me), () -> profiles.store(second))).isTrue();

    // Another tab still holding version 1 stores its own version 2: refused, nothing overwritten.
    Profile stale = first.revise(edited("C", "Rust"), 1, NOW.plusSeconds(120));
    assertThat(kit.in(self(me), () -> profiles.store(stale))).isFalse();
    // And a second "first" version for the same freelancer is refused as well.
    assertThat(kit.in(self(me), () -> profiles.store(first))).isFalse();

    Profile read = kit.in(self(me), () -> profiles.find(me)).orElseThrow();
    assertThat(read.version()).isEqualTo(2);
    assertThat(read.name()).isEqualTo("B");
    assertThat(read.skillNames()).containsExactly("Go");
    assertThat(read.updatedAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void aProfileIsSeenByATenantOnlyWhileTheFreelancerSharesWithIt() {
    kit.in(self(me), () -> profiles.store(Profile.empty(me).revise(edited("A", "Java"), 0, NOW)));
    Tenant shared = registerTenant();
    Tenant other = registerTenant();
    JpaConsentRepository consents = new JpaConsentRepository(kit.entityManager());
    kit.in(self(me), () -> consents.store(Consent.give(me, shared.id(), NOW)));

    assertThat(kit.in(staff(shared), () -> profiles.find(me))).isPresent();
    assertThat(kit.in(staff(other), () -> profiles.find(me))).isEmpty();
    assertThat(kit.in(self("someone-else"), () -> profiles.find(me))).isEmpty();
    // Nobody but the freelancer writes the profile.
    Profile forged = Profile.empty(me).revise(edited("X", "Java"), 0, NOW);
    assertThatThrownBy(() -> kit.in(staff(shared), () -> profiles.store(forged)))
        .isInstanceOf(RuntimeException.class);
    assertThat(kit.in(self(me), () -> profiles.find(me)))
        .get()
        .extracting(Profile::name)
        .isEqualTo("A");
  }

  @Test
  void anUploadKeepsItsDraftAsJsonAndIsDecidedOnce() {
    SkillSheetDraft draft =
        new SkillSheetDraft(
            "山田 太郎",
            "バックエンド",
            null,
            List.of(skill("Java")),
            List.of(
                new WorkHistoryEntry(
                    "大手EC",
                    List.of(),
                    null,
                    new Period(YearMonth.of(2021, 4), null),
                    "PL",
                    6,
                    List.of(),
                    List.of("Java", "AWS"),
                    "決済")),
            List.of(),
            List.of(new Certification("基本情報技術者", Acquired.of(YearMonth.of(2015, 10)))),
            List.of("読めなかった行"),
            List.of());
    SkillSheetUpload upload =
        SkillSheetUpload.pending(
            me, "sheet.xlsx", "application/x", 1234, "a".repeat(64), draft, NOW);
    // Stored outside any caller's transaction, as the upload endpoint does.
    kit.in(self(me), () -> profiles.storeUpload(upload));

    SkillSheetUpload read = kit.in(self(me), () -> profiles.findUpload(upload.id())).orElseThrow();
    assertThat(read.draft()).isEqualTo(draft);
    assertThat(read.sha256()).isEqualTo("a".repeat(64));
    assertThat(read.status()).isEqualTo(SkillSheetUpload.Status.PENDING);

    kit.in(
        self(me),
        () -> {
          SkillSheetUpload pending = profiles.findUpload(upload.id()).orElseThrow();
          profiles.storeUpload(pending.applied(NOW.plusSeconds(5)));
        });
    SkillSheetUpload applied =
        kit.in(self(me), () -> profiles.findUpload(upload.id())).orElseThrow();
    assertThat(applied.status()).isEqualTo(SkillSheetUpload.Status.APPLIED);
    assertThat(applied.decidedAt()).isEqualTo(NOW.plusSeconds(5));

    // A copy read before it was applied cannot decide it again.
    read.discarded(NOW.plusSeconds(9));
    assertThatThrownBy(() -> kit.in(self(me), () -> profiles.storeUpload(read)))
        .isInstanceOf(OptimisticLockException.class);
    assertThat(kit.in(self(me), () -> profiles.findUpload(upload.id())))
        .get()
        .extracting(SkillSheetUpload::status)
        .isEqualTo(SkillSheetUpload.Status.APPLIED);
  }

  @Test
  void uploadsAreListedNewestFirstAndOnlyToTheirOwner() {
    SkillSheetUpload older = upload(NOW);
    SkillSheetUpload newer = upload(NOW.plusSeconds(60));
    SkillSheetUpload newest = upload(NOW.plusSeconds(120));

    assertThat(kit.in(self(me), () -> profiles.uploadsOf(me, 2)))
        .extracting(SkillSheetUpload::id)
        .containsExactly(newest.id(), newer.id());
    assertThat(kit.in(self(me), () -> profiles.uploadsOf(me, 10))).hasSize(3).contains(older);

    Tenant tenant = registerTenant();
    kit.in(
        self(me),
        () ->
            new JpaConsentRepository(kit.entityManager())
                .store(Consent.give(me, tenant.id(), NOW)));
    for (TenancyContext outsider : List.of(self("someone-else"), staff(tenant))) {
      assertThat(kit.in(outsider, () -> profiles.uploadsOf(me, 10))).isEmpty();
      assertThat(kit.in(outsider, () -> profiles.findUpload(older.id()))).isEmpty();
    }
  }

  @Test
  void theHistoryIsPagedNewestFirstWithTheTotal() {
    List<SkillSheetUpload> uploads =
        List.of(
            upload(NOW),
            upload(NOW.plusSeconds(60)),
            upload(NOW.plusSeconds(120)),
            upload(NOW.plusSeconds(180)),
            upload(NOW.plusSeconds(240)));

    UploadPage first = kit.in(self(me), () -> profiles.uploadsOf(me, 0, 2));
    UploadPage last = kit.in(self(me), () -> profiles.uploadsOf(me, 2, 2));

    assertThat(first.total()).isEqualTo(5);
    assertThat(first.pages()).isEqualTo(3);
    assertThat(first.uploads())
        .extracting(SkillSheetUpload::id)
        .containsExactly(uploads.get(4).id(), uploads.get(3).id());
    assertThat(last.uploads())
        .extracting(SkillSheetUpload::id)
        .containsExactly(uploads.get(0).id());
    assertThat(kit.in(self("someone-else"), () -> profiles.uploadsOf(me, 0, 10)).total()).isZero();
  }

  @Test
  void theOriginalIsKeptForItsOwnerAloneAndDeletedWithItsUpload() {
    SkillSheetUpload upload =
        SkillSheetUpload.pending(
            me,
            "sheet.pdf",
            "application/pdf",
            4,
            "c".repeat(64),
            new SkillSheetDraft(null, null, null, null, null, null, null, null, List.of()),
            NOW);
    byte[] pdf = {'%', 'P', 'D', 'F'};
    kit.in(
        self(me),
        () -> profiles.storeUpload(upload, new SkillSheetOriginal(upload, pdf, "氏名: 山田 太郎")));

    SkillSheetOriginal original =
        kit.in(self(me), () -> profiles.findOriginal(upload.id())).orElseThrow();
    assertThat(original.content()).isEqualTo(pdf);
    assertThat(original.text()).isEqualTo("氏名: 山田 太郎");
    String raw = rawOriginal(upload.id());
    assertThat(raw)
        .as("the table holds the file and its text sealed, not readable without the key")
        .startsWith("sealed ")
        .doesNotContain(hex("%PDF".getBytes(StandardCharsets.UTF_8)))
        .doesNotContain(hex("山田".getBytes(StandardCharsets.UTF_8)));
    Tenant tenant = registerTenant();
    kit.in(
        self(me),
        () ->
            new JpaConsentRepository(kit.entityManager())
                .store(Consent.give(me, tenant.id(), NOW)));
    for (TenancyContext outsider : List.of(self("someone-else"), staff(tenant))) {
      assertThat(kit.in(outsider, () -> profiles.findOriginal(upload.id()))).isEmpty();
    }

    kit.in(self(me), () -> profiles.deleteUpload(profiles.findUpload(upload.id()).orElseThrow()));

    assertThat(kit.in(self(me), () -> profiles.findUpload(upload.id()))).isEmpty();
    assertThat(kit.in(self(me), () -> profiles.findOriginal(upload.id()))).isEmpty();
  }

  @Test
  void viewsAreRecordedByTheTenantAndReadByTheFreelancerWithNames() {
    kit.in(self(me), () -> profiles.store(Profile.empty(me).revise(edited("A", "Java"), 0, NOW)));
    Tenant shared = registerTenant();
    Tenant other = registerTenant();
    kit.in(
        self(me),
        () ->
            new JpaConsentRepository(kit.entityManager())
                .store(Consent.give(me, shared.id(), NOW)));

    kit.in(staff(shared), () -> profiles.recordView(view(shared, ProfileView.Kind.PROFILE, NOW)));
    kit.in(
        staff(shared),
        () -> profiles.recordView(view(shared, ProfileView.Kind.PDF, NOW.plusSeconds(60))));
    // A tenant the freelancer does not share with cannot leave a trace.
    assertThatThrownBy(
            () ->
                kit.in(
                    staff(other),
                    () -> profiles.recordView(view(other, ProfileView.Kind.JSON, NOW))))
        .isInstanceOf(RuntimeException.class);

    List<ProfileView> views = kit.in(self(me), () -> profiles.viewsOf(me, 10));
    assertThat(views)
        .extracting(ProfileView::what)
        .containsExactly(ProfileView.Kind.PDF, ProfileView.Kind.PROFILE);
    assertThat(views).extracting(ProfileView::tenantId).containsOnly(shared.id());
    assertThat(views.get(0).tenantName()).isEqualTo(shared.slug().value());
    assertThat(views.get(0).viewerSubject()).isEqualTo("recruiter");
    assertThat(views.get(0).viewedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(kit.in(self(me), () -> profiles.viewsOf(me, 1))).hasSize(1);
    // The other tenant reads none of the first tenant's views.
    assertThat(kit.in(staff(other), () -> profiles.viewsOf(me, 10))).isEmpty();
  }

  @Test
  void theFreelancersOwnCopiesAreOnTheirListWithoutATenantAndNobodyElses() {
    Tenant shared = registerTenant();
    kit.in(
        self(me),
        () ->
            new JpaConsentRepository(kit.entityManager())
                .store(Consent.give(me, shared.id(), NOW)));
    kit.in(staff(shared), () -> profiles.recordView(view(shared, ProfileView.Kind.PROFILE, NOW)));
    kit.in(
        self(me),
        () -> profiles.recordOwnCopy(me, ProfileView.Kind.SHEET_ORIGINAL, NOW.plusSeconds(30)));
    kit.in(
        self(me), () -> profiles.recordOwnCopy(me, ProfileView.Kind.EXPORT, NOW.plusSeconds(60)));

    List<ProfileView> views = kit.in(self(me), () -> profiles.viewsOf(me, 10));
    assertThat(views)
        .extracting(ProfileView::what)
        .containsExactly(
            ProfileView.Kind.EXPORT, ProfileView.Kind.SHEET_ORIGINAL, ProfileView.Kind.PROFILE);
    assertThat(views.get(0).tenantId()).isNull();
    assertThat(views.get(0).tenantName()).isNull();
    assertThat(views.get(0).viewerSubject()).isEqualTo(me);
    // The tenant sees its own staff's views of the freelancer, never what the freelancer took.
    assertThat(kit.in(staff(shared), () -> profiles.viewsOf(me, 10)))
        .extracting(ProfileView::what)
        .containsExactly(ProfileView.Kind.PROFILE);
    // Nobody records a copy in another freelancer's name, and staff kinds need a tenant.
    String someoneElse = "freelancer-" + UUID.randomUUID();
    assertThatThrownBy(
            () ->
                kit.in(
                    self(someoneElse),
                    () -> profiles.recordOwnCopy(me, ProfileView.Kind.EXPORT, NOW)))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> profiles.recordOwnCopy(me, ProfileView.Kind.PDF, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(kit.in(self(me), () -> profiles.viewsOf(me, 10))).hasSize(3);
  }

  private SkillSheetUpload upload(Instant at) {
    SkillSheetUpload upload =
        SkillSheetUpload.pending(
            me,
            "sheet.pdf",
            "application/pdf",
            10,
            "b".repeat(64),
            new SkillSheetDraft(null, null, null, null, null, null, null, null, List.of()),
            at);
    kit.in(self(me), () -> profiles.storeUpload(upload));
    return upload;
  }

  private ProfileView view(Tenant tenant, ProfileView.Kind what, Instant at) {
    return new ProfileView(me, tenant.id(), null, "recruiter", null, what, at);
  }

  private static Profile edited(String name, String... skills) {
    return new Profile(
        "ignored",
        name,
        "エンジニア",
        "summary",
        java.util.Arrays.stream(skills).map(JpaProfileRepositoryTest::skill).toList(),
        List.of(),
        List.of(),
        List.of(),
        null,
        new ProfileLinks("octocat", null),
        null,
        0);
  }

  private static Skill skill(String name) {
    return new Skill(name, SkillCategory.LANGUAGE, new BigDecimal("3.5"), SkillLevel.ADVANCED);
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

  @Test
  void originalsUploadedBeforeSealingAreSealedOnTheNextStartAndStillOpen() throws Exception {
    SkillSheetUpload upload =
        SkillSheetUpload.pending(
            me,
            "old.pdf",
            "application/pdf",
            4,
            "d".repeat(64),
            new SkillSheetDraft(null, null, null, null, null, null, null, null, List.of()),
            NOW);
    kit.in(
        self(me),
        () -> profiles.storeUpload(upload, new SkillSheetOriginal(upload, new byte[] {1}, "")));
    byte[] legacyFile = "%PDF-legacy".getBytes(StandardCharsets.UTF_8);
    try (java.sql.Connection owner = kit.ownerDataSource().getConnection()) {
      owner.setAutoCommit(false);
      try (java.sql.Statement lift = owner.createStatement()) {
        lift.execute("ALTER TABLE skill_sheet_original NO FORCE ROW LEVEL SECURITY");
      }
      // As V50 wrote it, and as V65 listed it.
      try (java.sql.PreparedStatement legacy =
              owner.prepareStatement(
                  "UPDATE skill_sheet_original SET sealed = false, content = ?,"
                      + " text = '氏名: 佐藤 花子', sealed_text = NULL WHERE upload_id = ?");
          java.sql.PreparedStatement backlog =
              owner.prepareStatement(
                  "INSERT INTO skill_sheet_original_sealing_backlog VALUES (?)")) {
        legacy.setBytes(1, legacyFile);
        legacy.setObject(2, upload.id());
        legacy.executeUpdate();
        backlog.setObject(1, upload.id());
        backlog.executeUpdate();
      }
      try (java.sql.Statement restore = owner.createStatement()) {
        restore.execute("ALTER TABLE skill_sheet_original FORCE ROW LEVEL SECURITY");
      }
      owner.commit();
    }
    assertThat(rawOriginal(upload.id())).startsWith("plain ").contains("佐藤");
    assertThat(kit.in(self(me), () -> profiles.findOriginal(upload.id())).orElseThrow().text())
        .as("read as it is until sealed")
        .isEqualTo("氏名: 佐藤 花子");

    SealUnsealedOriginals seal = new SealUnsealedOriginals(kit.masterKeys());
    for (int start = 0; start < 2; start++) {
      try (java.sql.Connection owner = kit.ownerDataSource().getConnection()) {
        owner.setAutoCommit(false);
        seal.run(owner);
        owner.commit();
      }
    }

    assertThat(rawOriginal(upload.id())).startsWith("sealed ").doesNotContain("佐藤");
    SkillSheetOriginal opened =
        kit.in(self(me), () -> profiles.findOriginal(upload.id())).orElseThrow();
    assertThat(opened.content()).isEqualTo(legacyFile);
    assertThat(opened.text()).isEqualTo("氏名: 佐藤 花子");
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  /** The original's row as the database holds it: the bytes in hex, the text as it is. */
  private String rawOriginal(UUID uploadId) {
    try (java.sql.Connection owner = kit.ownerDataSource().getConnection()) {
      owner.setAutoCommit(false);
      try (java.sql.Statement lift = owner.createStatement()) {
        lift.execute("ALTER TABLE skill_sheet_original NO FORCE ROW LEVEL SECURITY");
      }
      try (java.sql.PreparedStatement select =
          owner.prepareStatement(
              "SELECT CASE WHEN sealed THEN 'sealed ' ELSE 'plain ' END"
                  + " || encode(content, 'hex') || ' ' || coalesce(text, '')"
                  + " || ' ' || encode(coalesce(sealed_text, ''::bytea), 'hex')"
                  + " FROM skill_sheet_original WHERE upload_id = ?")) {
        select.setObject(1, uploadId);
        try (java.sql.ResultSet row = select.executeQuery()) {
          assertThat(row.next()).isTrue();
          return row.getString(1);
        }
      } finally {
        owner.rollback();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
