package io.proxima.contracts.api;

import io.proxima.contracts.application.ESignatureCallbacks;
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
 * the body proves the sender, and the envelope leads to the contract's tenant, in which the signed
 * document is stored and the signatures are applied.
 */
@Path("/v1/webhooks/e-signature")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ESignatureCallbackResource {

  @Inject ESignatureCallbacks callbacks;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Envelope events from the e-signature provider, HMAC-signed (public)")
  public Map<String, String> callback(
      byte[] body, @HeaderParam("X-DocuSign-Signature-1") String signature) {
    var contract = callbacks.receive(body, signature);
    return Map.of("contractId", contract.id().toString(), "status", contract.status().name());
  }
}
