package io.proxima.matching.domain;

/**
 * The days a week the candidate offers against what the job asks.
 *
 * @param byDays how many days short of the minimum or over the maximum (0 when within or unknown)
 */
public record DaysFit(Verdict verdict, int byDays) {

  public enum Verdict {
    WITHIN,
    FEWER,
    /** Offers more days than the job has: fine, the candidate can work less. */
    MORE,
    UNKNOWN
  }

  static DaysFit of(Integer jobMin, Integer jobMax, Integer offered) {
    if (offered == null || (jobMin == null && jobMax == null)) {
      return new DaysFit(Verdict.UNKNOWN, 0);
    }
    if (jobMin != null && offered < jobMin) {
      return new DaysFit(Verdict.FEWER, jobMin - offered);
    }
    if (jobMax != null && offered > jobMax) {
      return new DaysFit(Verdict.MORE, offered - jobMax);
    }
    return new DaysFit(Verdict.WITHIN, 0);
  }

  /** In [0,1]: each day short costs a lot, since the client then needs a second person. */
  double score() {
    return switch (verdict) {
      case WITHIN -> 1.0;
      case MORE -> 0.9;
      case UNKNOWN -> 0.7;
      case FEWER -> Math.max(0.0, 1.0 - 0.4 * byDays);
    };
  }

  public String describe() {
    return switch (verdict) {
      case WITHIN -> "within the range";
      case FEWER -> byDays + " day(s) a week fewer than asked";
      case MORE -> byDays + " day(s) a week more than needed";
      case UNKNOWN -> "unknown";
    };
  }
}
