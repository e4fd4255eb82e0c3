package io.proxima.profile.application;

import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.platform.text.Digests;
import io.proxima.profile.domain.DraftReview;
import io.proxima.profile.domain.PortableProfile;
import io.proxima.profile.domain.Portfolio;
import io.proxima.profile.domain.PortfolioSource;
import io.proxima.profile.domain.Profile;
import io.proxima.profile.domain.ProfileRepository;
import io.proxima.profile.domain.ProfileView;
import io.proxima.profile.domain.SkillSheetOriginal;
import io.proxima.profile.domain.SkillSheetParser;
import io.proxima.profile.domain.SkillSheetReader;
import io.proxima.profile.domain.SkillSheetText;
import io.proxima.profile.domain.SkillSheetUpload;
import io.proxima.profile.domain.UploadPage;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.tenancy.application.TenantEdge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The freelancer's profile and skill sheet studio: edit the profile, upload a sheet and review its
 * draft, export and import the portable document; and the tenant side, which reads a shared profile
 * and leaves a trace the freelancer sees.
 */
@ApplicationScoped
public class ProfileStudio {

  private final ProfileRepository profiles;
  private final SkillSheetReader reader;
  private final SkillSheetParser parser;
  private final PortableProfile portable;
  private final TenantEdge edge;
  private final AuditLog audit;
  private final PortfolioSource portfolios;
  private final Clock clock = Clock.systemUTC();

  protected ProfileStudio() {
    this(null, null, null, null, null, null, null);
  }

  @Inject
  public ProfileStudio(
      ProfileRepository profiles,
      SkillSheetReader reader,
      SkillSheetParser parser,
      PortableProfile portable,
      TenantEdge edge,
      AuditLog audit,
      PortfolioSource portfolios) {
    this.profiles = profiles;
    this.reader = reader;
    this.parser = parser;
    this.portable = portable;
    this.edge = edge;
    this.audit = audit;
    this.portfolios = portfolios;
  }

  /**
   * A GitHub portfolio. Outside any transaction on purpose: GitHub may take seconds, and no
   * database connection should wait for it.
   */
  public Portfolio portfolioOf(@NotBlank String githubUsername) {
    return portfolios.fetch(githubUsername);
  }

  /** The GitHub account linked on the caller's profile. */
  @Transactional
  public String myGithubUsername() {
    return linkedGithub(myProfile(), "no GitHub username is linked on the profile");
  }

  /** The GitHub account linked on a profile shared with the current tenant; a recorded view. */
  @Transactional
  public String sharedGithubUsername(@NotBlank String freelancerSubject) {
    return linkedGithub(
        sharedProfile(freelancerSubject, ProfileView.Kind.PROFILE),
        "the freelancer links no GitHub account");
  }

  private static String linkedGithub(Profile profile, String whenMissing) {
    String username = profile.links().githubUsername();
    if (username == null) {
      throw new DomainException.NotFound(whenMissing);
    }
    return username;
  }

  /** The caller's profile; an empty one at version 0 before they saved anything. */
  @Transactional
  public Profile myProfile() {
    String me = me();
    return profiles.find(me).orElseGet(() -> Profile.empty(me));
  }

  /** Replaces the caller's profile with {@code edited}, refused (409) on a stale version. */
  @Transactional
  public Profile reviseMyProfile(@NotNull Profile edited, long expectedVersion) {
    Profile current = myProfile();
    return audited(
        "profile.revised", store(current.revise(edited, expectedVersion, clock.instant())), null);
  }

  /**
   * Reads and parses an uploaded sheet into a draft the caller reviews; the profile is untouched.
   * Reading takes up to the reader's time limit, so it runs before any transaction: only storing
   * the draft holds a database connection.
   */
  public SkillSheetUpload upload(
      @NotNull byte[] content, @NotBlank String fileName, String declaredType) {
    String me = me();
    SkillSheetText text = reader.read(content, fileName, declaredType, me);
    SkillSheetUpload upload =
        SkillSheetUpload.pending(
            me,
            fileName.strip(),
            text.mediaType(),
            content.length,
            Digests.sha256Hex(content),
            parser.parse(text.text()),
            clock.instant());
    // The file is kept beside its draft so the review shows what was sent, not only what was read.
    profiles.storeUpload(upload, new SkillSheetOriginal(upload, content, text.text()));
    return upload;
  }

  @Transactional
  public List<SkillSheetUpload> myUploads(@Min(1) @Max(100) int limit) {
    return profiles.uploadsOf(me(), limit);
  }

  /** One page of the caller's upload history, newest first, with the count of all of them. */
  @Transactional
  public UploadPage myUploadHistory(int page, int size) {
    UploadPage.requireWithinBounds(page, size);
    return profiles.uploadsOf(me(), page, size);
  }

  /**
   * The file and text the caller uploaded {@code id} as. Uploads from before the platform kept
   * originals have none (404).
   */
  @Transactional
  public SkillSheetOriginal myOriginal(@NotNull UUID id) {
    myUpload(id);
    return profiles
        .findOriginal(id)
        .orElseThrow(
            () ->
                new DomainException.NotFound(
                    "the original of skill sheet " + id + " was not kept"));
  }

