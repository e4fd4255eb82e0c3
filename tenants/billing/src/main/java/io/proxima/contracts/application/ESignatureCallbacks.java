package io.proxima.contracts.application;

import io.proxima.contracts.domain.Contract;
import io.proxima.contracts.domain.ContractRepository;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The provider's callbacks, which carry no token and no tenant: the HMAC over the body proves the
 * sender, the envelope leads to the contract's tenant. On a completed envelope the signed document
 * and the certificate are fetched from the provider first, outside any transaction, then checked
 * and stored with the signatures in one. Any failure answers non-2xx, and the provider delivers the
 * callback again.
 */
@ApplicationScoped
public class ESignatureCallbacks {

  private static final String WEBHOOK_SUBJECT = "e-signature-provider";

  private final Contracting contracting;
  private final ESignatureProvider provider;

  protected ESignatureCallbacks() {
    this(null, null);
  }

  @Inject
  public ESignatureCallbacks(Contracting contracting, ESignatureProvider provider) {
    this.contracting = contracting;
    this.provider = provider;
  }

  public Contract receive(byte[] body, String signatureHeader) {
    ESignatureProvider.Completion completion =
        provider.verify(body == null ? new byte[0] : body, signatureHeader);
    ContractRepository.EnvelopeOwner owner =
        TenancyContext.callIn(
                TenancyContext.platform(WEBHOOK_SUBJECT),
                () -> contracting.ownerOfEnvelope(completion.envelopeId()))
            .orElseThrow(() -> new DomainException.NotFound("There is no such envelope."));
    TenancyContext tenant = TenancyContext.tenant(owner.tenantId(), null, WEBHOOK_SUBJECT);
    ESignatureProvider.SignedDocuments documents = null;
    if (completion.envelopeCompleted()
        && !TenancyContext.callIn(
            tenant, () -> contracting.eSignatureCompleted(owner.contractId()))) {
      documents = provider.signedDocuments(completion.envelopeId());
    }
    ESignatureProvider.SignedDocuments fetched = documents;
    return TenancyContext.callIn(tenant, () -> contracting.applyESignatures(completion, fetched));
  }
}
