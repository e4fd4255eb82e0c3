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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The freelancer's live side over REST: their availability and their conversations. */
@Path("/v1/me")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyLiveResource {

  @Inject LiveDesk desk;
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
  public Availability changeAvailability(AvailabilityRequest body) {
    AvailabilityRequest request = required(body);
    return desk.changeMyAvailability(request.toChange(), request.expectedVersion());
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
  public Response send(@PathParam("tenantSlug") String tenantSlug, MessageRequest body) {
    MessageRequest message = required(body);
    return Response.status(Response.Status.CREATED)
        .entity(desk.sendAsFreelancer(tenantSlug, message.clientMessageId(), message.body()))
        .build();
  }

  @POST
  @Path("conversations/{tenantSlug}/receipts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Mark the conversation received or read up to a sequence number")
  public Conversation acknowledge(@PathParam("tenantSlug") String tenantSlug, ReceiptRequest body) {
    ReceiptRequest receipt = required(body);
    return desk.acknowledgeAsFreelancer(tenantSlug, receipt.isRead(), receipt.upTo());
  }
}
