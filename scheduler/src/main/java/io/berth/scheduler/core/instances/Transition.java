package io.berth.scheduler.core.instances;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of one event: the instance afterwards, the effects to execute in order, and, when
 * nothing changed or the event was illegal, the reason. Expected oddities (duplicates, late or
 * out-of-order updates) are outcomes, never exceptions.
 */
public record Transition(Outcome outcome, Instance instance, List<InstanceEffect> effects,
                         String reason) {

  public enum Outcome {
    /** The instance changed; its effects start with Persist or Expunge. */
    CHANGED,
    /** Nothing new (a duplicate, a repeated request); effects may still hold Kill or Acknowledge. */
    UNCHANGED,
    /** The event cannot happen to an instance in this state; it is left as it was. */
    ILLEGAL
  }

  public Transition {
    requireNonNull(outcome, "outcome");
    requireNonNull(instance, "instance");
    effects = List.copyOf(effects);
    reason = reason == null ? "" : reason;
  }

  public static Transition changed(Instance instance, List<InstanceEffect> effects) {
    return new Transition(Outcome.CHANGED, instance, effects, "");
  }

  public static Transition unchanged(Instance instance, List<InstanceEffect> effects, String reason) {
    return new Transition(Outcome.UNCHANGED, instance, effects, reason);
  }

  public static Transition illegal(Instance instance, List<InstanceEffect> effects, String reason) {
    return new Transition(Outcome.ILLEGAL, instance, effects, reason);
  }

  public boolean isLegal() {
    return outcome != Outcome.ILLEGAL;
  }

  public boolean isChanged() {
    return outcome == Outcome.CHANGED;
  }
}
