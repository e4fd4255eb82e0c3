package io.proxima.profile.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.platform.privacy.KeyOwner;
import io.proxima.platform.privacy.PersonalDataVault;
import io.proxima.profile.domain.ContactDetails;
import io.proxima.profile.domain.PayoutAccount;
import io.proxima.profile.domain.PersonalDetails;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link PersonalDetails} as the table keeps them: each part sealed on its own with the
 * freelancer's data key and bound to its column, so a tenant that may open the payout account opens
 * nothing else, and bytes copied into another row or column do not open.
 */
@Entity
@Table(name = "freelancer_personal_details")
class SealedPersonalDetails {

  // Parts are sealed as JSON; an unknown member from a later version must not make them unreadable.
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Id
  @Column(name = "freelancer_subject")
  private String freelancerSubject;

  @Column(name = "key_owner", nullable = false, updatable = false)
  private String keyOwner;

  @Column(name = "sealed_contact")
  private byte[] contact;

  @Column(name = "sealed_date_of_birth")
  private byte[] dateOfBirth;

  @Column(name = "sealed_payout_account")
  private byte[] payoutAccount;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SealedPersonalDetails() {
    // for JPA
  }

  static SealedPersonalDetails first(String freelancerSubject) {
    SealedPersonalDetails row = new SealedPersonalDetails();
    row.freelancerSubject = freelancerSubject;
    row.keyOwner = KeyOwner.freelancer(freelancerSubject).value();
    // Hibernate keeps a non-negative version given at persist: the first save is version 1, as
    // the domain counts (0 is "never saved").
    row.version = 1;
    return row;
  }

  long version() {
    return version;
  }

  /** Seals every part of {@code details} over the stored ones; the version moves on flush. */
  void seal(PersonalDetails details, PersonalDataVault vault) {
    KeyOwner owner = owner();
    contact = sealed(vault, owner, "contact", details.contact());
    dateOfBirth =
        sealed(
            vault,
            owner,
            "date_of_birth",
            details.dateOfBirth() == null ? null : details.dateOfBirth().toString());
    payoutAccount = sealed(vault, owner, "payout_account", details.payoutAccount());
    updatedAt = details.updatedAt();
  }

  PersonalDetails opened(PersonalDataVault vault) {
    KeyOwner owner = owner();
    String birth = opened(vault, owner, "date_of_birth", dateOfBirth, String.class);
    return new PersonalDetails(
        freelancerSubject,
        opened(vault, owner, "contact", contact, ContactDetails.class),
        birth == null ? null : LocalDate.parse(birth),
        openedPayoutAccount(vault),
        version,
        updatedAt);
  }

  PayoutAccount openedPayoutAccount(PersonalDataVault vault) {
    return opened(vault, owner(), "payout_account", payoutAccount, PayoutAccount.class);
  }

  private KeyOwner owner() {
    return new KeyOwner(keyOwner);
  }

  private byte[] sealed(PersonalDataVault vault, KeyOwner owner, String part, Object value) {
    if (value == null) {
      return null;
    }
    try {
      return vault.seal(owner, purpose(part), JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T opened(
      PersonalDataVault vault, KeyOwner owner, String part, byte[] sealed, Class<T> type) {
    if (sealed == null) {
      return null;
    }
    try {
      return JSON.readValue(vault.open(owner, purpose(part), sealed), type);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String purpose(String part) {
    return "freelancer_personal_details." + part + ":" + freelancerSubject;
  }
}
