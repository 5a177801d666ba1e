package io.berth.scheduler.store;

import static io.berth.scheduler.core.apps.AppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.model.App;
import io.berth.api.model.VersionInfo;
import io.berth.scheduler.core.apps.Versions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AppStore} promises, run against each implementation (Aurora's
 * AbstractTaskStoreTest style): {@code InMemoryAppStoreTest} and {@code ZkAppStoreIT}.
 */
abstract class AppStoreContractTest {

  static final int HISTORY = 3;
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  AppStore store;

  /** Most of what a Marathon app can say, as a client sends it. */
  private static final String RICH_APP = """
      {"id": "/team/rich", "args": ["--port", "80"], "instances": 2, "cpus": 0.5, "mem": 256, "disk": 10,
       "networks": [{"mode": "container/bridge"}],
       "container": {"type": "DOCKER", "docker": {"image": "nginx:1.25", "forcePullImage": true},
         "portMappings": [{"containerPort": 80, "hostPort": 0, "name": "http", "labels": {"VIP_0": "/web:80"}}],
         "volumes": [{"containerPath": "/data", "hostPath": "/srv/data", "mode": "RW"}]},
       "env": {"PLAIN": "value", "DB_PASSWORD": {"secret": "database"}},
       "secrets": {"database": {"source": "/team/db/password"}},
       "labels": {"HAPROXY_GROUP": "external"},
       "constraints": [["hostname", "UNIQUE"], ["rack", "GROUP_BY", "3"]],
       "acceptedResourceRoles": ["*"],
       "fetch": [{"uri": "https://example.com/config.tgz", "cache": true}],
       "healthChecks": [{"protocol": "MESOS_HTTP", "path": "/health", "portIndex": 0},
                        {"protocol": "COMMAND", "command": {"value": "curl -f localhost"}}],
       "readinessChecks": [{"name": "ready", "path": "/ready", "portName": "http",
                            "httpStatusCodesForReady": [200, 204]}],
       "upgradeStrategy": {"minimumHealthCapacity": 0.5, "maximumOverCapacity": 0.2},
       "unreachableStrategy": {"inactiveAfterSeconds": 300, "expungeAfterSeconds": 600},
       "dependencies": ["../db"], "killSelection": "OLDEST_FIRST", "taskKillGracePeriodSeconds": 30,
       "backoffSeconds": 2, "backoffFactor": 1.5, "maxLaunchDelaySeconds": 600}
      """;

  /** A fresh, empty store keeping at most {@code maxVersions} versions per app. */
  abstract AppStore newStore(int maxVersions);

  @BeforeEach
  void freshStore() {
    store = newStore(HISTORY);
  }

  /** The n-th version of the test clock: one minute apart, so they sort as they were made. */
  static String v(int n) {
    return Versions.format(T0.plusSeconds(60L * n));
  }

  /** {@code id} as stored at version n, scaled to n instances so each version differs. */
  static App appAt(String id, int n) {
    return anApp(id).withInstances(n).normalized().withVersion(v(n), new VersionInfo(v(n), v(1)));
  }

  void createThenUpdate(String id, int versions) {
    store.create(appAt(id, 1));
    for (int n = 2; n <= versions; n++) {
      store.update(appAt(id, n), v(n - 1));
    }
  }

  @Nested
  class Create {

    @Test
    void storesTheDefinitionAsItsCurrentAndFirstVersion() {
      App web = appAt("/team/web", 1);
      store.create(web);
      assertThat(store.loadAll()).containsExactly(web);
      assertThat(store.versions("/team/web")).containsExactly(v(1));
      assertThat(store.version("/team/web", v(1))).contains(web);
    }

    @Test
    void keepsEveryFieldExactly() {
      App docker = anApp("/team/proxy").withDockerImage("nginx:1.25").withLabel("tier", "edge").withMem(64)
          .normalized().withVersion(v(1), new VersionInfo(v(1), v(1)));
      store.create(docker);
      assertThat(store.loadAll()).containsExactly(docker);
      assertThat(store.version("/team/proxy", v(1))).contains(docker);
    }

    @Test
    void keepsARichMarathonDefinitionExactly() throws Exception {
      App rich = new ObjectMapper().readValue(RICH_APP, App.class).normalized()
          .withVersion(v(1), new VersionInfo(v(1), v(1)));
      store.create(rich);
      assertThat(store.loadAll()).containsExactly(rich);
      assertThat(store.version("/team/rich", v(1))).contains(rich);
    }

    @Test
    void ofAnExistingIdFailsAndKeepsTheFirst() {
      App first = appAt("/team/web", 1);
      store.create(first);
      assertThatThrownBy(() -> store.create(anApp("/team/web").withCmd("other").at(v(2))))
          .isInstanceOf(ConcurrentModificationException.class);
      assertThat(store.loadAll()).containsExactly(first);
      assertThat(store.versions("/team/web")).containsExactly(v(1));
    }
  }

