package io.berth.scheduler.core.instances;

import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.InstanceEvent.StatusUpdate;
import io.berth.scheduler.core.instances.Transition.Outcome;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, reported state) pair for an instance that is meant to run, against the table in
 * docs/instances.md: which status updates move it (CHANGED), which are repeats (UNCHANGED) and
 * which cannot happen (ILLEGAL, the instance left as it was).
 */
class TransitionTableTest {

  private static final String ENDS = " FINISHED FAILED KILLED LOST ERROR DROPPED GONE GONE_BY_OPERATOR UNKNOWN";

  /** The reported states that move an instance out of each state. */
  private static final Map<InstanceState, String> MOVES = Map.of(
      InstanceState.PROVISIONED, "STAGING STARTING RUNNING KILLING UNREACHABLE" + ENDS,
      InstanceState.STAGING, "STARTING RUNNING KILLING UNREACHABLE" + ENDS,
      InstanceState.STARTING, "RUNNING KILLING UNREACHABLE" + ENDS,
      InstanceState.RUNNING, "KILLING UNREACHABLE" + ENDS,
      InstanceState.KILLING, "UNREACHABLE" + ENDS,
      InstanceState.UNREACHABLE, "STAGING STARTING RUNNING KILLING" + ENDS);

  static Stream<Arguments> everyPair() {
    return Arrays.stream(InstanceState.values()).flatMap(from -> Arrays.stream(InstanceState.values())
        .filter(InstanceState::isReportable).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("everyPair")
  void statusUpdateFollowsTheTable(InstanceState from, InstanceState to) {
    Instance instance = anInstance().in(from).build();
    Instant now = instance.stateChangedAt().plusSeconds(5);

    Transition t = InstanceTransitions.apply(instance, StatusUpdate.of(to, UpdateSource.EXECUTOR), now);

    assertThat(t.outcome()).as("%s + %s", from, to).isEqualTo(expected(from, to));
    if (t.outcome() == Outcome.CHANGED) {
      assertThat(t.instance().state()).isEqualTo(to);
      assertThat(t.instance().stateChangedAt()).isEqualTo(now);
    } else {
      assertThat(t.instance()).isEqualTo(instance);
    }
  }

  private static Outcome expected(InstanceState from, InstanceState to) {
    if (from == InstanceState.SCHEDULED) {
      return Outcome.ILLEGAL;
    }
    if (from.isTerminal()) {
      return to.isTerminal() ? Outcome.UNCHANGED : Outcome.ILLEGAL;
    }
    if (from == to) {
      return Outcome.UNCHANGED;
    }
    return moves(from).contains(to) ? Outcome.CHANGED : Outcome.ILLEGAL;
  }

  private static Set<InstanceState> moves(InstanceState from) {
    return Arrays.stream(MOVES.get(from).split(" ")).map(InstanceState::valueOf).collect(Collectors.toSet());
  }
}
