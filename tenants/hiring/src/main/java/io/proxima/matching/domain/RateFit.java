package io.proxima.matching.domain;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * The candidate's asking rate against the job's budget.
 *
 * @param byYen how far outside the range (0 when within or unknown), monthly yen
 */
public record RateFit(Verdict verdict, int byYen) {

  public enum Verdict {
    WITHIN,
    /** Asks less than the budget's floor: cheap for the client, but may mean a seniority gap. */
    BELOW,
    ABOVE,
    UNKNOWN
  }

  static RateFit of(Integer jobMin, Integer jobMax, Integer askMin, Integer askMax) {
    Integer low = askMin != null ? askMin : askMax;
    Integer high = askMax != null ? askMax : askMin;
    if (low == null || (jobMin == null && jobMax == null)) {
      return new RateFit(Verdict.UNKNOWN, 0);
    }
    if (jobMax != null && low > jobMax) {
      return new RateFit(Verdict.ABOVE, low - jobMax);
    }
    if (jobMin != null && high < jobMin) {
      return new RateFit(Verdict.BELOW, jobMin - high);
    }
    return new RateFit(Verdict.WITHIN, 0);
  }

  /**
   * In [0,1]. Above budget falls off fast: 10% over is a hard negotiation, 25% over a no. An
   * unknown rate is neither good nor bad news.
   */
  double score(Integer jobMax) {
    return switch (verdict) {
      case WITHIN -> 1.0;
      case BELOW -> 0.9;
      case UNKNOWN -> 0.6;
      case ABOVE -> Math.max(0.0, 1.0 - 4.0 * byYen / Math.max(1, jobMax));
    };
  }

  /** For a recruiter: "above the range by ¥50,000". */
  public String describe() {
    String amount = "¥" + NumberFormat.getIntegerInstance(Locale.JAPAN).format(byYen);
    return switch (verdict) {
      case WITHIN -> "within the range";
      case BELOW -> "below the range by " + amount;
      case ABOVE -> "above the range by " + amount;
      case UNKNOWN -> "unknown";
    };
  }
}
