package io.proxima.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  private final SecretKey key = Envelope.newKey();
  private final byte[] plain = "氏名: 山田 太郎 / 090-1234-5678".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSealedValueOpensWithItsKeyAndPlaceAndShowsNothingOfThePlainText() {
    byte[] sealed = Envelope.seal(key, "freelancer:a|contact", plain);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("090");
    assertThat(Envelope.open(key, "freelancer:a|contact", sealed)).isEqualTo(plain);
    assertThat(Envelope.seal(key, "freelancer:a|contact", plain))
        .as("a fresh nonce every time: equal values do not look equal")
        .isNotEqualTo(sealed);
  }

  @Test
  void anotherOwnerOrPlaceOrKeyOrAnAlteredByteDoesNotOpen() {
    byte[] sealed = Envelope.seal(key, "freelancer:a|contact", plain);
    assertThatThrownBy(() -> Envelope.open(key, "freelancer:b|contact", sealed))
        .isInstanceOf(Envelope.SealBroken.class);
    assertThatThrownBy(() -> Envelope.open(key, "freelancer:a|bank", sealed))
        .isInstanceOf(Envelope.SealBroken.class);
    assertThatThrownBy(() -> Envelope.open(Envelope.newKey(), "freelancer:a|contact", sealed))
        .isInstanceOf(Envelope.SealBroken.class);
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> Envelope.open(key, "freelancer:a|contact", altered))
        .isInstanceOf(Envelope.SealBroken.class);
    assertThatThrownBy(() -> Envelope.open(key, "freelancer:a|contact", new byte[] {1, 2, 3}))
        .isInstanceOf(Envelope.SealBroken.class);
  }
}
