package io.proxima.invoicing.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.text.Normalizer;

/**
 * A qualified invoice issuer's registration number (適格請求書発行事業者登録番号): "T" and 13 digits, the first
 * of which checks the other twelve as the National Tax Agency defines it for corporate numbers: 9 −
 * (Σ Pn × Qn mod 9), Pn the n-th digit from the right of the twelve, Qn 1 for odd n and 2 for even
 * n.
 */
public record RegistrationNumber(String value) {

  public RegistrationNumber {
    if (value == null) {
      throw new DomainException.InvalidValue(
          "registrationNumber", "registrationNumber is required");
    }
    // People type it full-width (Ｔ１２３…) and with hyphens; the invoice shows it plainly.
    String plain = Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
    if (!plain.matches("[Tt]\\d{13}")) {
      throw new DomainException.InvalidValue(
          "registrationNumber", "registrationNumber must be T and 13 digits, like T1234567890123");
    }
    String digits = plain.substring(1);
    if (checkDigit(digits.substring(1)) != digits.charAt(0) - '0') {
      throw new DomainException.InvalidValue(
          "registrationNumber",
          "registrationNumber " + plain.toUpperCase() + " has a wrong check digit");
    }
    value = "T" + digits;
  }

  /** The check digit for the twelve digits after it. */
  static int checkDigit(String twelve) {
    int sum = 0;
    for (int n = 1; n <= 12; n++) {
      int digit = twelve.charAt(12 - n) - '0';
      sum += digit * (n % 2 == 1 ? 1 : 2);
    }
    return 9 - (sum % 9);
  }

  @Override
  public String toString() {
    return value;
  }

  /** Stored as its plain text, T and 13 digits. */
  @Converter
  public static class Stored implements AttributeConverter<RegistrationNumber, String> {
    @Override
    public String convertToDatabaseColumn(RegistrationNumber number) {
      return number == null ? null : number.value();
    }

    @Override
    public RegistrationNumber convertToEntityAttribute(String value) {
      return value == null ? null : new RegistrationNumber(value.strip());
    }
  }
}
