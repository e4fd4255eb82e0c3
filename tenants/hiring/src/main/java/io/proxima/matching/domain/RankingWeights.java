package io.proxima.matching.domain;

import java.util.Locale;

/**
 * How much each part of a match counts: the weights of the skill, rate, days and work-style fits
 * (normalised to sum to 1) and the share of the score a candidate keeps per missing required skill.
 *
 * <p>{@link #FIXED} are the weights set by hand before any outcome existed; learned weights replace
 * them for a tenant only once they rank that tenant's later outcomes better (see {@link
 * WeightTrainer}).
 */
public record RankingWeights(
    double skills, double rate, double days, double workStyle, double missingRequiredFactor) {

  /** Set from first principles: skills decide a shortlist, the conditions are negotiated. */
  public static final RankingWeights FIXED = new RankingWeights(0.6, 0.15, 0.1, 0.15, 0.45);

  public RankingWeights {
    for (double w : new double[] {skills, rate, days, workStyle}) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and non-negative");
      }
    }
    double sum = skills + rate + days + workStyle;
    if (sum <= 0) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    if (!(missingRequiredFactor > 0 && missingRequiredFactor <= 1)) {
      throw new IllegalArgumentException("the missing-required factor must be in (0,1]");
    }
    // Normalised so a score stays in [0,1] and two weightings that rank alike compare equal.
    skills /= sum;
    rate /= sum;
    days /= sum;
    workStyle /= sum;
  }

  /** Equal up to rounding: weights read back from storage are normalised again. */
  public boolean sameAs(RankingWeights other) {
    double tolerance = 1e-9;
    return Math.abs(skills - other.skills) < tolerance
        && Math.abs(rate - other.rate) < tolerance
        && Math.abs(days - other.days) < tolerance
        && Math.abs(workStyle - other.workStyle) < tolerance
        && Math.abs(missingRequiredFactor - other.missingRequiredFactor) < tolerance;
  }

  double fit(MatchFeatures f) {
    return skills * f.skills() + rate * f.rate() + days * f.days() + workStyle * f.workStyle();
  }

  /** The score a match with these features gets under these weights. */
  public double score(MatchFeatures f) {
    return fit(f) * Math.pow(missingRequiredFactor, f.missingRequired()) * f.availability();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "skills %.3f, rate %.3f, days %.3f, work style %.3f, per missing required skill ×%.2f",
        skills,
        rate,
        days,
        workStyle,
        missingRequiredFactor);
  }
}
