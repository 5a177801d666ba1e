package io.berth.scheduler.store;

/** The store could not be reached or timed out; the same call may succeed later. */
public class TransientStoreException extends StoreException {
  public TransientStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
