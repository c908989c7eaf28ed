package dev.diet.netbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * NetBox's interface sort key: slot, subslot, position and subposition padded to 4 digits (9999
 * when absent), the type, then id, channel and virtual circuit padded to 6 (dots when absent), then
 * the rest with every number padded to 8.
 */
class NaturalizeTest {
  @Test
  void slotsTypeAndIdArePaddedInNetBoxsOrder() {
    assertThat(Naturalize.interfaceName("E1/1", 100)).isEqualTo("0001999999999999E000001............");
    assertThat(Naturalize.interfaceName("Gi1/0/24", 100)).isEqualTo("0001000099999999Gi000024............");
    assertThat(Naturalize.interfaceName("eth0", 100)).isEqualTo("9999999999999999eth000000............");
    assertThat(Naturalize.interfaceName("E1/1:2", 100)).isEqualTo("0001999999999999E000001000002......");
    assertThat(Naturalize.interfaceName("Te1/1.100", 100)).isEqualTo("0001999999999999Te000001......000100");
  }

  @Test
  void theRemainderIsNaturalisedAndTheKeyTruncated() {
    assertThat(Naturalize.interfaceName("nic-p0", 100)).isEqualTo("9999999999999999nic-p000000............");
    assertThat(Naturalize.interfaceName("eth0abc12", 100)).isEqualTo("9999999999999999eth000000............abc00000012");
    assertThat(Naturalize.interfaceName("x".repeat(120), 100)).hasSize(100);
  }
}
