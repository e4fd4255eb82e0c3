package io.proxima.payments.api;

import static io.proxima.web.QueryParameters.limit;

import io.proxima.payments.api.PaymentViews.CardPaymentView;
import io.proxima.payments.api.PaymentViews.CardSetupView;
import io.proxima.payments.api.PaymentViews.InvoicePaymentsView;
import io.proxima.payments.api.PaymentViews.StatementEntryView;
import io.proxima.payments.api.PaymentViews.StatementReportView;
import io.proxima.payments.application.Payments;
import io.proxima.payments.domain.BankStatementParser;
import io.proxima.payments.domain.BankStatementRejected;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.logging.LogContext;
import io.proxima.platform.rest.ClientUris;
import io.proxima.platform.rest.Problem;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Staff-side payments of the tenant's invoices: card payments and bank statement imports. */
@Path("/v1")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {

  /** What browsers and banks label a CSV download with; Windows says Excel. */
  private static final Set<String> STATEMENT_TYPES =
      Set.of("text/csv", "text/plain", "application/octet-stream", "application/vnd.ms-excel");

  @Inject Payments payments;
  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @POST
  @Path("invoices/{invoiceId}/payments")
  @Operation(
      summary =
          "Start a card payment of what the invoice still owes; answers the Stripe client secret"
              + " (a retry returns the same payment)")
  public Response startCardPayment(@PathParam("invoiceId") UUID invoiceId) {
    return Response.status(Response.Status.CREATED)
        .entity(CardPaymentView.of(payments.startCardPayment(invoiceId)))
        .build();
  }

  @GET
  @Path("invoices/{invoiceId}/payments")
  @Operation(summary = "The invoice's payments, what arrived and what is still owed")
  public InvoicePaymentsView invoicePayments(@PathParam("invoiceId") UUID invoiceId) {
    return InvoicePaymentsView.of(payments.paymentsOf(invoiceId));
  }

  @GET
  @Path("payments/card-setup")
  @Operation(
      summary = "Whether card payments are set up, and the key Stripe.js loads the form with")
  public CardSetupView cardSetup() {
    return payments
        .cardFormKey()
        .map(key -> new CardSetupView(true, key))
        .orElse(new CardSetupView(false, null));
  }

  @GET
  @Path("invoice-balances")
  @Operation(
      summary =
          "What the latest invoices have received and still owe, newest number first, for the"
              + " invoice list")
  public List<InvoicePaymentsView> balances(@QueryParam("limit") String limit) {
    return payments.balances(limit(limit, 50)).stream().map(InvoicePaymentsView::of).toList();
  }

  @POST
  @Path("bank-statements")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Import a bank statement CSV (UTF-8 or Shift_JIS; columns date, payer, amount, memo)"
              + " and reconcile its credits with open invoices; all lines or none")
  public Response importStatement(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    String type =
        contentType == null
            ? "text/csv"
            : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!STATEMENT_TYPES.contains(type)) {
      throw new DomainException.UnsupportedFile("send the statement as text/csv, not " + type);
    }
    byte[] content = readLimited(body);
    try {
      return Response.status(Response.Status.CREATED)
          .entity(StatementReportView.of(payments.importStatement(content)))
          .build();
    } catch (BankStatementRejected rejected) {
      return Problem.of("invalid-value", Response.Status.BAD_REQUEST, rejected.getMessage())
          .withViolations(
              rejected.errors().stream()
                  .map(e -> new Problem.Violation("line " + e.line(), e.message()))
                  .toList())
          .at(ClientUris.path(request, uri), LogContext.requestId().orElse(null))
          .toResponse();
    }
  }

  @POST
  @Path("bank-statements/matches/{matchId}/confirm")
  @Operation(summary = "Confirm a suggested match: the credit pays the suggested invoice")
  public StatementEntryView confirmMatch(@PathParam("matchId") UUID matchId) {
    return StatementEntryView.of(payments.confirmMatch(matchId));
  }

  private static byte[] readLimited(InputStream body) {
    if (body == null) {
      throw new DomainException.InvalidValue("the statement is empty");
    }
    try {
      byte[] content = body.readNBytes(BankStatementParser.MAX_BYTES + 1);
      if (content.length > BankStatementParser.MAX_BYTES) {
        throw new DomainException.TooLarge(
            "a statement is at most " + BankStatementParser.MAX_BYTES / 1024 + " KiB");
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
