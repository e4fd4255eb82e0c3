package io.proxima.privacy.api;

import io.proxima.availability.domain.Availability;
import io.proxima.calendar.api.MyCalendarResource;
import io.proxima.contracts.api.MyContractsResource;
import io.proxima.hiring.api.ApplicationViews.DossierView;
import io.proxima.hiring.api.MyApplicationsResource;
import io.proxima.identity.api.MeResource;
import io.proxima.jobs.api.MyFavouriteJobsResource;
import io.proxima.jobs.api.MySavedSearchesResource;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.notifications.api.MyNotificationsResource;
import io.proxima.notifications.application.NotificationCentre;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.rest.RateLimit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.profile.api.MyPersonalDetailsResource;
import io.proxima.profile.api.MyProfileResource;
import io.proxima.profile.api.ProfileRequests.UploadHistory;
import io.proxima.profile.api.ProfileRequests.UploadView;
import io.proxima.profile.application.ProfileStudio;
import io.proxima.profile.domain.SkillSheetOriginal;
import io.proxima.realtime.application.LiveDesk;
import io.proxima.scouts.api.MyScoutsResource;
import io.proxima.signup.api.MyTalentInvitationsResource;
import io.proxima.tenancy.api.MyTenancyResource;
import io.proxima.tenancy.api.TenantViews.ConsentView;
import io.proxima.tenancy.domain.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.IntFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The freelancer's copy of everything the platform holds about them (APPI's right of disclosure),
 * as one ZIP archive.
 *
 * <p>Each part is read through the very operation that shows it to the freelancer in the portal
 * (their {@code /me/…} resources, injected here), so the archive holds at least what those show and
 * nothing they would not: only the caller's rows, other people only by the names the portal gives.
 * The small parts are read before the answer starts, where a refusal can still be a problem
 * document; the parts that grow without bound (chat, notifications, uploaded files) are read a page
 * or a file at a time while the archive streams.
 */
@Path("/v1/me/export")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
public class MyDataExportResource {

  static final String ZIP = "application/zip";

  /** Far past any real count; what the {@code /me} lists allow at most in one call. */
  private static final String ALL = "200";

  private static final int PAGE = 100;

  @Inject MeResource account;
  @Inject MyProfileResource profile;
  @Inject MyPersonalDetailsResource personalDetails;
  @Inject MyTenancyResource tenancy;
  @Inject MyApplicationsResource applications;
  @Inject MyScoutsResource scouts;
  @Inject MyContractsResource contracts;
  @Inject MyNotificationsResource notifications;
  @Inject MySavedSearchesResource savedSearches;
  @Inject MyFavouriteJobsResource favourites;
  @Inject MyTalentInvitationsResource talentInvitations;
  @Inject MyCalendarResource calendar;
  @Inject ProfileStudio studio;
  @Inject LiveDesk desk;
  @Inject NotificationCentre notificationCentre;
  @Inject TenantRepository tenants;

