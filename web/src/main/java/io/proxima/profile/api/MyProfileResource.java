package io.proxima.profile.api;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.rest.RateLimit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.profile.api.ProfileRequests.OriginalText;
import io.proxima.profile.api.ProfileRequests.ProfileEdit;
import io.proxima.profile.api.ProfileRequests.ProfileJson;
import io.proxima.profile.api.ProfileRequests.ReviewRequest;
import io.proxima.profile.api.ProfileRequests.UploadHistory;
import io.proxima.profile.api.ProfileRequests.UploadView;
import io.proxima.profile.application.ProfileStudio;
import io.proxima.profile.domain.Portfolio;
import io.proxima.profile.domain.ProfileView;
import io.proxima.profile.domain.SkillSheetOriginal;
import io.proxima.profile.domain.SkillSheetUpload;
import io.proxima.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The freelancer's own profile and skill sheet studio. */
@Path("/v1/me")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyProfileResource {

  /** Larger than any real skill sheet; the reader has its own, finer limits. */
  static final int UPLOAD_LIMIT = 10 * 1024 * 1024;

  @Inject ProfileStudio studio;

  @GET
  @Path("profile")
  @Operation(summary = "The caller's portable profile (version 0 before the first save)")
  public ProfileJson profile() {
    return ProfileJson.of(studio.myProfile());
  }

  @PUT
  @Path("profile")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Save the caller's profile",
      description = "expectedVersion is the version the edit was made on; a stale one gets 409.")
  public ProfileJson save(
      @NotNull(message = "a JSON request body is required") @Valid ProfileEdit body) {
    return ProfileJson.of(
        studio.reviseMyProfile(
            body.toProfile(TenancyContext.current().requireSubject()), body.expectedVersion()));
  }

  @GET
  @Path("profile/export.json")
  @Operation(summary = "The profile as a JSON Resume document with Proxima's extension block")
  public Response exportJson() {
    return ProfileDownloads.json(studio.exportMyProfileJson(), "profile");
  }

  @GET
  @Path("profile/export.pdf")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  @Operation(summary = "The profile as a printable Japanese skill sheet (PDF)")
  public Response exportPdf() {
    return ProfileDownloads.pdf(studio.exportMyProfilePdf(), "skill-sheet");
  }

  @PUT
  @Path("profile/import")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the profile with an exported (or any JSON Resume) document",
      description = "expectedVersion (query) is the version being replaced; a stale one gets 409.")
  public ProfileJson importJson(
      @QueryParam("expectedVersion") @NotNull(message = "expectedVersion is required")
          Long expectedVersion,
      @NotBlank(message = "a JSON Resume document is required") String body) {
    return ProfileJson.of(studio.importMyProfile(body, expectedVersion));
  }

  @GET
  @Path("profile/views")
  @Operation(summary = "Who, from which tenant, opened the caller's profile, newest first")
  public List<ProfileView> views(@QueryParam("limit") Integer limit) {
    return studio.viewsOfMyProfile(limit == null ? 100 : limit);
  }

  @RateLimit("github")
  @GET
  @Path("profile/portfolio")
  @Operation(
      summary = "Public GitHub repositories and languages of the caller's linked account",
      description =
          "Only the GitHub account linked on the caller's profile is looked up (404 without"
              + " one): the platform's GitHub quota is shared. ?username= is accepted only"
              + " when it names that account; any other name is refused (403).")
  public Portfolio portfolio(@QueryParam("username") String username) {
    String linked = studio.myGithubUsername();
    if (username != null && !username.isBlank() && !username.strip().equalsIgnoreCase(linked)) {
      throw new DomainException.Refused(
          "Only the GitHub account linked on your profile is looked up.");
    }
    return studio.portfolioOf(linked);
  }

  @RateLimit("skill-sheet-upload")
  @POST
  @Path("skill-sheets")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Upload a skill sheet (PDF, Word, Excel, Markdown, text) and get a draft",
      description =
          "The body is the file itself; name it with ?fileName= or a Content-Disposition"
              + " filename. The draft is reviewed before anything reaches the profile.")
  public Response upload(
      @QueryParam("fileName") String fileName,
      @HeaderParam("Content-Disposition") String disposition,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    byte[] content = readLimited(body);
    String name = fileName != null ? fileName : ProfileDownloads.fileNameOf(disposition);
    if (name == null || name.isBlank()) {
      throw new DomainException.InvalidValue(
          "name the file with ?fileName= or a Content-Disposition filename");
    }
    UploadView view = UploadView.of(studio.upload(content, name, contentType), studio.myProfile());
    return Response.status(Response.Status.CREATED).entity(view).build();
  }

  @GET
  @Path("skill-sheets")
  @Operation(summary = "The caller's uploaded skill sheets, newest first")
  public List<UploadView> uploads() {
    return studio.myUploads(50).stream().map(upload -> UploadView.of(upload, null)).toList();
  }

  @GET
  @Path("skill-sheets/{sheetId}")
  @Operation(summary = "One uploaded sheet: its draft beside the current profile")
  public UploadView upload(@PathParam("sheetId") String sheetId) {
    return UploadView.of(studio.myUpload(id(sheetId)), studio.myProfile());
  }

  @POST
  @Path("skill-sheets/{sheetId}/apply")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Apply the reviewed parts of a draft to the profile",
      description =
          "Each field is KEEP (default), ACCEPT or EDIT; list items are taken by index,"
              + " optionally corrected. Nothing the review does not name changes.")
  public ProfileJson apply(
      @PathParam("sheetId") String sheetId,
      @NotNull(message = "a JSON request body is required") @Valid ReviewRequest body) {
    return ProfileJson.of(studio.applyUpload(id(sheetId), body.toReview(), body.expectedVersion()));
  }

  @GET
  @Path("skill-sheets/{sheetId}/original")
  @Produces({"application/pdf", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The file the caller uploaded this sheet as, to read beside its draft",
      description =
          "Only its uploader gets it. A PDF comes inline; any other file as an attachment of"
              + " bytes, never as a type a browser would run. 404 for uploads from before"
              + " originals were kept.")
  public Response original(@PathParam("sheetId") String sheetId) {
    SkillSheetUpload upload = studio.myUpload(id(sheetId));
    SkillSheetOriginal original = studio.downloadMyOriginal(upload.id());
    boolean pdf = "application/pdf".equals(upload.mediaType());
    return Response.ok(
            original.content(), pdf ? "application/pdf" : MediaType.APPLICATION_OCTET_STREAM)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            (pdf ? "inline" : "attachment")
                + "; filename*=UTF-8''"
                + java.net.URLEncoder.encode(upload.fileName(), StandardCharsets.UTF_8)
                    .replace("+", "%20"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .build();
  }

  @GET
  @Path("skill-sheets/{sheetId}/text")
  @Operation(
      summary = "The text the reader took from the caller's uploaded sheet",
      description =
          "What the draft was parsed from, for sheets a browser cannot show (Excel, Word);"
              + " only its uploader gets it.")
  public OriginalText originalText(@PathParam("sheetId") String sheetId) {
    SkillSheetUpload upload = studio.myUpload(id(sheetId));
    return OriginalText.of(upload, studio.myOriginal(upload.id()));
  }

  @GET
  @Path("skill-sheet-history")
  @Operation(
      summary = "The caller's uploaded skill sheets, newest first, one page at a time",
      description = "page is zero-based (default 0), size 1 to 100 (default 10); total counts all.")
  public UploadHistory history(
      @Parameter(description = "zero-based page", example = "0") @QueryParam("page") String page,
      @Parameter(description = "uploads per page, 1 to 100", example = "10") @QueryParam("size")
          String size) {
    Integer pageNumber = QueryParameters.integer("page", page);
    Integer pageSize = QueryParameters.integer("size", size);
    return UploadHistory.of(
        studio.myUploadHistory(
            pageNumber == null ? 0 : pageNumber, pageSize == null ? 10 : pageSize));
  }

  @DELETE
  @Path("skill-sheet-history/{sheetId}")
  @Operation(
      summary = "Delete one of the caller's uploads for good: the file, its text and its draft",
      description =
          "Whatever an applied draft put on the profile stays there. Unlike discarding, nothing"
              + " of the upload is left.")
  public Response delete(@PathParam("sheetId") String sheetId) {
    studio.deleteUpload(id(sheetId));
    return Response.noContent().build();
  }

  @DELETE
  @Path("skill-sheets/{sheetId}")
  @Operation(summary = "Discard a draft without touching the profile")
  public UploadView discard(@PathParam("sheetId") String sheetId) {
    return UploadView.of(studio.discardUpload(id(sheetId)), null);
  }

  private static UUID id(String sheetId) {
    try {
      return UUID.fromString(sheetId);
    } catch (IllegalArgumentException e) {
      throw new DomainException.NotFound("no skill sheet " + sheetId);
    }
  }

  // Read at most one byte past the limit: a larger body is refused without buffering all of it.
  private static byte[] readLimited(InputStream body) {
    if (body == null) {
      throw new DomainException.InvalidValue("the file is empty");
    }
    try (body) {
      byte[] content = body.readNBytes(UPLOAD_LIMIT + 1);
      if (content.length > UPLOAD_LIMIT) {
        throw new DomainException.TooLarge(
            "a skill sheet is limited to " + UPLOAD_LIMIT / (1024 * 1024) + " MiB");
      }
      if (content.length == 0) {
        throw new DomainException.InvalidValue("the file is empty");
      }
      return content;
    } catch (IOException e) {
      throw new DomainException.InvalidValue("the upload was interrupted; send it again");
    }
  }
}
