package io.proxima.hiring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** Who did something to an application: the freelancer, or one of the tenant's staff. */
@Embeddable
public record Actor(
    @Enumerated(EnumType.STRING) @Column(name = "actor_side", nullable = false) Side side,
    @Column(name = "actor_subject", nullable = false) String subject) {

  public enum Side {
    FREELANCER,
    TENANT
  }

  public Actor {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(subject, "subject");
  }

  public static Actor freelancer(String subject) {
    return new Actor(Side.FREELANCER, subject);
  }

  public static Actor staff(String subject) {
    return new Actor(Side.TENANT, subject);
  }
}
