package io.berth.scheduler.core.instances;

import static io.berth.scheduler.core.instances.InstanceBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.InstanceEffect.Acknowledge;
import io.berth.scheduler.core.instances.InstanceEffect.Expunge;
import io.berth.scheduler.core.instances.InstanceEffect.Kill;
import io.berth.scheduler.core.instances.InstanceEffect.Launch;
import io.berth.scheduler.core.instances.InstanceEffect.Persist;
import io.berth.scheduler.core.instances.InstanceEffect.Reschedule;
import io.berth.scheduler.core.instances.InstanceEvent.KillRequest;
import io.berth.scheduler.core.instances.InstanceEvent.LaunchRequest;
import io.berth.scheduler.core.instances.InstanceEvent.StatusUpdate;
import io.berth.scheduler.core.instances.InstanceEvent.UnreachableExpired;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random event sequences against one instance, its effects executed on a map standing in for
 * the store. Whatever the order of events: one Launch at most, and only of a stored instance; a
 * non-terminal instance is always stored as it is; an ended one is expunged and stays ended; the
 * effects keep the order store, cluster, bookkeeping, acknowledgement; one Reschedule at most.
 */
class InstanceTransitionsPropertyTest {

  private static final InstanceState[] REPORTABLE =
      Arrays.stream(InstanceState.values()).filter(InstanceState::isReportable).toArray(InstanceState[]::new);

  @Test
  void randomEventSequencesKeepTheInvariants() {
    for (long seed = 0; seed < 2_000; seed++) {
      run(seed);
    }
  }

  private void run(long seed) {
    Random random = new Random(seed);
    Instance instance = Instance.scheduled(InstanceId.forApp("/team/web", "seed-" + seed), "v1", T0);
    Map<InstanceId, Instance> store = new HashMap<>(Map.of(instance.id(), instance));
    Instant now = T0;
    int launches = 0;
    int reschedules = 0;
    for (int step = 0; step < 60; step++) {
      now = now.plusSeconds(random.nextInt(10));
      InstanceEvent event = randomEvent(random);
      Transition t = InstanceTransitions.apply(instance, event, now);
      String context = "seed " + seed + " step " + step + ": " + instance.state() + " + " + event;

      assertThat(ranks(t.effects())).as(context).isSorted();
      for (InstanceEffect effect : t.effects()) {
        if (effect instanceof Persist p) {
          store.put(p.instance().id(), p.instance());
        } else if (effect instanceof Expunge e) {
          store.remove(e.id());
        } else if (effect instanceof Launch l) {
          launches++;
          assertThat(store.get(l.instance().id())).as(context).isEqualTo(l.instance());
          assertThat(l.instance().state()).isEqualTo(InstanceState.PROVISIONED);
        } else if (effect instanceof Reschedule) {
          reschedules++;
        }
      }
      assertThat(launches).as(context).isLessThanOrEqualTo(1);
      assertThat(reschedules).as(context).isLessThanOrEqualTo(1);
      if (t.instance().isTerminal()) {
        assertThat(store).as(context).doesNotContainKey(instance.id());
      } else {
        assertThat(store.get(instance.id())).as(context).isEqualTo(t.instance());
      }
      if (instance.isTerminal()) {
        assertThat(t.instance()).as(context).isEqualTo(instance);
      }
      instance = t.instance();
    }
  }

  private static InstanceEvent randomEvent(Random random) {
    int pick = random.nextInt(10);
    if (pick < 2) {
      return new LaunchRequest("agent-" + random.nextInt(3), "host", List.of(31000 + random.nextInt(100)));
    }
    if (pick < 3) {
      return new KillRequest(KillReason.values()[random.nextInt(KillReason.values().length)]);
    }
    if (pick < 4) {
      return new UnreachableExpired();
    }
    Boolean[] health = {null, true, false};
    return new StatusUpdate(REPORTABLE[random.nextInt(REPORTABLE.length)], "m", health[random.nextInt(3)],
        UpdateSource.EXECUTOR, random.nextBoolean() ? "ack-" + random.nextInt(1000) : null);
  }

  /** Store effects, then cluster effects, then bookkeeping, then the acknowledgement. */
  private static List<Integer> ranks(List<InstanceEffect> effects) {
    return effects.stream().map(e -> e instanceof Persist || e instanceof Expunge ? 0
        : e instanceof Launch || e instanceof Kill ? 1
        : e instanceof Acknowledge ? 3 : 2).toList();
  }
}
