package io.proxima.profile.api;

import io.proxima.profile.domain.ContactDetails;
import io.proxima.profile.domain.PayoutAccount;
import io.proxima.profile.domain.PersonalDetails;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of the personal-details operations; the domain checks every value. */
public final class PersonalDetailsViews {

  private PersonalDetailsViews() {}

  /** Full-width digits and 〒 are accepted; answered half-width as NNN-NNNN. */
  @Schema(name = "ContactDetails")
  public record Contact(
      @Schema(example = "090-1234-5678") String phone,
      @Schema(example = "150-0002") String postalCode,
      @Schema(example = "東京都渋谷区渋谷2-1") String address) {

    static Contact of(ContactDetails contact) {
      return contact == null
          ? null
          : new Contact(contact.phone(), contact.postalCode(), contact.address());
    }

    ContactDetails toDomain() {
      return new ContactDetails(phone, postalCode, address);
    }
  }

  /** A 全銀 transfer's account; half-width katakana in the holder is answered full-width. */
  @Schema(name = "PayoutAccount")
  public record Account(
      @Schema(required = true, example = "0005", description = "金融機関コード, 4 digits") String bankCode,
      @Schema(example = "三菱UFJ銀行") String bankName,
      @Schema(required = true, example = "001", description = "支店コード, 3 digits") String branchCode,
      @Schema(example = "本店") String branchName,
      @Schema(required = true, example = "ORDINARY") PayoutAccount.AccountType accountType,
      @Schema(required = true, example = "1234567", description = "up to 7 digits")
          String accountNumber,
      @Schema(required = true, example = "ヤマダ タロウ", description = "口座名義 in katakana")
          String holderKana) {

    static Account of(PayoutAccount account) {
      return account == null
          ? null
          : new Account(
              account.bankCode(),
              account.bankName(),
              account.branchCode(),
              account.branchName(),
              account.accountType(),
              account.accountNumber(),
              account.holderKana());
    }

    PayoutAccount toDomain() {
      return new PayoutAccount(
          bankCode, bankName, branchCode, branchName, accountType, accountNumber, holderKana);
    }
  }

  /**
   * The details as the freelancer saves them; a part left out (null) is removed.
   *
   * @param expectedVersion the version the edit was made on (0 before the first save); a stale one
   *     is refused (409)
   */
  public record PersonalDetailsEdit(
      Contact contact,
      @Schema(example = "1990-04-01") LocalDate dateOfBirth,
      Account payoutAccount,
      long expectedVersion) {

    ContactDetails contactDetails() {
      return contact == null ? null : contact.toDomain();
    }

    PayoutAccount account() {
      return payoutAccount == null ? null : payoutAccount.toDomain();
    }
  }

  @Schema(name = "PersonalDetails")
  public record PersonalDetailsJson(
      Contact contact,
      LocalDate dateOfBirth,
      Account payoutAccount,
      Instant updatedAt,
      long version) {

    static PersonalDetailsJson of(PersonalDetails details) {
      return new PersonalDetailsJson(
          Contact.of(details.contact()),
          details.dateOfBirth(),
          Account.of(details.payoutAccount()),
          details.updatedAt(),
          details.version());
    }
  }
}
