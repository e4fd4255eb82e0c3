package io.proxima.hiring.domain;

import java.util.Objects;

/** Who did something to an application: the freelancer, or one of the tenant's staff. */
public record Actor(Side side, String subject) {

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
