package io.proxima.contracts.api;

import io.proxima.contracts.application.Contracting;
import io.proxima.contracts.application.ESignatureProvider;
import io.proxima.contracts.domain.ContractRepository;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The e-signature provider's callbacks (Connect). They carry no token and no tenant: the HMAC over
 * the body proves the sender, and the envelope leads to the contract's tenant, in which the
 * signatures are then applied.
 */
@Path("/v1/webhooks/e-signature")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ESignatureCallbackResource {

  private static final String WEBHOOK_SUBJECT = "e-signature-provider";

  @Inject Contracting contracting;
  @Inject ESignatureProvider provider;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Envelope events from the e-signature provider, HMAC-signed (public)")
  public Map<String, String> callback(
      byte[] body, @HeaderParam("X-DocuSign-Signature-1") String signature) {
    ESignatureProvider.Completion completion =
        provider.verify(body == null ? new byte[0] : body, signature);
    ContractRepository.EnvelopeOwner owner =
        TenancyContext.callIn(
                TenancyContext.platform(WEBHOOK_SUBJECT),
                () -> contracting.ownerOfEnvelope(completion.envelopeId()))
            .orElseThrow(() -> new DomainException.NotFound("There is no such envelope."));
    var contract =
        TenancyContext.callIn(
            TenancyContext.tenant(owner.tenantId(), null, WEBHOOK_SUBJECT),
            () -> contracting.applyESignatures(completion));
    return Map.of("contractId", contract.id().toString(), "status", contract.status().name());
  }
}