  @Nested
  class Update {

    @Test
    void withTheCurrentVersionReplacesTheDefinitionAndAddsAVersion() {
      store.create(appAt("/team/web", 1));
      store.update(appAt("/team/web", 2), v(1));
      assertThat(store.loadAll()).containsExactly(appAt("/team/web", 2));
      assertThat(store.versions("/team/web")).containsExactly(v(2), v(1));
      assertThat(store.version("/team/web", v(1))).contains(appAt("/team/web", 1));
    }

    @Test
    void withAStaleVersionFailsAndChangesNothing() {
      createThenUpdate("/team/web", 2);
      assertThatThrownBy(() -> store.update(appAt("/team/web", 3), v(1)))
          .isInstanceOf(ConcurrentModificationException.class);
      assertThat(store.loadAll()).containsExactly(appAt("/team/web", 2));
      assertThat(store.versions("/team/web")).containsExactly(v(2), v(1));
    }

    @Test
    void ofAnUnknownAppFails() {
      assertThatThrownBy(() -> store.update(appAt("/team/web", 2), v(1)))
          .isInstanceOf(ConcurrentModificationException.class);
      assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void touchesNoOtherApp() {
      store.create(appAt("/team/api", 1));
      createThenUpdate("/team/web", 2);
      assertThat(store.loadAll()).containsExactly(appAt("/team/api", 1), appAt("/team/web", 2));
      assertThat(store.versions("/team/api")).containsExactly(v(1));
    }
  }

  @Nested
  class History {

    @Test
    void areListedNewestFirst() {
      createThenUpdate("/team/web", 3);
      assertThat(store.versions("/team/web")).containsExactly(v(3), v(2), v(1));
    }

    @Test
    void areBoundedByDroppingTheOldest() {
      createThenUpdate("/team/web", HISTORY + 3);
      assertThat(store.versions("/team/web")).containsExactly(v(6), v(5), v(4));
      assertThat(store.version("/team/web", v(3))).isEmpty();
      assertThat(store.version("/team/web", v(1))).isEmpty();
      assertThat(store.version("/team/web", v(4))).contains(appAt("/team/web", 4));
      assertThat(store.loadAll()).containsExactly(appAt("/team/web", 6));
    }

    @Test
    void lookupOfAnUnknownVersionOrAppIsEmpty() {
      createThenUpdate("/team/web", 2);
      assertThat(store.version("/team/web", v(9))).isEmpty();
      assertThat(store.version("/team/nope", v(1))).isEmpty();
      assertThat(store.versions("/team/nope")).isEmpty();
    }

    @Test
    void ofOneAppAreNotThoseOfAnother() {
      createThenUpdate("/team/web", 2);
      store.create(appAt("/team/web2", 3));
      assertThat(store.versions("/team/web")).containsExactly(v(2), v(1));
      assertThat(store.version("/team/web2", v(1))).isEmpty();
    }
  }

  @Nested
  class Delete {

    @Test
    void removesTheAppAndAllItsVersions() {
      createThenUpdate("/team/web", 2);
      assertThat(store.delete("/team/web")).isTrue();
      assertThat(store.loadAll()).isEmpty();
      assertThat(store.versions("/team/web")).isEmpty();
      assertThat(store.version("/team/web", v(2))).isEmpty();
    }

    @Test
    void ofAnUnknownAppSaysSo() {
      assertThat(store.delete("/team/nope")).isFalse();
    }

    @Test
    void thenCreatingTheSameIdStartsAFreshHistory() {
      createThenUpdate("/team/web", 2);
      store.delete("/team/web");
      store.create(appAt("/team/web", 5));
      assertThat(store.versions("/team/web")).containsExactly(v(5));
      assertThat(store.loadAll()).containsExactly(appAt("/team/web", 5));
    }

    @Test
    void leavesOtherAppsAlone() {
      store.create(appAt("/team/web", 1));
      store.create(appAt("/team/web/x", 1));
      store.delete("/team/web");
      assertThat(store.loadAll()).containsExactly(appAt("/team/web/x", 1));
      assertThat(store.versions("/team/web/x")).containsExactly(v(1));
    }
  }

  @Nested
  class LoadAll {

    @Test
    void ofAnEmptyStoreIsEmpty() {
      assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void givesEveryCurrentDefinitionSortedById() {
      store.create(appAt("/b", 1));
      store.create(appAt("/a/z", 1));
      createThenUpdate("/a", 2);
      store.create(appAt("/a-b", 1));
      List<App> all = store.loadAll();
      assertThat(all).extracting(App::id).containsExactly("/a", "/a-b", "/a/z", "/b");
      assertThat(all.get(0)).isEqualTo(appAt("/a", 2));
    }
  }
}
