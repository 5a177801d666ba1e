package io.berth.scheduler.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Counts what the Mesos emulator's allocator sends, from its own log lines (the emulator exposes
 * no counters): OFFERS events and the offers in them ({@code "{} offers to framework {}"}, DEBUG)
 * and tasks it launched ({@code "Launching task ..."}, INFO). Nothing is printed.
 */
final class EmulatorLogCounter extends AppenderBase<ILoggingEvent> {

  static final String OFFERS_LOGGER = "io.berth.scheduler.testing.mesos.Offers";

  final AtomicLong offerEvents = new AtomicLong();
  final AtomicLong offers = new AtomicLong();
  final AtomicLong launches = new AtomicLong();

  /** Attaches a counter to the emulator's allocator logger (call again after Dropwizard resets logging). */
  static EmulatorLogCounter attach(EmulatorLogCounter existing) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    EmulatorLogCounter counter = existing != null ? existing : new EmulatorLogCounter();
    counter.setContext(context);
    counter.setName("bench-offer-counter");
    counter.start();
    Logger logger = context.getLogger(OFFERS_LOGGER);
    logger.detachAndStopAllAppenders();
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
    logger.addAppender(counter);
    return counter;
  }

  @Override
  protected void append(ILoggingEvent event) {
    String message = event.getMessage();
    if (message.startsWith("{} offers to framework")) {
      offerEvents.incrementAndGet();
      offers.addAndGet(((Number) event.getArgumentArray()[0]).longValue());
    } else if (message.startsWith("Launching task")) {
      launches.incrementAndGet();
    }
  }

  Snapshot snapshot() {
    return new Snapshot(offerEvents.get(), offers.get(), launches.get());
  }

  record Snapshot(long offerEvents, long offers, long launches) {
    Snapshot minus(Snapshot before) {
      return new Snapshot(offerEvents - before.offerEvents, offers - before.offers, launches - before.launches);
    }
  }
}
