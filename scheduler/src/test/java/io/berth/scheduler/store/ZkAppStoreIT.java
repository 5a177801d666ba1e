package io.berth.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.model.App;
import io.berth.scheduler.config.ZooKeeperConfig;
import io.dropwizard.logging.common.BootstrapLogging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store contract on a real ZooKeeper server (Curator's TestingServer), each test under its own
 * root; plus what only a shared ensemble can show: two schedulers' stores cannot overwrite each
 * other, a restarted store finds everything, thousands of apps load at once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ZkAppStoreIT extends AppStoreContractTest {

  private static final AtomicInteger ROOTS = new AtomicInteger();
  private static TestingServer server;

  private final List<ZkConnection> connections = new CopyOnWriteArrayList<>();
  private String root;

  @BeforeAll
  static void startZooKeeper() throws Exception {
    BootstrapLogging.bootstrap();
    server = new TestingServer(true);
  }

  @AfterAll
  static void stopZooKeeper() throws Exception {
    server.close();
  }

  @Override
  AppStore newStore(int maxVersions) {
    root = "/berth-it-" + ROOTS.incrementAndGet();
    return anotherSchedulersStore();
  }

  /** A second store on the same ensemble and root, with its own ZooKeeper session. */
  private ZkAppStore anotherSchedulersStore() {
    ZkConnection connection = new ZkConnection(
        new ZooKeeperConfig(server.getConnectString(), root, 0, 0, HISTORY), Path.of("unused-in-ensemble-mode"));
    try {
      connection.start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    connections.add(connection);
    return new ZkAppStore(connection, ZkStoreModule.storeJson(), HISTORY);
  }

  @AfterEach
  void disconnect() {
    connections.forEach(ZkConnection::stop);
  }

  @Test
  void aStaleUpdateFromASecondSchedulerFailsInsteadOfOverwriting() {
    AppStore first = store;
    AppStore second = anotherSchedulersStore();
    first.create(appAt("/team/web", 1));
    assertThat(second.loadAll()).containsExactly(appAt("/team/web", 1));

    first.update(appAt("/team/web", 2), v(1));
    assertThatThrownBy(() -> second.update(appAt("/team/web", 3), v(1)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(second.loadAll()).containsExactly(appAt("/team/web", 2));
    assertThat(second.versions("/team/web")).containsExactly(v(2), v(1));
  }

  @Test
  void aSecondSchedulerCannotCreateTheSameAppAgain() {
    store.create(appAt("/team/web", 1));
    assertThatThrownBy(() -> anotherSchedulersStore().create(appAt("/team/web", 2)))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThat(store.loadAll()).containsExactly(appAt("/team/web", 1));
  }

  @Test
  void ofRacingUpdatesFromTheSameVersionExactlyOneWins() throws Exception {
    store.create(appAt("/team/web", 1));
    int writers = 6;
    List<AppStore> stores = IntStream.range(0, writers).mapToObj(i -> (AppStore) anotherSchedulersStore()).toList();
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<App>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        AppStore s = stores.get(i);
        App next = appAt("/team/web", 2 + i);
        Callable<App> write = () -> {
          start.await(30, TimeUnit.SECONDS);
          try {
            s.update(next, v(1));
            return next;
          } catch (ConcurrentModificationException lost) {
            return null;
          }
        };
        results.add(pool.submit(write));
      }
      List<App> winners = new ArrayList<>();
      for (Future<App> f : results) {
        App won = f.get(60, TimeUnit.SECONDS);
        if (won != null) {
          winners.add(won);
        }
      }
      assertThat(winners).hasSize(1);
      assertThat(store.loadAll()).containsExactly(winners.get(0));
      assertThat(store.versions("/team/web")).containsExactly(winners.get(0).version(), v(1));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRestartedStoreFindsEveryAppAndVersionExactly() {
    createThenUpdate("/team/web", 3);
    store.create(appAt("/team/api", 1));
    List<App> before = store.loadAll();
    connections.forEach(ZkConnection::stop);

    AppStore restarted = anotherSchedulersStore();
    assertThat(restarted.loadAll()).isEqualTo(before);
    assertThat(restarted.versions("/team/web")).containsExactly(v(3), v(2), v(1));
    assertThat(restarted.version("/team/web", v(2))).contains(appAt("/team/web", 2));
  }

  @Test
  void keepsOneSmallZnodePerAppAndPerVersion() throws Exception {
    createThenUpdate("/team/web", 2);
    store.create(appAt("/team/api", 1));
    var zk = connections.get(0).client();
    assertThat(zk.getChildren().forPath(ZkAppStore.APPS)).containsExactlyInAnyOrder("team_web", "team_api");
    assertThat(zk.getChildren().forPath(ZkAppStore.VERSIONS + "/team_web")).containsExactlyInAnyOrder(v(1), v(2));
    assertThat(zk.getData().forPath(ZkAppStore.APPS + "/team_web")).hasSizeLessThan(4_096);
  }

  @Test
  void aCreateAfterADeleteThatStoppedHalfwayStartsAFreshHistory() throws Exception {
    createThenUpdate("/team/web", 2);
    connections.get(0).client().delete().forPath(ZkAppStore.APPS + "/team_web");

    store.create(appAt("/team/web", 5));

    assertThat(store.versions("/team/web")).containsExactly(v(5));
    assertThat(store.version("/team/web", v(1))).isEmpty();
  }

  @Test
  void aDeleteRemovesTheAppAndItsVersionsInOneStep() throws Exception {
    createThenUpdate("/team/web", 2);
    store.delete("/team/web");
    var zk = connections.get(0).client();
    assertThat(zk.checkExists().forPath(ZkAppStore.APPS + "/team_web")).isNull();
    assertThat(zk.checkExists().forPath(ZkAppStore.VERSIONS + "/team_web")).isNull();
  }

  @Test
  void loadsTwoThousandAppsAtOnce() throws Exception {
    int count = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        App app = appAt(String.format("/load/g%02d/app-%04d", i % 40, i), 1);
        created.add(pool.submit(() -> store.create(app)));
      }
      for (Future<?> f : created) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<App> loaded = anotherSchedulersStore().loadAll();

    assertThat(loaded).hasSize(count);
    assertThat(loaded).extracting(App::id).isSorted().doesNotHaveDuplicates();
    assertThat(loaded).contains(appAt("/load/g07/app-0007", 1), appAt("/load/g39/app-1999", 1));
  }
}
