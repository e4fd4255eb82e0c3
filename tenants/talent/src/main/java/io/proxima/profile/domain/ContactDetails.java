package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * How an agency reaches the freelancer outside the platform, and where contracts and payment
 * notices are posted. Full-width digits and hyphens, as Japanese keyboards type them, are accepted
 * and kept half-width.
 *
 * @param phone digits with the hyphens, spaces, parentheses or leading + the person typed
 * @param postalCode 〒 as NNN-NNNN
 * @param address the postal address after the postal code, one line
 */
public record ContactDetails(String phone, String postalCode, String address) {

  private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9() -]+");
  private static final Pattern POSTAL_CODE = Pattern.compile("(\\d{3})-?(\\d{4})");

  public ContactDetails {
    phone = phone(phone);
    postalCode = postalCode(postalCode);
    address = PersonalText.line(address, "contact.address", 200);
    if (phone == null && postalCode == null && address == null) {
      throw new DomainException.InvalidValue("contact", "contact needs a phone or an address");
    }
  }

  private static String phone(String typed) {
    String phone = Texts.optional(halfWidth(typed), "contact.phone", 30);
    if (phone == null) {
      return null;
    }
    long digits = phone.chars().filter(Character::isDigit).count();
    if (!PHONE_CHARACTERS.matcher(phone).matches() || digits < 10 || digits > 15) {
      throw new DomainException.InvalidValue(
          "contact.phone",
          "contact.phone: 10 to 15 digits, e.g. 090-1234-5678 or +81 90 1234 5678");
    }
    return phone;
  }

  private static String postalCode(String typed) {
    String code = Texts.optional(halfWidth(typed), "contact.postalCode", 10);
    if (code == null) {
      return null;
    }
    var matcher = POSTAL_CODE.matcher(code.replace("〒", "").strip());
    if (!matcher.matches()) {
      throw new DomainException.InvalidValue(
          "contact.postalCode", "contact.postalCode: seven digits, e.g. 150-0002");
    }
    return matcher.group(1) + "-" + matcher.group(2);
  }

  /** Full-width digits and Latin letters, half-width katakana and ideographic spaces folded. */
  static String folded(String typed) {
    return typed == null ? null : Normalizer.normalize(typed, Normalizer.Form.NFKC);
  }

  /** {@link #folded} with every dash a keyboard makes (ー, −, ‐…) as a hyphen: for numbers only. */
  static String halfWidth(String typed) {
    return typed == null ? null : folded(typed).replaceAll("[ー−‐‑–—―]", "-");
  }
}
