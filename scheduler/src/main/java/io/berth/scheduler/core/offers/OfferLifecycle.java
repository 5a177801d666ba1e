package io.berth.scheduler.core.offers;

import static java.util.Objects.requireNonNull;

import io.berth.scheduler.core.matching.MatchResult;
import io.berth.scheduler.core.matching.OfferId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what happens to offers outside matching. Pure: the driver passes the time and its state,
 * and executes the effects returned.
 * <ul>
 *   <li>after a matching round, every offer no launch used is declined with the refuse filter;</li>
 *   <li>with nothing waiting, held offers are declined and offers suppressed (once);</li>
 *   <li>with instances waiting while suppressed, offers are revived;</li>
 *   <li>an offer held for {@code maxHold} or longer is declined.</li>
 * </ul>
 */
public final class OfferLifecycle {
    private final OfferPolicy policy;

    public OfferLifecycle(OfferPolicy policy) {
        this.policy = requireNonNull(policy, "policy");
    }

    /** Declines for the offers a round left unused, in the round's order. */
    public List<OfferEffect> afterMatch(MatchResult result) {
        List<OfferEffect> effects = new ArrayList<>(result.unusedOffers().size());
        for (OfferId id : result.unusedOffers()) {
            effects.add(new OfferEffect.Decline(id, policy.refuse()));
        }
        return List.copyOf(effects);
    }

    /** Suppress, revive and expiry decisions for the situation; call on a timer and when work arrives. */
    public List<OfferEffect> decide(OfferSituation situation) {
        List<OfferEffect> effects = new ArrayList<>();
        if (!situation.instancesWaiting()) {
            for (HeldOffer offer : situation.held()) {
                effects.add(new OfferEffect.Decline(offer.id(), policy.refuse()));
            }
            if (!situation.suppressed()) {
                effects.add(new OfferEffect.Suppress());
            }
            return List.copyOf(effects);
        }
        if (situation.suppressed()) {
            effects.add(new OfferEffect.Revive());
        }
        for (HeldOffer offer : situation.held()) {
            Duration held = Duration.between(offer.receivedAt(), situation.now());
            if (held.compareTo(policy.maxHold()) >= 0) {
                effects.add(new OfferEffect.Decline(offer.id(), policy.refuse()));
            }
        }
        return List.copyOf(effects);
    }
}
