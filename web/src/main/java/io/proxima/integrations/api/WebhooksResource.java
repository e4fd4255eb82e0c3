package io.proxima.integrations.api;

import static io.proxima.platform.rest.RequestBodies.required;
import static io.proxima.web.QueryParameters.limit;

import io.proxima.integrations.api.IntegrationViews.CreatedWebhookView;
import io.proxima.integrations.api.IntegrationViews.DeliveryView;
import io.proxima.integrations.api.IntegrationViews.WebhookChange;
import io.proxima.integrations.api.IntegrationViews.WebhookRequest;
import io.proxima.integrations.api.IntegrationViews.WebhookView;
import io.proxima.integrations.application.Webhooks;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The tenant's webhook endpoints, for its administrators. Each delivery is a POST of a JSON body
 * {@code {"id","type","occurredAt","tenant":{"id","slug"},"subjectId","data":{…}}} with the header
 * {@code Proxima-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>};
 * receivers recompute it over the raw body, compare in constant time and refuse timestamps older
 * than five minutes. Any 2xx answer is success; anything else, or no answer within the timeout, is
 * tried again with growing waits. Redirects are not followed.
 */
@Path("/v1/webhooks")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  @Inject Webhooks webhooks;

  @GET
  @Operation(summary = "The tenant's webhook endpoints; switched-off ones say why")
  public List<WebhookView> list() {
    return webhooks.list().stream().map(WebhookView::of).toList();
  }

  @POST
  @Operation(
      summary =
          "Add an endpoint; private, loopback and link-local addresses are refused. The answer"
              + " carries the signing secret, shown this once")
  public Response create(@Valid WebhookRequest request) {
    WebhookRequest body = required(request);
    return Response.status(Response.Status.CREATED)
        .entity(CreatedWebhookView.of(webhooks.create(body.url(), body.eventTypes())))
        .build();
  }

  @PATCH
  @Path("{webhookId}")
  @Operation(summary = "Change the URL or event types, or switch the endpoint off or on")
  public WebhookView change(@PathParam("webhookId") UUID id, @Valid WebhookChange request) {
    WebhookChange body = required(request);
    return WebhookView.of(webhooks.change(id, body.url(), body.eventTypes(), body.active()));
  }

  @DELETE
  @Path("{webhookId}")
  @Operation(summary = "Remove the endpoint and its delivery log")
  public Response remove(@PathParam("webhookId") UUID id) {
    webhooks.remove(id);
    return Response.noContent().build();
  }

  @POST
  @Path("{webhookId}/test")
  @Operation(summary = "Send a webhook.test event to this endpoint; it shows in the log")
  public Response test(@PathParam("webhookId") UUID id) {
    return Response.status(Response.Status.ACCEPTED)
        .entity(DeliveryView.of(webhooks.test(id), List.of()))
        .build();
  }

  @GET
  @Path("{webhookId}/deliveries")
  @Operation(summary = "The delivery log, newest first, with every attempt's status and latency")
  public List<DeliveryView> deliveries(
      @PathParam("webhookId") UUID id, @QueryParam("limit") String limit) {
    return webhooks.log(id, limit(limit, 50)).stream()
        .map(logged -> DeliveryView.of(logged.delivery(), logged.attempts()))
        .toList();
  }

  @POST
  @Path("{webhookId}/deliveries/{deliveryId}/redeliver")
  @Operation(summary = "Send a delivery again now, with a fresh set of attempts")
  public Response redeliver(
      @PathParam("webhookId") UUID id, @PathParam("deliveryId") UUID deliveryId) {
    return Response.status(Response.Status.ACCEPTED)
        .entity(DeliveryView.of(webhooks.redeliver(id, deliveryId), List.of()))
        .build();
  }
}
