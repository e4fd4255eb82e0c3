package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the platform keeps about a freelancer as a person rather than as an engineer: contact
 * details, date of birth and the payout account. None of it is searched or matched on, all of it is
 * sealed at rest, and each part is optional: a freelancer fills in what their agencies ask for.
 *
 * @param version 0 until first saved; an edit names the version it was made on
 */
public record PersonalDetails(
    String freelancerSubject,
    ContactDetails contact,
    LocalDate dateOfBirth,
    PayoutAccount payoutAccount,
    long version,
    Instant updatedAt) {

  /** Japan's minimum working age (労働基準法 第56条). */
  static final int YOUNGEST_WORKING_AGE = 15;

  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  public PersonalDetails {
    Objects.requireNonNull(freelancerSubject, "freelancerSubject");
  }

  public static PersonalDetails none(String freelancerSubject) {
    return new PersonalDetails(freelancerSubject, null, null, null, 0, null);
  }

  public boolean isEmpty() {
    return contact == null && dateOfBirth == null && payoutAccount == null;
  }

  /**
   * The details as the freelancer saved them over these ones.
   *
   * @throws DomainException.Conflict when the edit was made on another version (a second tab)
   * @throws DomainException.InvalidValue when the date of birth is not one a working person has
   */
  public PersonalDetails revise(
      ContactDetails contact,
      LocalDate dateOfBirth,
      PayoutAccount payoutAccount,
      long expectedVersion,
      Instant now) {
    if (expectedVersion != version) {
      throw new DomainException.Conflict(
          "expectedVersion",
          "the personal details changed elsewhere: they are at version "
              + version
              + ", the edit was made on "
              + expectedVersion);
    }
    if (dateOfBirth != null) {
      LocalDate today = now.atZone(JAPAN).toLocalDate();
      if (dateOfBirth.isBefore(EARLIEST_BIRTH)
          || dateOfBirth.isAfter(today.minusYears(YOUNGEST_WORKING_AGE))) {
        throw new DomainException.InvalidValue(
            "dateOfBirth",
            "dateOfBirth: between "
                + EARLIEST_BIRTH
                + " and "
                + today.minusYears(YOUNGEST_WORKING_AGE)
                + " (at least "
                + YOUNGEST_WORKING_AGE
                + " years old)");
      }
    }
    return new PersonalDetails(
        freelancerSubject, contact, dateOfBirth, payoutAccount, version + 1, now);
  }
}
