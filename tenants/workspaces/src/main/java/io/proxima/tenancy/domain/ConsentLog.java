package io.proxima.tenancy.domain;

import java.util.List;

/** The append-only consent-and-purpose log. */
public interface ConsentLog {

  void append(ConsentEvent event);

  /** A freelancer's entries about every tenant, newest first, at most {@code limit}. */
  List<ConsentEvent> ofFreelancer(String freelancerSubject, int limit);

  /** The current tenant's entries (about itself only), newest first, at most {@code limit}. */
  List<ConsentEvent> ofCurrentTenant(int limit);
}