  /**
   * The original of {@code id} as a download the caller takes away: on their 閲覧履歴 and the audit
   * log, like a tenant's download of their profile.
   */
  @Transactional
  public SkillSheetOriginal downloadMyOriginal(@NotNull UUID id) {
    SkillSheetOriginal original = myOriginal(id);
    String me = me();
    profiles.recordOwnCopy(me, ProfileView.Kind.SHEET_ORIGINAL, clock.instant());
    audit.record("profile.sheet.downloaded", null, me, "skill sheet " + id);
    return original;
  }

  /** The original of one of the caller's uploads, if it was kept; for the caller's export. */
  @Transactional
  public java.util.Optional<SkillSheetOriginal> keptOriginal(@NotNull UUID id) {
    myUpload(id);
    return profiles.findOriginal(id);
  }

  /**
   * Puts the caller's export of all their data on their 閲覧履歴 and the platform's audit chain, before
   * the archive is written: a failed download is still on record as having been asked for.
   */
  @Transactional
  public void recordMyExport(@NotBlank String parts) {
    String me = me();
    profiles.recordOwnCopy(me, ProfileView.Kind.EXPORT, clock.instant());
    audit.record("personal-data.exported", null, me, parts);
  }

  /**
   * Deletes one of the caller's uploads for good: the file, its text and its draft. What an applied
   * draft put on the profile stays there; the profile is the freelancer's to edit.
   */
  @Transactional
  public void deleteUpload(@NotNull UUID id) {
    SkillSheetUpload upload = myUpload(id);
    profiles.deleteUpload(upload);
    audit.record("profile.sheet.deleted", null, me(), "skill sheet " + id);
  }

  @Transactional
  public SkillSheetUpload myUpload(@NotNull UUID id) {
    return profiles
        .findUpload(id)
        .orElseThrow(() -> new DomainException.NotFound("no skill sheet " + id));
  }

  /** Applies the reviewed parts of a draft to the caller's profile. */
  @Transactional
  public Profile applyUpload(@NotNull UUID id, @NotNull DraftReview review, long expectedVersion) {
    SkillSheetUpload upload = myUpload(id);
    Profile next = upload.applyTo(myProfile(), review, expectedVersion, clock.instant());
    profiles.storeUpload(upload.applied(clock.instant()));
    return audited("profile.sheet.applied", store(next), "skill sheet " + id);
  }

  @Transactional
  public SkillSheetUpload discardUpload(@NotNull UUID id) {
    SkillSheetUpload discarded = myUpload(id).discarded(clock.instant());
    profiles.storeUpload(discarded);
    audit.record("profile.sheet.discarded", null, me(), "skill sheet " + id);
    return discarded;
  }

  @Transactional
  public String exportMyProfileJson() {
    return portable.toJson(myProfile());
  }

  @Transactional
  public byte[] exportMyProfilePdf() {
    return portable.toPdf(myProfile());
  }

  /** Replaces the caller's profile with an imported portable document. */
  @Transactional
  public Profile importMyProfile(@NotNull String json, long expectedVersion) {
    String me = me();
    Profile imported = portable.fromJson(me, json);
    return audited(
        "profile.imported",
        store(myProfile().revise(imported, expectedVersion, clock.instant())),
        null);
  }

  /** Who from which tenant looked at the caller's profile, newest first. */
  @Transactional
  public List<ProfileView> viewsOfMyProfile(@Min(1) @Max(500) int limit) {
    return profiles.viewsOf(me(), limit);
  }

  /**
   * A freelancer's profile for the current tenant's staff. Only a profile shared with the tenant
   * exists here (row-level security); every read is recorded for the freelancer and the audit log.
   */
  @StaffOnly
  @Transactional
  public Profile sharedProfile(@NotBlank String freelancerSubject, @NotNull ProfileView.Kind what) {
    TenancyContext context = TenancyContext.current();
    Profile profile =
        profiles
            .find(freelancerSubject)
            .orElseThrow(
                () ->
                    new DomainException.NotFound(
                        "no freelancer "
                            + freelancerSubject
                            + " shares a profile with this tenant"));
    profiles.recordView(
        ProfileView.byStaff(
            freelancerSubject,
            context.requireTenant(),
            context.requireSubject(),
            what,
            clock.instant()));
    // Opening the profile is a view; taking a copy away (PDF, JSON) is a download, on record apart.
    audit.recordRead(
        what == ProfileView.Kind.PROFILE ? "profile.read" : "profile.downloaded",
        context.requireTenant(),
        what.name().toLowerCase(java.util.Locale.ROOT),
        List.of(freelancerSubject));
    return profile;
  }

  @Transactional
  public String sharedProfileJson(@NotBlank String freelancerSubject) {
    return portable.toJson(sharedProfile(freelancerSubject, ProfileView.Kind.JSON));
  }

  @Transactional
  public byte[] sharedProfilePdf(@NotBlank String freelancerSubject) {
    return portable.toPdf(sharedProfile(freelancerSubject, ProfileView.Kind.PDF));
  }

  /**
   * A freelancer's own profile changes belong to no tenant: they are on the platform's chain, with
   * the version they produced.
   */
  private Profile audited(String action, Profile saved, String details) {
    audit.record(
        action,
        null,
        saved.subject(),
        "version " + saved.version() + (details == null ? "" : "; " + details));
    return saved;
  }

  private Profile store(Profile next) {
    if (!profiles.store(next)) {
      throw new DomainException.Conflict(
          "the profile changed elsewhere; version " + next.version() + " is taken");
    }
    return next;
  }

  private static String me() {
    return TenancyContext.current().requireSubject();
  }
}
