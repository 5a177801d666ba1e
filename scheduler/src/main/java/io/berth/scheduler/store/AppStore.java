package io.berth.scheduler.store;

import io.berth.api.model.App;
import java.util.List;
import java.util.Optional;

/**
 * Apps and their stored versions. Every write is atomic: the current definition and its version
 * record change together, or not at all. Implementations keep at most a bounded number of versions
 * per app, dropping the oldest.
 */
public interface AppStore {

  /** Every current app definition, read once at start-up. */
  List<App> loadAll();

  /** Creates the app; fails with {@link ConcurrentModificationException} if it already exists. */
  void create(App app);

  /**
   * Replaces the current definition of {@code next.id()}, if the stored current version is still
   * {@code expectedVersion}; otherwise {@link ConcurrentModificationException}.
   */
  void update(App next, String expectedVersion);

  /** Deletes the app and all its versions; false if it did not exist. */
  boolean delete(String appId);

  /** Stored versions of one app, newest first; empty if the app is unknown. */
  List<String> versions(String appId);

  /** One stored version of an app. */
  Optional<App> version(String appId, String version);
}
