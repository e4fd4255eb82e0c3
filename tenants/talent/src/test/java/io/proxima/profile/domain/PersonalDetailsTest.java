package io.proxima.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.PayoutAccount.AccountType;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonalDetailsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  private static PayoutAccount account(String number, String holder) {
    return new PayoutAccount("0005", "三菱UFJ銀行", "001", "本店", AccountType.ORDINARY, number, holder);
  }

  @Test
  void typedFullWidthOrHalfWidthKatakanaIsKeptAsTheBankKeepsIt() {
    PayoutAccount account =
        new PayoutAccount("０００５", null, "００１", null, AccountType.SAVINGS, "１２３", "ﾔﾏﾀﾞ ﾀﾛｳ");
    assertThat(account.bankCode()).isEqualTo("0005");
    assertThat(account.branchCode()).isEqualTo("001");
    assertThat(account.accountNumber()).isEqualTo("0000123");
    assertThat(account.holderKana()).isEqualTo("ヤマダ タロウ");
    assertThat(account("1234567", "ｽｽﾞｷ　ﾕｰｷ").holderKana())
        .as("the long vowel mark stays a long vowel mark, wide spaces one space")
        .isEqualTo("スズキ ユーキ");
    assertThat(account("1234567", "john smith").holderKana()).isEqualTo("JOHN SMITH");
  }

  @Test
  void anAccountATransferCannotReachIsRefusedFieldByField() {
    assertThatThrownBy(
            () -> new PayoutAccount("5", null, "001", null, AccountType.ORDINARY, "1", "ア"))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("bankCode");
    assertThatThrownBy(() -> account("12345678", "ヤマダ")).hasMessageContaining("accountNumber");
    assertThatThrownBy(() -> account("12-34", "ヤマダ")).hasMessageContaining("accountNumber");
    assertThatThrownBy(() -> account("1234567", "山田 太郎")).hasMessageContaining("katakana");
    assertThatThrownBy(() -> account("1234567", "ヤマダ\u0000")).hasMessageContaining("holderKana");
    assertThatThrownBy(() -> new PayoutAccount("0005", null, "001", null, null, "1234567", "ヤマダ"))
        .hasMessageContaining("accountType");
    assertThat(account("1234567", "ヤマダ").masked()).isEqualTo("三菱UFJ銀行 本店 ****567");
  }

  @Test
  void contactDetailsAcceptWhatJapaneseKeyboardsTypeAndRefuseWhatIsNoNumber() {
    ContactDetails contact = new ContactDetails("０９０ー１２３４ー５６７８", "〒１５０ー０００２", " 渋谷区渋谷2-1 ");
    assertThat(contact.phone()).isEqualTo("090-1234-5678");
    assertThat(contact.postalCode()).isEqualTo("150-0002");
    assertThat(contact.address()).isEqualTo("渋谷区渋谷2-1");
    assertThat(new ContactDetails("+81 90 1234 5678", null, null).phone())
        .isEqualTo("+81 90 1234 5678");
    assertThatThrownBy(() -> new ContactDetails("090-1234", null, null))
        .hasMessageContaining("contact.phone");
    assertThatThrownBy(() -> new ContactDetails("090-1234-5678; DROP", null, null))
        .hasMessageContaining("contact.phone");
    assertThatThrownBy(() -> new ContactDetails(null, "1500", null))
        .hasMessageContaining("postalCode");
    assertThatThrownBy(() -> new ContactDetails(null, null, "一行目\n二行目"))
        .hasMessageContaining("address");
    assertThatThrownBy(() -> new ContactDetails(" ", null, null))
        .hasMessageContaining("phone or an address");
  }

  @Test
  void anEditNamesItsVersionAndABirthDateOfSomeoneWhoCanWork() {
    PersonalDetails none = PersonalDetails.none("f-1");
    assertThat(none.isEmpty()).isTrue();
    PersonalDetails first =
        none.revise(null, LocalDate.of(1990, 4, 1), account("1", "ヤマダ"), 0, NOW);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.updatedAt()).isEqualTo(NOW);
    assertThatThrownBy(() -> first.revise(null, null, null, 0, NOW))
        .isInstanceOf(DomainException.Conflict.class);
    assertThat(first.revise(null, null, null, 1, NOW).isEmpty())
        .as("a part left out is removed")
        .isTrue();

    // 2011-12-07 turned 15 on the day in Japan (09:00 JST); a day later is too young.
    assertThat(none.revise(null, LocalDate.of(2011, 12, 7), null, 0, NOW).dateOfBirth())
        .isEqualTo(LocalDate.of(2011, 12, 7));
    assertThatThrownBy(() -> none.revise(null, LocalDate.of(2011, 12, 8), null, 0, NOW))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("15 years");
    assertThatThrownBy(() -> none.revise(null, LocalDate.of(1899, 12, 31), null, 0, NOW))
        .hasMessageContaining("dateOfBirth");
  }
}
