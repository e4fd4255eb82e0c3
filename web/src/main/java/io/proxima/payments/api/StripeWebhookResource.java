package io.proxima.payments.api;

import io.proxima.payments.api.PaymentViews.WebhookReceipt;
import io.proxima.payments.application.Payments;
import io.proxima.platform.error.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Stripe's webhook. Public: Stripe has no bearer token, and no tenant is addressed; the signature
 * is the authentication, and the tenant comes from the verified event. A redelivery answers 200 so
 * Stripe stops retrying; a bad signature answers 400 and changes nothing.
 */
@Path("/v1/webhooks")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class StripeWebhookResource {

  /** Stripe's events are a few KiB; anything far larger is not from Stripe. */
  private static final int BODY_LIMIT = 256 * 1024;

  @Inject Payments payments;

  @POST
  @Path("stripe")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Stripe payment events, verified by their Stripe-Signature (public)")
  public WebhookReceipt stripe(
      @HeaderParam("Stripe-Signature") String signature, InputStream body) {
    // The signature covers the exact bytes sent; Stripe sends UTF-8 JSON, which decodes and
    // re-encodes to the same bytes.
    String payload = new String(read(body), StandardCharsets.UTF_8);
    return new WebhookReceipt(payments.receiveProviderEvent(payload, signature).name());
  }

  private static byte[] read(InputStream body) {
    if (body == null) {
      throw new DomainException.InvalidValue("the webhook has no body");
    }
    try {
      byte[] content = body.readNBytes(BODY_LIMIT + 1);
      if (content.length > BODY_LIMIT) {
        throw new DomainException.TooLarge("a webhook event is at most 256 KiB");
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
