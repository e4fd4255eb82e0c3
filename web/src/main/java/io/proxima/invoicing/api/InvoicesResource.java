package io.proxima.invoicing.api;

import static io.proxima.platform.rest.RequestBodies.required;
import static io.proxima.web.QueryParameters.limit;

import io.proxima.invoicing.api.InvoiceViews.CreditNoteRequest;
import io.proxima.invoicing.api.InvoiceViews.InvoiceRequest;
import io.proxima.invoicing.api.InvoiceViews.InvoiceView;
import io.proxima.invoicing.api.InvoiceViews.IssuerView;
import io.proxima.invoicing.application.InvoiceExport;
import io.proxima.invoicing.application.Invoicing;
import io.proxima.invoicing.domain.AccountingCsv;
import io.proxima.web.Downloads;
import io.proxima.web.tenancy.ApiKeyArea;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's qualified invoices (適格請求書) and credit notes. */
@Path("/v1")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@ApiKeyArea("invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoicesResource {

  @Inject Invoicing invoicing;
  @Inject InvoiceExport export;

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
  @Path("invoices/export.csv")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  @Operation(
      summary =
          "The invoices and credit notes issued in a span of months as the sales entries freee or"
              + " マネーフォワード クラウド会計 import, in UTF-8 with BOM or Shift_JIS")
  public Response export(
      @Parameter(description = "freee (default) or moneyforward", example = "freee")
          @QueryParam("layout")
          String layout,
      @Parameter(description = "utf-8-bom (default) or shift_jis", example = "utf-8-bom")
          @QueryParam("encoding")
          String encoding,
      @Parameter(
              description = "first month of issue dates; this month when blank",
              example = "2026-11")
          @QueryParam("from")
          String from,
      @Parameter(description = "last month, included; from's month when blank", example = "2026-12")
          @QueryParam("to")
          String to) {
    InvoiceExport.Request request =
        InvoiceExport.Request.of(layout, encoding, from, to, export.thisMonth());
    return Response.ok(
            export.export(request),
            "text/csv; charset="
                + (request.encoding() == AccountingCsv.Encoding.SHIFT_JIS ? "shift_jis" : "utf-8"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + request.fileName() + "\"")
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

  @GET
  @Path("invoices/{invoiceId}/preview.png")
  @Produces({"image/png", MediaType.APPLICATION_JSON})
  @Operation(summary = "The invoice's pages as one PNG, for a preview inside the portal")
  public Response preview(@PathParam("invoiceId") UUID id) {
    return Response.ok(invoicing.preview(id), "image/png")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .build();
  }

  @POST
  @Path("invoices/{invoiceId}/credit-note")
  @Operation(
      summary =
          "Cancel an invoice with a credit note under the next number (once); the reason is audited")
  public Response creditNote(@PathParam("invoiceId") UUID id, CreditNoteRequest request) {
    return Response.status(Response.Status.CREATED)
        .entity(
            InvoiceView.of(
                request == null
                    ? invoicing.creditNote(id, null)
                    : invoicing.creditNote(id, request.issueDate(), request.reason())))
        .build();
  }
}
