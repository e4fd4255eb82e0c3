package io.proxima.realtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class RealtimeNodeSettingsTest {

  @Test
  void aConfiguredHostIsAdvertisedAsWritten() {
    assertThat(RealtimeNode.advertisedHost(" 10.0.0.7 ")).isEqualTo("10.0.0.7");
  }

  @Test
  void autoStandsForThisMachinesOwnAddress() throws Exception {
    String advertised = RealtimeNode.advertisedHost("auto");
    assertThat(advertised).isEqualTo(InetAddress.getLocalHost().getHostAddress());
    assertThat(InetAddress.getByName(advertised)).isNotNull();
  }
}
