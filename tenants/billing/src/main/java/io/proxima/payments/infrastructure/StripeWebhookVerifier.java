package io.proxima.payments.infrastructure;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import io.proxima.payments.domain.PaymentWebhook;
import io.proxima.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe's webhook events, believed only after stripe-java checked the {@code Stripe-Signature}
 * HMAC with the endpoint's signing secret and found its timestamp within the tolerance, which is
 * what stops a captured event from being replayed later.
 */
@ApplicationScoped
public class StripeWebhookVerifier implements PaymentWebhook {

  private final Optional<String> secret;
  private final long toleranceSeconds;
  private final Clock clock;

  protected StripeWebhookVerifier() {
    this(Optional.empty(), 0, Clock.systemUTC());
  }

  @Inject
  public StripeWebhookVerifier(
      @ConfigProperty(name = "proxima.stripe.webhook-secret") Optional<String> secret,
      @ConfigProperty(name = "proxima.stripe.webhook-tolerance-seconds", defaultValue = "300")
          long toleranceSeconds) {
    this(secret, toleranceSeconds, Clock.systemUTC());
  }

  StripeWebhookVerifier(Optional<String> secret, long toleranceSeconds, Clock clock) {
    this.secret = secret.filter(s -> !s.isBlank());
    this.toleranceSeconds = toleranceSeconds;
    this.clock = clock;
  }

  @Override
  public PaymentEvent verify(String payload, String signatureHeader) {
    if (secret.isEmpty()) {
      // Not a passing fault: retrying never helps, so no 503 that invites it. As for the
      // e-signature callback, a webhook that is not set up does not exist here.
      throw new DomainException.NotFound(
          "Stripe webhooks are not set up on this platform (proxima.stripe.webhook-secret)");
    }
    if (payload == null || payload.isEmpty()) {
      throw new DomainException.InvalidValue("the webhook has no body");
    }
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw new DomainException.InvalidValue("the webhook has no Stripe-Signature header");
    }
    Event event;
    try {
      event =
          Webhook.constructEvent(payload, signatureHeader, secret.get(), toleranceSeconds, clock);
    } catch (SignatureVerificationException e) {
      throw new DomainException.InvalidValue("the webhook signature does not verify");
    } catch (RuntimeException e) {
      // Signed correctly but not an event Stripe's library can read (JsonSyntaxException & co).
      throw new DomainException.InvalidValue("the webhook body is not a Stripe event");
    }
    if (event.getId() == null || event.getType() == null) {
      throw new DomainException.InvalidValue("the webhook body is not a Stripe event");
    }
    PaymentEvent.Outcome outcome =
        switch (event.getType()) {
          case "payment_intent.succeeded" -> PaymentEvent.Outcome.SUCCEEDED;
          case "payment_intent.payment_failed", "payment_intent.canceled" ->
              PaymentEvent.Outcome.FAILED;
          default -> PaymentEvent.Outcome.OTHER;
        };
    if (outcome == PaymentEvent.Outcome.OTHER || !(object(event) instanceof PaymentIntent intent)) {
      return new PaymentEvent(
          event.getId(),
          event.getType(),
          PaymentEvent.Outcome.OTHER,
          null,
          Optional.empty(),
          Optional.empty(),
          0);
    }
    Map<String, String> metadata = intent.getMetadata() == null ? Map.of() : intent.getMetadata();
    return new PaymentEvent(
        event.getId(),
        event.getType(),
        outcome,
        intent.getId(),
        uuid(metadata.get(StripePaymentGateway.TENANT_KEY)),
        uuid(metadata.get(StripePaymentGateway.INVOICE_KEY)),
        intent.getAmountReceived() == null ? 0 : intent.getAmountReceived());
  }

  /**
   * The event's object. An event rendered for another API version than the library's is still read:
   * only the id, metadata and amount are used, which every version has.
   */
  private static StripeObject object(Event event) {
    var data = event.getDataObjectDeserializer();
    return data.getObject()
        .orElseGet(
            () -> {
              try {
                return data.deserializeUnsafe();
              } catch (EventDataObjectDeserializationException e) {
                return null;
              }
            });
  }

  private static Optional<UUID> uuid(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
