package io.berth.scheduler.core.matching;

/** Where to put an instance among the offers that fit. */
public enum PlacementPolicy {
    /** Fill the fullest offer that fits first, so the fewest agents are used (default). */
    BIN_PACK,
    /** Use the emptiest offer that fits first, so load spreads over agents. */
    SPREAD
}
