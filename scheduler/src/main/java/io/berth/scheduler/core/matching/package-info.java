/**
 * Offer matching: which waiting instance goes on which offer.
 *
 * <p>Pure code. {@link io.berth.scheduler.core.matching.OfferMatcher} takes offers, waiting
 * instances and running instances (values) and returns a
 * {@link io.berth.scheduler.core.matching.MatchResult}: launches with the exact resources and
 * ports taken, the reasons ({@link io.berth.scheduler.core.matching.Veto}) for every instance
 * left waiting, and the offers left unused. No clock, no randomness, no I/O.
 * {@link io.berth.scheduler.core.matching.OfferLifecycle} decides declines, suppress and revive.
 * See docs/placement.md.
 */
package io.berth.scheduler.core.matching;
