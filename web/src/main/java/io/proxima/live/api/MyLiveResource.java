package io.proxima.live.api;

import static io.proxima.platform.rest.RequestBodies.required;

import io.proxima.availability.domain.Availability;
import io.proxima.identity.api.CallerClaims;
import io.proxima.live.api.LiveRequests.AvailabilityRequest;
import io.proxima.live.api.LiveRequests.MessageRequest;
import io.proxima.live.api.LiveRequests.ReceiptRequest;
import io.proxima.live.socket.LiveTickets;
import io.proxima.messaging.domain.ChatMessage;
import io.proxima.messaging.domain.Conversation;
import io.proxima.platform.rest.RateLimit;
import io.proxima.realtime.application.LiveDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The freelancer's live side over REST: their availability and their conversations. */
@Path("/v1/me")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyLiveResource {

  @Inject LiveDesk desk;
  @Inject LiveReplies replies;
  @Inject LiveTickets tickets;
  @Inject JsonWebToken token;

  @POST
  @Path("live-ticket")
  @RateLimit("live-ticket")
  @Operation(
      summary = "A one-use ticket to open a live socket from a browser",
      description =
          "Browsers cannot send a bearer token with a WebSocket upgrade: open /ws/board or"
              + " /ws/chat with ?ticket=… within a minute instead.")
  public LiveTickets.Ticket liveTicket() {
    String name = CallerClaims.displayName(token);
    return tickets.issue(token.getSubject(), name != null ? name : token.getName());
  }

  @GET
  @Path("availability")
  @Operation(summary = "The caller's availability")
  public Availability availability() {
    return desk.myAvailability();
  }

  @PUT
  @Path("availability")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change the caller's availability; live on every board they share with",
      description =
          "Send expectedVersion to be refused (409) when another device changed it first.")
  @APIResponse(
      responseCode = "200",
      description = "the availability as stored",
      content = @Content(schema = @Schema(implementation = Availability.class)))
  public CompletionStage<Availability> changeAvailability(AvailabilityRequest body) {
    AvailabilityRequest request = required(body);
    return replies.answer(desk.changeMyAvailability(request.toChange(), request.expectedVersion()));
  }

  @GET
  @Path("conversations")
  @Operation(summary = "The caller's conversations with tenants, with receipts")
  public List<Conversation> conversations() {
    return desk.myConversations();
  }

  @GET
  @Path("conversations/{tenantSlug}/messages")
  @Operation(summary = "History with a tenant, newest first, before a cursor")
  public List<ChatMessage> history(
      @PathParam("tenantSlug") String tenantSlug,
      @QueryParam("before") Long before,
      @QueryParam("limit") Integer limit) {
    return desk.historyForFreelancer(
        tenantSlug, LiveRequests.before(before), LiveRequests.limit(limit));
  }

  @POST
  @Path("conversations/{tenantSlug}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send a message to a tenant you share with; durable when answered")
  @APIResponse(
      responseCode = "201",
      description = "the message, stored",
      content = @Content(schema = @Schema(implementation = ChatMessage.class)))
  public CompletionStage<Response> send(
      @PathParam("tenantSlug") String tenantSlug, MessageRequest body) {
    MessageRequest message = required(body);
    return replies.created(
        desk.sendAsFreelancer(tenantSlug, message.clientMessageId(), message.body()));
  }

  @POST
  @Path("conversations/{tenantSlug}/receipts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Mark the conversation received or read up to a sequence number")
  @APIResponse(
      responseCode = "200",
      description = "the conversation with its receipts",
      content = @Content(schema = @Schema(implementation = Conversation.class)))
  public CompletionStage<Conversation> acknowledge(
      @PathParam("tenantSlug") String tenantSlug, ReceiptRequest body) {
    ReceiptRequest receipt = required(body);
    return replies.answer(
        desk.acknowledgeAsFreelancer(tenantSlug, receipt.isRead(), receipt.upTo()));
  }
}
