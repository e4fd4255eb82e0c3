package io.proxima.matching.domain;

/**
 * The parts of one candidate's fit for one job that a weighting combines, each in [0,1] except the
 * count of missing required skills.
 *
 * @param availability the multiplier availability puts on the match (1 when free by the start)
 */
public record MatchFeatures(
    double skills,
    double rate,
    double days,
    double workStyle,
    int missingRequired,
    double availability) {

  /**
   * The same fit with availability taken out: outcomes of the past are judged on what the profile
   * says, since today's availability of a freelancer who was contracted then says nothing about
   * that job (the contract itself made them busy).
   */
  public MatchFeatures withoutAvailability() {
    return new MatchFeatures(skills, rate, days, workStyle, missingRequired, 1.0);
  }
}
