package io.berth.scheduler.http;

import io.berth.api.model.App;
import io.berth.scheduler.store.AppStore;
import io.berth.scheduler.store.InMemoryAppStore;
import java.util.List;
import java.util.Optional;

/** The in-memory store, whose writes a test can make fail, to see what a failed write leaves behind. */
final class FailingStore implements AppStore {

  private final AppStore delegate = new InMemoryAppStore(50);
  private volatile RuntimeException failure;
  private volatile RuntimeException failureAfterWriting;

  /** Every following write throws {@code e}. */
  void failWritesWith(RuntimeException e) {
    failure = e;
  }

  /** The next write happens, but then reports {@code e} (a reply lost with the connection). */
  void failOnceAfterWriting(RuntimeException e) {
    failureAfterWriting = e;
  }

  private void maybeFail() {
    if (failure != null) {
      throw failure;
    }
  }

  private void maybeFailAfterWriting() {
    RuntimeException e = failureAfterWriting;
    if (e != null) {
      failureAfterWriting = null;
      throw e;
    }
  }

  @Override
  public List<App> loadAll() {
    return delegate.loadAll();
  }

  @Override
  public void create(App app) {
    maybeFail();
    delegate.create(app);
    maybeFailAfterWriting();
  }

  @Override
  public void update(App next, String expectedVersion) {
    maybeFail();
    delegate.update(next, expectedVersion);
    maybeFailAfterWriting();
  }

  @Override
  public boolean delete(String appId) {
    maybeFail();
    boolean deleted = delegate.delete(appId);
    maybeFailAfterWriting();
    return deleted;
  }

  @Override
  public List<String> versions(String appId) {
    return delegate.versions(appId);
  }

  @Override
  public Optional<App> version(String appId, String version) {
    return delegate.version(appId, version);
  }
}