  @RateLimit("export")
  @GET
  @Produces({ZIP, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Everything Proxima holds about the caller, as one ZIP archive",
      description =
          "README.txt (ja/en) explains each file: account, profile, availability, consents, skill"
              + " sheets with their original files, messages, applications, interviews, scouts,"
              + " contracts, notifications, saved searches, favourites, talent invitations,"
              + " calendar and the access log. Only the caller's own data. Recorded on the"
              + " caller's access log and the audit log; rate-limited (export).")
  @APIResponse(
      responseCode = "200",
      description = "the archive",
      content =
          @Content(
              mediaType = ZIP,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      format = "binary")))
  @APIResponse(responseCode = "401", description = "no or invalid bearer token")
  @APIResponse(responseCode = "429", description = "too many exports; see Retry-After")
  public Response export() {
    Instant madeAt = Instant.now();
    TenancyContext context = TenancyContext.current();
    MeResource.Me me = account.me();
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("account.json", me);
    parts.put("profile.json", profile.profile());
    parts.put("personal-details.json", personalDetails.details());
    parts.put("availability.json", availability());
    List<ConsentView> consents = tenancy.consents();
    parts.put("consents.json", consentsDocument(consents));
    parts.put("consent-log.json", tenancy.consentLog());
    List<UploadView> uploads = uploads();
    List<DossierView> dossiers =
        applications.mine(ALL).stream()
            .map(application -> applications.application(application.id()))
            .toList();
    parts.put("applications.json", dossiers);
    parts.put("interviews.json", interviews(dossiers));
    parts.put("scouts.json", scouts.received(ALL));
    parts.put(
        "contracts.json",
        contracts.mine(ALL).stream().map(contract -> contracts.contract(contract.id())).toList());
    parts.put("notification-settings.json", notifications.settings());
    parts.put("saved-searches.json", savedSearches.list());
    parts.put("favourites.json", favourites.list());
    parts.put("talent-invitations.json", talentInvitations.pending());
    parts.put("calendar.json", calendarDocument());
    List<Map<String, Object>> conversations = conversations(consents);

    // Recorded before the first byte: an export asked for is on record even if the download fails.
    studio.recordMyExport(
        "export with "
            + uploads.size()
            + " skill sheets, "
            + conversations.size()
            + " conversations, "
            + dossiers.size()
            + " applications");
    // Read after recording, so the access log in the archive shows this very export.
    parts.put("access-log.json", profile.views(500));

    String who =
        me.displayName() != null && !me.displayName().isBlank() ? me.displayName() : me.username();
    StreamingOutput archive =
        out ->
            TenancyContext.callIn(
                context,
                () -> {
                  write(out, who, madeAt, parts, uploads, conversations);
                  return null;
                });
    return Response.ok(archive, ZIP)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + DataExportArchive.fileName(madeAt) + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private void write(
      java.io.OutputStream out,
      String who,
      Instant madeAt,
      Map<String, Object> parts,
      List<UploadView> uploads,
      List<Map<String, Object>> conversations) {
    try (DataExportArchive zip = new DataExportArchive(out)) {
      zip.bytes(
          DataExportArchive.README,
          DataExportArchive.readme(who, madeAt).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (Map.Entry<String, Object> part : parts.entrySet()) {
        zip.json(part.getKey(), part.getValue());
      }
      // One original in memory at a time: each is decrypted as it is written.
      java.util.Set<java.util.UUID> kept = new java.util.HashSet<>();
      for (UploadView upload : uploads) {
        Optional<SkillSheetOriginal> original = studio.keptOriginal(upload.id());
        if (original.isPresent()) {
          kept.add(upload.id());
          zip.bytes(
              DataExportArchive.sheetEntry(upload.id(), upload.fileName()),
              original.get().content());
          zip.bytes(
              DataExportArchive.sheetTextEntry(upload.id()),
              original.get().text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      // After the files, so it names only those that are there (old uploads kept no original).
      zip.json(DataExportArchive.SHEETS + "skill-sheets.json", sheetsDocument(uploads, kept));
      zip.groupedJsonArray(
          "messages.json",
          conversations,
          conversation -> conversation,
          "messages",
          conversation -> messages((String) conversation.get("tenantSlug")));
      zip.jsonArray(
          "notifications.json", pages(page -> notificationCentre.page(page, PAGE).items(), PAGE));
    } catch (IOException e) {
      // The answer has started: the client sees a broken download, not a problem document.
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Availability availability() {
    try {
      return desk.myAvailability();
    } catch (DomainException.NotFound never) {
      return null;
    }
  }

  private static final Map<String, Map<String, String>> SHARED_ITEM_NAMES =
      Map.of(
          "PROFILE",
          Map.of(
              "ja",
              "プロフィール（氏名・職種・自己PR・スキル・職務経歴・学歴・資格・希望条件・リンク）",
              "en",
              "profile (name, title, summary, skills, work history, education, certifications,"
                  + " desired conditions, links)"),
          "SKILL_SHEET",
          Map.of("ja", "スキルシート（PDF・JSON）", "en", "skill sheet (PDF, JSON)"),
          "EMAIL",
          Map.of("ja", "メールアドレス", "en", "e-mail address"),
          "AVAILABILITY",
          Map.of("ja", "稼働状況とオンライン状態（ボード）", "en", "availability and online status (board)"),
          "MESSAGES",
          Map.of("ja", "メッセージのやり取り", "en", "messages"),
          "CANDIDACY",
          Map.of(
              "ja", "スカウト、案件の候補者としての表示、契約の打診",
              "en", "scouts, being a candidate for jobs, contract proposals"));

  private static Map<String, Object> consentsDocument(List<ConsentView> consents) {
    Map<String, Object> document = new LinkedHashMap<>();
    // The codes in sharedItems, spelt out as the sharing page shows them.
    document.put("sharedItemNames", SHARED_ITEM_NAMES);
    document.put("consents", consents);
    return document;
  }

  private List<UploadView> uploads() {
    List<UploadView> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      UploadHistory history = profile.history(Integer.toString(page), Integer.toString(PAGE));
      all.addAll(history.uploads());
      if (page + 1 >= history.pages()) {
        return all;
      }
    }
  }

  private static List<Map<String, Object>> sheetsDocument(
      List<UploadView> uploads, java.util.Set<java.util.UUID> kept) {
    return uploads.stream()
        .map(
            upload -> {
              boolean hasFile = kept.contains(upload.id());
              Map<String, Object> sheet = new LinkedHashMap<>();
              sheet.put("upload", upload);
              sheet.put(
                  "originalFile",
                  hasFile ? DataExportArchive.sheetEntry(upload.id(), upload.fileName()) : null);
              sheet.put("textFile", hasFile ? DataExportArchive.sheetTextEntry(upload.id()) : null);
              return sheet;
            })
        .toList();
  }

  private static List<Map<String, Object>> interviews(List<DossierView> dossiers) {
    return dossiers.stream()
        .filter(dossier -> !dossier.interviews().isEmpty())
        .map(
            dossier -> {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("applicationId", dossier.application().id());
              entry.put("jobTitle", dossier.jobTitle());
              entry.put("interviews", dossier.interviews());
              return entry;
            })
        .toList();
  }

  private Map<String, Object> calendarDocument() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("feed", calendar.feed());
    document.put("sources", calendar.sources());
    document.put("busy", calendar.busy());
    return document;
  }

  /** Each conversation named by its tenant as the portal names it; the messages come later. */
  private List<Map<String, Object>> conversations(List<ConsentView> consents) {
    List<Map<String, Object>> named = new ArrayList<>();
    for (Conversation conversation : desk.myConversations()) {
      Optional<io.proxima.tenancy.domain.Tenant> tenant = tenants.findById(conversation.tenantId());
      if (tenant.isEmpty()) {
        continue;
      }
      String slug = tenant.get().slug().value();
      Map<String, Object> head = new LinkedHashMap<>();
      head.put("tenantSlug", slug);
      head.put(
          "tenantName",
          consents.stream()
              .filter(consent -> consent.tenantSlug().equals(slug))
              .map(ConsentView::tenantName)
              .findFirst()
              .orElse(tenant.get().branding().displayName()));
      head.put("conversation", conversation);
      named.add(head);
    }
    return named;
  }

  /** A conversation's messages, newest first, a page at a time. */
  private Iterator<List<ChatMessage>> messages(String tenantSlug) {
    return new Iterator<>() {
      private long before = Long.MAX_VALUE;
      private List<ChatMessage> next = fetch();

      private List<ChatMessage> fetch() {
        if (before <= 1) {
          return List.of();
        }
        List<ChatMessage> page = desk.historyForFreelancer(tenantSlug, before, 200);
        before = page.stream().mapToLong(ChatMessage::seq).min().orElse(1);
        return page;
      }

      @Override
      public boolean hasNext() {
        return !next.isEmpty();
      }

      @Override
      public List<ChatMessage> next() {
        if (next.isEmpty()) {
          throw new NoSuchElementException();
        }
        List<ChatMessage> page = next;
        next = page.size() < 200 ? List.of() : fetch();
        return page;
      }
    };
  }

  /** Numbered pages until one comes back short. */
  private static <T> Iterator<List<T>> pages(IntFunction<List<T>> read, int size) {
    return new Iterator<>() {
      private int page = 0;
      private List<T> next = read.apply(0);

      @Override
      public boolean hasNext() {
        return !next.isEmpty();
      }

      @Override
      public List<T> next() {
        if (next.isEmpty()) {
          throw new NoSuchElementException();
        }
        List<T> current = next;
        next = current.size() < size ? List.of() : read.apply(++page);
        return current;
      }
    };
  }
}
