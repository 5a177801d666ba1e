package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.matching.RoleShare;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShareSplitTest {

  private static final Resources EXECUTOR = new Resources(0.1, 128, 0, 0);

  @Test
  void theExecutorGetsItsPartAndTheTaskTheRestWithEveryPort() {
    ShareSplit split = ShareSplit.of(List.of(new RoleShare("*", new Resources(0.6, 192, 10, 0), List.of(31000))),
        EXECUTOR);

    assertThat(split.executor()).containsExactly(new RoleShare("*", new Resources(0.1, 128, 0, 0), List.of()));
    assertThat(split.task()).containsExactly(new RoleShare("*", new Resources(0.5, 64, 10, 0), List.of(31000)));
  }

  @Test
  void theExecutorsPartMaySpanRolesInOrder() {
    ShareSplit split = ShareSplit.of(List.of(
        new RoleShare("web", new Resources(0.05, 300, 0, 0), List.of()),
        new RoleShare("*", new Resources(1.0, 0, 0, 0), List.of(31000, 31001))), EXECUTOR);

    assertThat(split.executor()).containsExactly(
        new RoleShare("web", new Resources(0.05, 128, 0, 0), List.of()),
        new RoleShare("*", new Resources(0.05, 0, 0, 0), List.of()));
    assertThat(split.task()).containsExactly(
        new RoleShare("web", new Resources(0, 172, 0, 0), List.of()),
        new RoleShare("*", new Resources(0.95, 0, 0, 0), List.of(31000, 31001)));
  }

  @Test
  void thousandthsDoNotDriftLikeDoublesWould() {
    ShareSplit split = ShareSplit.of(List.of(new RoleShare("*", new Resources(0.3, 128.1, 0, 0), List.of())),
        EXECUTOR);
    assertThat(split.task()).containsExactly(new RoleShare("*", new Resources(0.2, 0.1, 0, 0), List.of()));
  }

  @Test
  void aShareTooSmallForTheExecutorIsRefused() {
    assertThatThrownBy(() -> ShareSplit.of(List.of(new RoleShare("*", new Resources(0.05, 512, 0, 0), List.of())),
        EXECUTOR)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not hold");
  }
}
