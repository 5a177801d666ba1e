package io.berth.scheduler.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferBookTest {

  private static final Resources MACHINE = new Resources(2, 1024, 100, 0);
  private static final List<PortRange> PORTS = List.of(PortRange.of(31000, 31009));
  private final OfferBook book = new OfferBook("local-a", "a", "local-a-x");

  private static TaskUsage usage(double cpus, double mem, Integer... ports) {
    return new TaskUsage(Resources.of(cpus, mem), Set.of(ports));
  }

  @Test
  void everyOfferHasAFreshIdAndVoidsTheOneBefore() {
    Offer first = book.issue(MACHINE, PORTS);
    Offer second = book.issue(MACHINE, PORTS);
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(book.take(first.id(), usage(1, 10))).hasValueSatisfying(r -> assertThat(r).contains("no longer valid"));
    assertThat(book.take(second.id(), usage(1, 10))).isEmpty();
  }

  @Test
  void launchesTakeFromTheSameOfferUntilItIsUsedUp() {
    Offer offer = book.issue(MACHINE, PORTS);
    assertThat(book.take(offer.id(), usage(1.5, 512, 31000))).isEmpty();
    assertThat(book.take(offer.id(), usage(0.5, 512, 31001))).isEmpty();
    assertThat(book.take(offer.id(), usage(0.001, 0))).hasValueSatisfying(r -> assertThat(r).contains("0.0 cpus"));
  }

  @Test
  void portsOutsideTheOfferOrAlreadyTakenAreRefused() {
    Offer offer = book.issue(MACHINE, PORTS);
    assertThat(book.take(offer.id(), usage(0.1, 1, 31000))).isEmpty();
    assertThat(book.take(offer.id(), usage(0.1, 1, 31000, 32000)))
        .hasValueSatisfying(r -> assertThat(r).contains("not the ports [31000, 32000]"));
  }

  @Test
  void aUsedOfferIsNoLongerOutstandingAndADeclinedOneIsVoid() {
    Offer offer = book.issue(MACHINE, PORTS);
    assertThat(book.outstandingEquals(MACHINE, PORTS)).isTrue();
    assertThat(book.decline(offer.id())).contains(offer);
    assertThat(book.outstanding()).isEmpty();
    assertThat(book.decline(offer.id())).isEmpty();
    Offer next = book.issue(MACHINE, PORTS);
    book.take(next.id(), usage(0.1, 1));
    assertThat(book.outstanding()).isEmpty();
    assertThat(book.decline(new OfferId("other"))).isEmpty();
  }

  @Test
  void scalarsAreComparedInThousandthsSoSumsDoNotDrift() {
    Offer offer = book.issue(new Resources(0.3, 0, 0, 0), List.of());
    assertThat(book.take(offer.id(), usage(0.1, 0))).isEmpty();
    assertThat(book.take(offer.id(), usage(0.1, 0))).isEmpty();
    assertThat(book.take(offer.id(), usage(0.1, 0))).isEmpty();
  }
}
