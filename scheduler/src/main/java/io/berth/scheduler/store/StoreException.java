package io.berth.scheduler.store;

/** A store operation failed; retrying will not help (bad data, a broken invariant, a lost race). */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
