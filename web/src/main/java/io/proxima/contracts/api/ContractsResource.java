package io.proxima.contracts.api;

import static io.proxima.contracts.api.ContractViews.expected;
import static io.proxima.contracts.api.ContractViews.month;
import static io.proxima.contracts.api.ContractViews.sha;
import static io.proxima.platform.rest.RequestBodies.required;
import static io.proxima.web.QueryParameters.limit;

import io.proxima.contracts.api.ContractViews.CancelRequest;
import io.proxima.contracts.api.ContractViews.ContractView;
import io.proxima.contracts.api.ContractViews.ConvertRequest;
import io.proxima.contracts.api.ContractViews.DossierView;
import io.proxima.contracts.api.ContractViews.DraftRequest;
import io.proxima.contracts.api.ContractViews.ESignatureRequest;
import io.proxima.contracts.api.ContractViews.ESignatureView;
import io.proxima.contracts.api.ContractViews.InvoiceMonthRequest;
import io.proxima.contracts.api.ContractViews.RejectRequest;
import io.proxima.contracts.api.ContractViews.ReviseRequest;
import io.proxima.contracts.api.ContractViews.SignRequest;
import io.proxima.contracts.api.ContractViews.TerminateRequest;
import io.proxima.contracts.api.ContractViews.TimeReportView;
import io.proxima.contracts.api.ContractViews.VersionRequest;
import io.proxima.contracts.application.Contracting;
import io.proxima.invoicing.api.InvoiceViews.InvoiceView;
import io.proxima.platform.error.DomainException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's contracts with freelancers, and the time reports it approves and invoices. */
@Path("/v1/contracts")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@ApiKeyArea("contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractsResource {

  @Inject Contracting contracting;

  @GET
  @Operation(summary = "The tenant's contracts, most recently changed first")
  public List<ContractView> contracts(@QueryParam("limit") String limit) {
    return contracting.ofTenant(limit(limit, 50)).stream().map(ContractView::of).toList();
  }

  @POST
  @Operation(
      summary = "Draft a trial or main contract with a freelancer who shares with the tenant")
  public Response draft(DraftRequest request) {
    DraftRequest draft = required(request);
    if (draft.freelancerId() == null || draft.kind() == null || draft.terms() == null) {
      throw new DomainException.InvalidValue("freelancerId, kind and terms are required");
    }
    return Response.status(Response.Status.CREATED)
        .entity(
            DossierView.of(
                contracting.draft(draft.freelancerId(), draft.kind(), draft.terms().toTerms())))
        .build();
  }

  @GET
  @Path("{contractId}")
  @Operation(summary = "A contract with its trail and time reports")
  public DossierView contract(@PathParam("contractId") UUID id) {
    return DossierView.of(contracting.contract(id));
  }

  @PUT
  @Path("{contractId}/terms")
  @Operation(summary = "Revise a draft's terms")
  public DossierView revise(@PathParam("contractId") UUID id, ReviseRequest request) {
    ReviseRequest revise = required(request);
    if (revise.terms() == null) {
      throw new DomainException.InvalidValue("terms", "terms are required");
    }
    return DossierView.of(
        contracting.revise(id, revise.terms().toTerms(), expected(revise.expectedVersion())));
  }

  @GET
  @Path("{contractId}/document.pdf")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  @Operation(summary = "The contract document: the one sent for signature, or a draft's preview")
  public Response document(@PathParam("contractId") UUID id) {
    return Downloads.pdf(contracting.document(id), "contract-" + id);
  }

  @POST
  @Path("{contractId}/send")
  @Operation(summary = "Fix the document and send it to both sides for signature")
  public DossierView send(@PathParam("contractId") UUID id, VersionRequest request) {
    return DossierView.of(contracting.send(id, expected(required(request).expectedVersion())));
  }

  @POST
  @Path("{contractId}/sign")
  @Operation(summary = "Sign for the client the document whose SHA-256 is given (click to sign)")
  public DossierView sign(@PathParam("contractId") UUID id, SignRequest request) {
    return DossierView.of(contracting.signForClient(id, sha(request)));
  }

  @POST
  @Path("{contractId}/e-signature")
  @Operation(
      summary =
          "Send the fixed document to the e-signature provider for both sides (click-to-sign"
              + " stays open); answers at once with the pending request, delivered after commit")
  public Response requestESignature(@PathParam("contractId") UUID id, ESignatureRequest request) {
    ESignatureRequest esign = required(request);
    return Response.status(Response.Status.ACCEPTED)
        .entity(
            ESignatureView.of(
                contracting.requestESignature(
                    id, esign.clientSignerName(), esign.clientSignerEmail())))
        .build();
  }

  @GET
  @Path("{contractId}/e-signature")
  @Operation(summary = "How the contract's e-signature stands: pending, sent, failed or completed")
  public ESignatureView eSignature(@PathParam("contractId") UUID id) {
    return ESignatureView.of(contracting.eSignature(id));
  }

  @POST
  @Path("{contractId}/cancel")
  @Operation(summary = "Withdraw a contract before both sides signed")
  public DossierView cancel(@PathParam("contractId") UUID id, CancelRequest request) {
    CancelRequest cancel = required(request);
    return DossierView.of(
        contracting.cancel(id, cancel.reason(), expected(cancel.expectedVersion())));
  }

  @POST
  @Path("{contractId}/terminate")
  @Operation(summary = "End an active contract early on a given last day")
  public DossierView terminate(@PathParam("contractId") UUID id, TerminateRequest request) {
    TerminateRequest terminate = required(request);
    if (terminate.lastDay() == null) {
      throw new DomainException.InvalidValue("lastDay", "lastDay is required");
    }
    return DossierView.of(
        contracting.terminate(
            id, terminate.lastDay(), terminate.reason(), expected(terminate.expectedVersion())));
  }

  @POST
  @Path("{contractId}/renew")
  @Operation(summary = "Renew an active main contract by its renewal clause")
  public DossierView renew(@PathParam("contractId") UUID id, VersionRequest request) {
    return DossierView.of(contracting.renew(id, expected(required(request).expectedVersion())));
  }

  @POST
  @Path("{contractId}/end")
  @Operation(summary = "Close an active contract whose period is over")
  public DossierView end(@PathParam("contractId") UUID id, VersionRequest request) {
    return DossierView.of(contracting.end(id, expected(required(request).expectedVersion())));
  }

  @POST
  @Path("{contractId}/convert")
  @Operation(summary = "Convert an active trial into a draft main contract")
  public Response convert(@PathParam("contractId") UUID id, ConvertRequest request) {
    ConvertRequest convert = required(request);
    if (convert.terms() == null) {
      throw new DomainException.InvalidValue("terms", "terms of the main contract are required");
    }
    return Response.status(Response.Status.CREATED)
        .entity(
            DossierView.of(
                contracting.convert(
                    id, convert.terms().toTerms(), expected(convert.expectedVersion()))))
        .build();
  }

  @POST
  @Path("{contractId}/time-reports/{month}/approve")
  @Operation(summary = "Approve a submitted month of hours")
  public TimeReportView approve(
      @PathParam("contractId") UUID id, @PathParam("month") String month, VersionRequest request) {
    return TimeReportView.of(
        contracting.approve(id, month(month), expected(required(request).expectedVersion())));
  }

  @POST
  @Path("{contractId}/time-reports/{month}/reject")
  @Operation(summary = "Send a submitted month back to the freelancer with the reason")
  public TimeReportView reject(
      @PathParam("contractId") UUID id, @PathParam("month") String month, RejectRequest request) {
    RejectRequest reject = required(request);
    return TimeReportView.of(
        contracting.reject(id, month(month), reject.reason(), expected(reject.expectedVersion())));
  }

  @POST
  @Path("{contractId}/time-reports/{month}/invoice")
  @Operation(
      summary =
          "Issue the month's qualified invoice from the approved hours, settlement range applied")
  public Response invoice(
      @PathParam("contractId") UUID id,
      @PathParam("month") String month,
      InvoiceMonthRequest request) {
    InvoiceMonthRequest invoice = required(request);
    return Response.status(Response.Status.CREATED)
        .entity(
            InvoiceView.of(
                contracting.invoice(
                    id, month(month), invoice.issueDate(), expected(invoice.expectedVersion()))))
        .build();
  }
}
