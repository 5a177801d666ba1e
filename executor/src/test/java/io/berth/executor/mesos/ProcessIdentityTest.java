package io.berth.executor.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessIdentityTest {

  private static final String BOOT = "0e70f071-348b-43ed-8cb9-dfd55aeb3214";

  @Test
  void aLabelNamesBootNamespacePidAndStartTimeAndReadsBack() {
    ProcessIdentity p = new ProcessIdentity(BOOT, 4026531836L, 4242, 987654);

    assertThat(p.label()).isEqualTo(BOOT + "/4026531836/4242/987654");
    assertThat(ProcessIdentity.parse(p.label())).contains(p);
  }

  @Test
  void whatIsNotALabelNamesNoProcess() {
    for (String bad : new String[] {null, "", "4242", BOOT + "/4242/987654", BOOT + "/1/0/5", BOOT + "/1/-2/5",
        "boot id/1/2/3", BOOT + "/1/2/3/4", BOOT + "/1/2/99999999999999999999", "../1/2/3"}) {
      assertThat(ProcessIdentity.parse(bad)).as(String.valueOf(bad)).isEmpty();
    }
  }

  @Test
  void aBootIdWithASlashWouldBreakTheLabel() {
    assertThatThrownBy(() -> new ProcessIdentity("a/b", 1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
