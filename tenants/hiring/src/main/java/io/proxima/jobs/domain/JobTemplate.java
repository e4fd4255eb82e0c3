package io.proxima.jobs.domain;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.util.UUID;

/** A tenant's named starting point for jobs it posts again and again. */
public record JobTemplate(
    UUID id, String name, JobDetails details, Instant createdAt, Instant updatedAt) {

  public static final int NAME_LIMIT = 100;

  public JobTemplate {
    if (name == null || name.isBlank()) {
      throw new DomainException.InvalidValue("name", "a template needs a name");
    }
    name = name.strip();
    if (name.length() > NAME_LIMIT) {
      throw new DomainException.InvalidValue("name", "a template name is at most 100 characters");
    }
    if (details == null) {
      throw new DomainException.InvalidValue("details", "a template needs the job's details");
    }
  }
}
