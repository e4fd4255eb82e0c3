package io.proxima.availability.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.Embeddable;

/**
 * The monthly rate a freelancer asks for, in 万円 (10,000 yen) as the Japanese market quotes it: a
 * band, because agencies negotiate inside it.
 */
@Embeddable
public record RateBand(int minManYen, int maxManYen) {

  public static final int CEILING = 1000;

  public RateBand {
    if (minManYen < 1 || maxManYen > CEILING || minManYen > maxManYen) {
      throw new DomainException.InvalidValue(
          "rate", "rate band must satisfy 1 <= min <= max <= " + CEILING + " (万円/month)");
    }
  }
}
