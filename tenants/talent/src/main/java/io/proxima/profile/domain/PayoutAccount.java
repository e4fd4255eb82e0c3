package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Japanese bank account an agency pays the freelancer into (全銀 transfer): the codes the
 * transfer needs and the names the person recognises. The holder's name is in katakana as the bank
 * keeps it (口座名義); half-width katakana, as some banks print it, is kept full-width.
 *
 * @param bankCode 金融機関コード, four digits
 * @param branchCode 支店コード, three digits
 * @param accountNumber 口座番号, up to seven digits, kept zero-padded to seven
 */
public record PayoutAccount(
    String bankCode,
    String bankName,
    String branchCode,
    String branchName,
    AccountType accountType,
    String accountNumber,
    String holderKana) {

  /** 預金種目. */
  public enum AccountType {
    /** 普通. */
    ORDINARY,
    /** 当座. */
    CHECKING,
    /** 貯蓄. */
    SAVINGS
  }

  private static final Pattern HOLDER = Pattern.compile("[\\p{IsKatakana}ー A-Z0-9().,/-]+");

  public PayoutAccount {
    bankCode = digits(bankCode, "payoutAccount.bankCode", 4, 4);
    branchCode = digits(branchCode, "payoutAccount.branchCode", 3, 3);
    accountNumber =
        "%7s"
            .formatted(digits(accountNumber, "payoutAccount.accountNumber", 1, 7))
            .replace(' ', '0');
    bankName = PersonalText.line(bankName, "payoutAccount.bankName", 60);
    branchName = PersonalText.line(branchName, "payoutAccount.branchName", 60);
    if (accountType == null) {
      throw new DomainException.InvalidValue(
          "payoutAccount.accountType", "payoutAccount.accountType is required");
    }
    holderKana = holder(holderKana);
  }

  /** The account as a statement shows it to someone who should not read all of it. */
  public String masked() {
    return Objects.requireNonNullElse(bankName, bankCode)
        + " "
        + Objects.requireNonNullElse(branchName, branchCode)
        + " ****"
        + accountNumber.substring(4);
  }

  private static String digits(String typed, String field, int least, int most) {
    String value = PersonalText.line(ContactDetails.halfWidth(typed), field, most);
    if (value == null) {
      throw new DomainException.InvalidValue(field, field + " is required");
    }
    if (value.length() < least || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new DomainException.InvalidValue(
          field,
          field + ": " + (least == most ? least + " digits" : least + " to " + most + " digits"));
    }
    return value;
  }

  private static String holder(String typed) {
    String value = PersonalText.line(ContactDetails.folded(typed), "payoutAccount.holderKana", 60);
    if (value == null) {
      throw new DomainException.InvalidValue(
          "payoutAccount.holderKana", "payoutAccount.holderKana is required");
    }
    String upper = value.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    if (!HOLDER.matcher(upper).matches()) {
      throw new DomainException.InvalidValue(
          "payoutAccount.holderKana",
          "payoutAccount.holderKana: the account holder in katakana as the bank keeps it,"
              + " e.g. ヤマダ タロウ");
    }
    return upper;
  }
}
