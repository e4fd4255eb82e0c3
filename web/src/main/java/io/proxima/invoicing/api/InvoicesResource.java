package io.proxima.invoicing.api;

import static io.proxima.platform.rest.RequestBodies.required;
import static io.proxima.web.QueryParameters.limit;

import io.proxima.invoicing.api.InvoiceViews.CreditNoteRequest;
import io.proxima.invoicing.api.InvoiceViews.InvoiceRequest;
import io.proxima.invoicing.api.InvoiceViews.InvoiceView;
import io.proxima.invoicing.api.InvoiceViews.IssuerView;
import io.proxima.invoicing.application.Invoicing;
import io.proxima.web.Downloads;
import io.proxima.web.tenancy.TenantScoped;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's qualified invoices (適格請求書) and credit notes. */
@Path("/v1")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoicesResource {

  @Inject Invoicing invoicing;

  @GET
  @Path("invoice-issuer")
  @Operation(summary = "The name and registration number the tenant's invoices carry")
  public IssuerView issuer() {
    return IssuerView.of(invoicing.issuer());
  }

  @PUT
  @Path("invoice-issuer")
  @Operation(summary = "Set the issuer name and registration number (T + 13 digits, checked)")
  public IssuerView saveIssuer(IssuerView issuer) {
    return IssuerView.of(invoicing.saveIssuer(required(issuer).toIssuer()));
  }

  @GET
  @Path("invoices")
  @Operation(summary = "The tenant's invoices and credit notes, newest number first")
  public List<InvoiceView> invoices(@QueryParam("limit") String limit) {
    return invoicing.list(limit(limit, 50)).stream().map(InvoiceView::of).toList();
  }

  @POST
  @Path("invoices")
  @Operation(
      summary =
          "Issue an invoice under the next number: lines, or a month of a contract with its"
              + " settlement range and hours")
  public Response issue(InvoiceRequest request) {
    return Response.status(Response.Status.CREATED)
        .entity(InvoiceView.of(invoicing.issue(required(request).toDraft())))
        .build();
  }

  @GET
  @Path("invoices/{invoiceId}")
  @Operation(summary = "One invoice with its amounts and tax per rate")
  public InvoiceView invoice(@PathParam("invoiceId") UUID id) {
    return InvoiceView.of(invoicing.invoice(id));
  }

  @GET
  @Path("invoices/{invoiceId}/document.pdf")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  @Operation(summary = "The invoice or credit note as the PDF the recipient keeps")
  public Response document(@PathParam("invoiceId") UUID id) {
    return Downloads.pdf(invoicing.document(id), "invoice-" + id);
  }

  @POST
  @Path("invoices/{invoiceId}/credit-note")
  @Operation(summary = "Cancel an invoice with a credit note under the next number (once)")
  public Response creditNote(@PathParam("invoiceId") UUID id, CreditNoteRequest request) {
    return Response.status(Response.Status.CREATED)
        .entity(
            InvoiceView.of(invoicing.creditNote(id, request == null ? null : request.issueDate())))
        .build();
  }
}
