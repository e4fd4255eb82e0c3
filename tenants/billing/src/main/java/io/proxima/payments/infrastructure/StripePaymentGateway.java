package io.proxima.payments.infrastructure;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import io.proxima.payments.domain.PaymentGateway;
import io.proxima.payments.domain.PaymentStatus;
import io.proxima.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Card payments as Stripe PaymentIntents. Every request carries an idempotency key derived from the
 * tenant, the invoice and the amount, so a retry after a timeout or a double click gets Stripe's
 * first PaymentIntent back instead of a second charge. The API base is configurable so tests talk
 * to a local stub instead of Stripe.
 */
@ApplicationScoped
public class StripePaymentGateway implements PaymentGateway {

  static final String TENANT_KEY = "tenant_id";
  static final String INVOICE_KEY = "invoice_id";
  static final String INVOICE_NUMBER_KEY = "invoice_number";

  private static final Logger LOG = Logger.getLogger(StripePaymentGateway.class.getName());

  private final StripeClient stripe;
  private final String publishableKey;

  protected StripePaymentGateway() {
    this.stripe = null;
    this.publishableKey = null;
  }

  @Inject
  public StripePaymentGateway(
      @ConfigProperty(name = "proxima.stripe.api-key") Optional<String> apiKey,
      @ConfigProperty(name = "proxima.stripe.api-base", defaultValue = "https://api.stripe.com")
          String apiBase,
      @ConfigProperty(name = "proxima.stripe.publishable-key") Optional<String> publishableKey) {
    // A form without a server that can create the payment would only fail at the last click.
    this.publishableKey =
        apiKey.filter(key -> !key.isBlank()).isPresent()
            ? publishableKey.filter(key -> !key.isBlank()).orElse(null)
            : null;
    this.stripe =
        apiKey
            .filter(key -> !key.isBlank())
            .map(
                key ->
                    StripeClient.builder()
                        .setApiKey(key)
                        .setApiBase(apiBase)
                        // Safe with the idempotency key: a retried create returns the first one.
                        .setMaxNetworkRetries(2)
                        .setConnectTimeout(5_000)
                        .setReadTimeout(20_000)
                        .build())
            .orElse(null);
  }

  @Override
  public CardPaymentStarted start(CardPaymentRequest request) {
    if (stripe == null) {
      throw new DomainException.Unavailable(
          "card payments are not set up on this platform (proxima.stripe.api-key)");
    }
    PaymentIntentCreateParams params =
        PaymentIntentCreateParams.builder()
            .setAmount(request.amountYen())
            .setCurrency("jpy")
            .addPaymentMethodType("card")
            .setDescription("Invoice " + request.invoiceNumber())
            .putMetadata(TENANT_KEY, request.tenantId().toString())
            .putMetadata(INVOICE_KEY, request.invoiceId().toString())
            .putMetadata(INVOICE_NUMBER_KEY, request.invoiceNumber())
            .build();
    RequestOptions options =
        RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
    PaymentIntent intent;
    try {
      intent = stripe.v1().paymentIntents().create(params, options);
    } catch (IdempotencyException e) {
      throw new DomainException.Conflict(
          "the card payment provider holds a different payment under this invoice's key");
    } catch (StripeException e) {
      LOG.warning(
          () ->
              "Stripe refused or did not answer (status %s, request %s): %s"
                  .formatted(e.getStatusCode(), e.getRequestId(), e.getMessage()));
      throw new DomainException.Unavailable(
          "the card payment provider could not start the payment; retrying is safe");
    }
    return new CardPaymentStarted(
        intent.getId(),
        intent.getClientSecret(),
        intent.getAmount() == null ? request.amountYen() : intent.getAmount(),
        statusOf(intent.getStatus()),
        intent.getStatus());
  }

  @Override
  public Optional<String> publishableKey() {
    return Optional.ofNullable(publishableKey);
  }

  /** Stripe's PaymentIntent states, as far as the money is concerned. */
  static PaymentStatus statusOf(String stripeStatus) {
    if (stripeStatus == null) {
      return PaymentStatus.PENDING;
    }
    return switch (stripeStatus) {
      case "succeeded" -> PaymentStatus.SUCCEEDED;
      case "canceled" -> PaymentStatus.FAILED;
      default -> PaymentStatus.PENDING;
    };
  }
}
