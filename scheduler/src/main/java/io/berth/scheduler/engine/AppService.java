package io.berth.scheduler.engine;

import io.berth.api.model.App;
import io.berth.api.model.DeploymentResult;
import io.berth.api.model.PathId;
import io.berth.scheduler.core.apps.AppChanges;
import io.berth.scheduler.core.apps.Versions;
import io.berth.scheduler.store.AppStore;
import io.berth.scheduler.store.StoreException;
import io.dropwizard.lifecycle.Managed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apps the scheduler was told to run. Reads come from memory; every change is written to the
 * store first and only then becomes visible (and is handed to listeners), so what the API answered
 * is always what a restarted scheduler will find.
 */
public final class AppService implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(AppService.class);

  private final AppStore store;
  private final Clock clock;
  private final Supplier<String> deploymentIds;
  private final ConcurrentSkipListMap<String, App> apps = new ConcurrentSkipListMap<>();
  private final List<AppListener> listeners = new CopyOnWriteArrayList<>();

  @Inject
  public AppService(AppStore store, Clock clock, DeploymentIds deploymentIds) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.deploymentIds = Objects.requireNonNull(deploymentIds, "deploymentIds")::next;
  }

  @Override
  public void start() {
    long t0 = System.nanoTime();
    for (App app : store.loadAll()) {
      apps.put(app.id(), app);
    }
    LOG.info("Loaded {} apps from the store in {} ms", apps.size(), (System.nanoTime() - t0) / 1_000_000);
  }

  public void addListener(AppListener listener) {
    listeners.add(listener);
  }

  public Collection<App> all() {
    return apps.values();
  }

  public java.util.Set<String> ids() {
    return apps.keySet();
  }

  public Optional<App> get(String id) {
    return Optional.ofNullable(apps.get(id));
  }

  public List<String> versions(String id) {
    return store.versions(id);
  }

  public Optional<App> version(String id, String version) {
    if (!Versions.isValid(version)) {
      return Optional.empty();
    }
    return store.version(id, version);
  }

  /**
   * Creates a new app; empty when the id is taken (the caller answers 409). As in Marathon, an id
   * cannot be both an app and a group: IllegalArgumentException when an app lies under the new id
   * or the new id lies under an app (the caller answers 422).
   */
  public synchronized Optional<Change> create(App normalized) {
    if (apps.containsKey(normalized.id())) {
      return Optional.empty();
    }
    if (clashesWithAGroup(normalized.id())) {
      throw new IllegalArgumentException(GROUP_CLASH);
    }
    App created = AppChanges.created(normalized, clock.instant());
    write(created.id(), created, () -> store.create(created));
    apps.put(created.id(), created);
    LOG.info("Created app {} at version {}", created.id(), created.version());
    return Optional.of(announce(null, created));
  }

  /** Marathon's words for an id that would be an app and a group at once. */
  public static final String GROUP_CLASH = "Groups and Applications may not have the same identifier.";

  private boolean clashesWithAGroup(String id) {
    for (String parent = PathId.parent(id); !parent.equals("/"); parent = PathId.parent(parent)) {
      if (apps.containsKey(parent)) {
        return true;
      }
    }
    String below = apps.ceilingKey(id + "/");
    return below != null && below.startsWith(id + "/");
  }

  /** Replaces an existing app; empty when it does not exist. */
  public synchronized Optional<Change> update(App normalized) {
    App current = apps.get(normalized.id());
    if (current == null) {
      return Optional.empty();
    }
    App next = AppChanges.updated(current, normalized, clock.instant());
    write(next.id(), next, () -> store.update(next, current.version()));
    apps.put(next.id(), next);
    LOG.info("Updated app {} to version {} (instances {} -> {})", next.id(), next.version(),
        current.instances(), next.instances());
    return Optional.of(announce(current, next));
  }

  /**
   * Replaces an existing app with {@code change} applied to its current definition, all under this
   * service's lock, so that concurrent partial updates of different fields all survive. Whatever
   * {@code change} throws (a refused definition) leaves everything as it was. Empty when the app
   * does not exist.
   */
  public synchronized Optional<Change> update(String id, UnaryOperator<App> change) {
    App current = apps.get(id);
    if (current == null) {
      return Optional.empty();
    }
    return update(change.apply(current));
  }

  /** Deletes an app; empty when it does not exist. */
  public synchronized Optional<Change> delete(String id) {
    App current = apps.get(id);
    if (current == null) {
      return Optional.empty();
    }
    write(id, null, () -> store.delete(id));
    apps.remove(id);
    LOG.info("Deleted app {}", id);
    return Optional.of(announce(current, null));
  }

  /** A restart: same definition, new version, so every instance is replaced. */
  public synchronized Optional<Change> restart(String id) {
    App current = apps.get(id);
    if (current == null) {
      return Optional.empty();
    }
    App next = AppChanges.restarted(current, clock.instant());
    write(id, next, () -> store.update(next, current.version()));
    apps.put(next.id(), next);
    LOG.info("Restarting app {} at version {}", id, next.version());
    return Optional.of(announce(current, next));
  }

  /**
   * Runs a store write meant to leave {@code intended} (null: no app) stored under {@code id}. When
   * it fails, the write may still have happened (a reply lost with the connection, or a retried
   * write that then lost its own compare-and-set), so the store is asked: if it holds what was
   * intended, the write counts as done; otherwise memory takes what the store has and the failure
   * goes to the caller. Memory never drifts from what a restarted scheduler would find.
   */
  private void write(String id, App intended, Runnable write) {
    try {
      write.run();
    } catch (StoreException e) {
      Optional<App> stored;
      try {
        stored = stored(id);
      } catch (RuntimeException unreadable) {
        LOG.warn("Cannot re-read app {} after a failed write; the next start reads it again", id, unreadable);
        throw e;
      }
      if (Objects.equals(stored.orElse(null), intended)) {
        LOG.warn("Write of app {} reported a failure but reached the store: {}", id, e.toString());
        return;
      }
      resync(id, stored.orElse(null));
      throw e;
    }
  }

  /** The app as the store has it now: its newest version is its current definition. */
  private Optional<App> stored(String id) {
    List<String> versions = store.versions(id);
    return versions.isEmpty() ? Optional.empty() : store.version(id, versions.get(0));
  }

  private void resync(String id, App stored) {
    App before = apps.get(id);
    if (Objects.equals(before, stored)) {
      return;
    }
    if (stored == null) {
      apps.remove(id);
    } else {
      apps.put(id, stored);
    }
    LOG.warn("App {} re-read from the store after a failed write: version {} there, {} here", id,
        stored == null ? "none" : stored.version(), before == null ? "none" : before.version());
    announce(before, stored);
  }

  /**
   * A change that changes nothing (a scale-down by zero tasks): a deployment id and the current
   * version, as Marathon answers such requests; nothing is stored and no listener is told.
   */
  public Optional<Change> unchanged(String id) {
    App current = apps.get(id);
    return current == null ? Optional.empty()
        : Optional.of(new Change(current, current, deploymentIds.get(), current.version()));
  }

  private Change announce(App before, App after) {
    Change change = new Change(before, after, deploymentIds.get(),
        after != null ? after.version() : Versions.next(clock.instant(), null));
    for (AppListener l : listeners) {
      try {
        l.onChange(change);
      } catch (RuntimeException e) {
        LOG.error("App listener failed for {} (the change is stored and will be reconciled)",
            after != null ? after.id() : before.id(), e);
      }
    }
    return change;
  }

  /** What changed: {@code before} null for a create, {@code after} null for a delete. */
  public record Change(App before, App after, String deploymentId, String version) {
    public DeploymentResult result() {
      return new DeploymentResult(deploymentId, version);
    }
  }

  /** Told of every stored change, after it is stored. */
  public interface AppListener {
    void onChange(Change change);
  }
}
