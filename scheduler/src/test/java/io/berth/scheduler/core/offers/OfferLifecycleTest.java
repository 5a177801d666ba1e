package io.berth.scheduler.core.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.scheduler.core.matching.MatchResult;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.offers.OfferEffect.Decline;
import io.berth.scheduler.core.offers.OfferEffect.Revive;
import io.berth.scheduler.core.offers.OfferEffect.Suppress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OfferLifecycleTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration REFUSE = Duration.ofSeconds(30);
    private final OfferLifecycle lifecycle = new OfferLifecycle(new OfferPolicy(REFUSE, Duration.ofSeconds(10)));

    private static HeldOffer heldFor(String id, int seconds) {
        return new HeldOffer(new OfferId(id), NOW.minusSeconds(seconds));
    }

    private static OfferSituation situation(List<HeldOffer> held, boolean waiting, boolean suppressed) {
        return new OfferSituation(NOW, held, waiting, suppressed);
    }

    @Test
    void declinesEveryOfferARoundLeftUnusedWithTheRefuseFilter() {
        MatchResult result = new MatchResult(List.of(), List.of(), List.of(new OfferId("o1"), new OfferId("o2")));

        assertThat(lifecycle.afterMatch(result)).containsExactly(
                new Decline(new OfferId("o1"), REFUSE), new Decline(new OfferId("o2"), REFUSE));
    }

    @Nested
    class NothingWaits {
        @Test
        void declinesHeldOffersThenSuppresses() {
            assertThat(lifecycle.decide(situation(List.of(heldFor("o1", 1)), false, false)))
                    .containsExactly(new Decline(new OfferId("o1"), REFUSE), new Suppress());
        }

        @Test
        void doesNotSuppressTwice() {
            assertThat(lifecycle.decide(situation(List.of(), false, true))).isEmpty();
        }
    }

    @Nested
    class InstancesWait {
        @Test
        void revivesWhenOffersAreSuppressed() {
            assertThat(lifecycle.decide(situation(List.of(), true, true))).containsExactly(new Revive());
        }

        @Test
        void keepsOffersHeldShorterThanTheMaximum() {
            assertThat(lifecycle.decide(situation(List.of(heldFor("young", 9)), true, false))).isEmpty();
        }

        @Test
        void declinesOffersHeldForTheMaximumOrLonger() {
            List<HeldOffer> held = List.of(heldFor("old", 10), heldFor("young", 2), heldFor("older", 60));

            assertThat(lifecycle.decide(situation(held, true, false))).containsExactly(
                    new Decline(new OfferId("old"), REFUSE), new Decline(new OfferId("older"), REFUSE));
        }
    }

    @Test
    void rejectsNegativeDurations() {
        assertThatThrownBy(() -> new OfferPolicy(Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refuse");
        assertThatThrownBy(() -> new OfferPolicy(Duration.ZERO, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxHold");
    }
}
