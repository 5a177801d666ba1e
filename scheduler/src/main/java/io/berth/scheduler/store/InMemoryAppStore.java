package io.berth.scheduler.store;

import io.berth.api.model.App;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of {@link ZkAppStore}, for tests and for the pure parts around it. */
public final class InMemoryAppStore implements AppStore {

  private final int maxVersions;
  private final Map<String, App> current = new ConcurrentHashMap<>();
  private final Map<String, TreeMap<String, App>> versions = new ConcurrentHashMap<>();

  public InMemoryAppStore(int maxVersions) {
    this.maxVersions = maxVersions;
  }

  @Override
  public List<App> loadAll() {
    return current.values().stream().sorted(Comparator.comparing(App::id)).toList();
  }

  @Override
  public synchronized void create(App app) {
    if (current.putIfAbsent(app.id(), app) != null) {
      throw new ConcurrentModificationException("app " + app.id() + " already exists");
    }
    addVersion(app);
  }

  @Override
  public synchronized void update(App next, String expectedVersion) {
    App stored = current.get(next.id());
    if (stored == null || !stored.version().equals(expectedVersion)) {
      throw new ConcurrentModificationException("app " + next.id() + " changed since version " + expectedVersion);
    }
    current.put(next.id(), next);
    addVersion(next);
  }

  @Override
  public synchronized boolean delete(String appId) {
    versions.remove(appId);
    return current.remove(appId) != null;
  }

  @Override
  public synchronized List<String> versions(String appId) {
    TreeMap<String, App> v = versions.get(appId);
    return v == null ? List.of() : new ArrayList<>(v.descendingKeySet());
  }

  @Override
  public synchronized Optional<App> version(String appId, String version) {
    TreeMap<String, App> v = versions.get(appId);
    return v == null ? Optional.empty() : Optional.ofNullable(v.get(version));
  }

  private void addVersion(App app) {
    TreeMap<String, App> v = versions.computeIfAbsent(app.id(), k -> new TreeMap<>());
    v.put(app.version(), app);
    while (v.size() > maxVersions) {
      v.pollFirstEntry();
    }
  }
}
