package io.proxima.tenancy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ConsentRepository {

  Optional<Consent> activeConsent(String freelancerSubject, UUID tenantId);

  /** A freelancer's consents, active and revoked, newest first. */
  List<Consent> ofFreelancer(String freelancerSubject);

  /** Freelancers sharing with the current tenant. */
  List<Consent> activeInCurrentTenant();

  void store(Consent consent);
}
