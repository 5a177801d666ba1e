package io.berth.scheduler.store;

/** A compare-and-set write lost: someone changed the record since it was read. */
public class ConcurrentModificationException extends StoreException {
  public ConcurrentModificationException(String message) {
    super(message);
  }
}
