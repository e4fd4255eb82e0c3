package io.proxima.live.api;

import static io.proxima.platform.rest.RequestBodies.required;

import io.proxima.availability.domain.Availability;
import io.proxima.availability.domain.AvailabilityRepository.BoardEntry;
import io.proxima.live.api.LiveRequests.MessageRequest;
import io.proxima.live.api.LiveRequests.ReceiptRequest;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.platform.error.DomainException;
import io.proxima.realtime.application.LiveDesk;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The tenant's live side over REST: the availability board's snapshot and the conversations with
 * sharing freelancers. The WebSocket board and chat carry the same state live.
 */
@Path("/v1")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

  /** One freelancer on the board; {@code availability} is null until they set one. */
  public record BoardEntryView(
      String freelancerId,
      String displayName,
      String title,
      List<String> skills,
      Availability availability) {
    public static BoardEntryView of(BoardEntry entry) {
      return new BoardEntryView(
          entry.freelancerSubject(),
          entry.displayName(),
          entry.title(),
          entry.skills(),
          entry.availability());
    }
  }

  /**
   * A conversation as staff list it: the receipts, and the freelancer's name as others see it.
   * {@code freelancerErased}: the freelancer deleted their account; the name is then 「退会したユーザー」 and
   * the portal shows it in the reader's language.
   */
  public record ConversationView(
      java.util.UUID tenantId,
      String freelancerSubject,
      long lastSeq,
      long freelancerDeliveredSeq,
      long freelancerReadSeq,
      long tenantDeliveredSeq,
      long tenantReadSeq,
      java.time.Instant updatedAt,
      String freelancerName,
      boolean freelancerErased) {

    static ConversationView of(Conversation c, String name, boolean erased) {
      return new ConversationView(
          c.tenantId(),
          c.freelancerSubject(),
          c.lastSeq(),
          c.freelancerDeliveredSeq(),
          c.freelancerReadSeq(),
          c.tenantDeliveredSeq(),
          c.tenantReadSeq(),
          c.updatedAt(),
          name,
          erased);
    }
  }

  @Inject LiveDesk desk;
  @Inject io.proxima.identity.application.IdentityService identity;
  @Inject io.proxima.web.tenancy.ErasedAccounts erasedAccounts;
  @Inject LiveReplies replies;

  /** Freelancers per page of the board over REST, at most and by default. */
  static final int BOARD_PAGE_MAX = 1_000;

  /**
   * The board in pages of freelancer id order: {@code after} is the last id of the page before. A
   * full page carries {@code Link: <…>; rel="next"}, so a client of a 100,000-freelancer board
   * pages through it instead of the node building one answer of all of them.
   */
  @GET
  @Path("board")
  @Operation(
      summary =
          "The freelancers sharing with this tenant, with their availability, a page at a time"
              + " (Link rel=next while more follow)")
  public jakarta.ws.rs.core.Response board(
      @QueryParam("after") String after, @QueryParam("limit") String limit) {
    int size = io.proxima.web.QueryParameters.limit(limit, BOARD_PAGE_MAX);
    if (size < 1 || size > BOARD_PAGE_MAX) {
      throw new DomainException.InvalidValue(
          "limit", "limit must be between 1 and " + BOARD_PAGE_MAX);
    }
    String from = io.proxima.platform.text.Texts.optional(after, "after", 255);
    List<BoardEntryView> page =
        desk.boardPage(from, size).stream().map(BoardEntryView::of).toList();
    jakarta.ws.rs.core.Response.ResponseBuilder answer = jakarta.ws.rs.core.Response.ok(page);
    if (page.size() == size) {
      // A reference of the query alone resolves against the URL the client called, whichever
      // tenant path or host name it used (the edge strips /t/{slug} before this resource).
      answer.header(
          "Link",
          "<?after="
              + java.net.URLEncoder.encode(
                  page.get(page.size() - 1).freelancerId(), java.nio.charset.StandardCharsets.UTF_8)
              + "&limit="
              + size
              + ">; rel=\"next\"");
    }
    return answer.build();
  }

  @GET
  @Path("board/{freelancerId}")
  @Operation(summary = "One freelancer sharing with this tenant, with their availability")
  public BoardEntryView boardEntry(@PathParam("freelancerId") String freelancerId) {
    return desk.boardEntry(freelancerId)
        .map(BoardEntryView::of)
        .orElseThrow(() -> new DomainException.NotFound("There is no such freelancer."));
  }

  @GET
  @Path("conversations")
  @Operation(summary = "The tenant's conversations with freelancers, with receipts")
  public List<ConversationView> conversations() {
    List<Conversation> conversations = desk.conversations();
    java.util.Map<String, String> names =
        identity.displayNamesOf(
            conversations.stream().map(Conversation::freelancerSubject).distinct().toList());
    return conversations.stream()
        .map(
            c ->
                ConversationView.of(
                    c,
                    names.get(c.freelancerSubject()),
                    erasedAccounts.isErased(c.freelancerSubject())))
        .toList();
  }

  @GET
  @Path("conversations/{freelancerId}/messages")
  @Operation(summary = "Conversation history with a freelancer, newest first, before a cursor")
  public List<ChatMessage> history(
      @PathParam("freelancerId") String freelancerId,
      @QueryParam("before") Long before,
      @QueryParam("limit") Integer limit) {
    return desk.historyForTenant(
        freelancerId, LiveRequests.before(before), LiveRequests.limit(limit));
  }

  @POST
  @Path("conversations/{freelancerId}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send a message to a freelancer; durable when answered")
  @APIResponse(
      responseCode = "201",
      description = "the message, stored",
      content = @Content(schema = @Schema(implementation = ChatMessage.class)))
  public CompletionStage<Response> send(
      @PathParam("freelancerId") String freelancerId, MessageRequest body) {
    MessageRequest message = required(body);
    return replies.created(
        desk.sendAsTenant(freelancerId, message.clientMessageId(), message.body()));
  }

  @POST
  @Path("conversations/{freelancerId}/receipts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Mark the conversation received or read up to a sequence number")
  @APIResponse(
      responseCode = "200",
      description = "the conversation with its receipts",
      content = @Content(schema = @Schema(implementation = Conversation.class)))
  public CompletionStage<Conversation> acknowledge(
      @PathParam("freelancerId") String freelancerId, ReceiptRequest body) {
    ReceiptRequest receipt = required(body);
    return replies.answer(desk.acknowledgeAsTenant(freelancerId, receipt.isRead(), receipt.upTo()));
  }
}
