package io.berth.scheduler.engine;

import static io.berth.scheduler.core.instances.InstanceBuilder.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.scheduler.core.instances.Instance;
import io.berth.scheduler.core.instances.InstanceId;
import io.berth.scheduler.core.instances.InstanceState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The engine's in-memory view: all instances, and the same instances by app. */
class InstanceBookTest {

  private final InstanceBook book = new InstanceBook();
  private final Instance web = anInstance().ofApp("/team/web").running().build();
  private final Instance otherWeb = anInstance().ofApp("/team/web").scheduled().build();
  private final Instance db = anInstance().ofApp("/team/db").running().build();

  @Test
  void readsTheInstancesOfOneAppOnly() {
    book.put(web);
    book.put(otherWeb);
    book.put(db);

    assertThat(book.ofApp("/team/web")).containsExactlyInAnyOrder(web, otherWeb);
    assertThat(book.ofApp("/team/db")).containsExactly(db);
    assertThat(book.ofApp("/team/none")).isEmpty();
    assertThat(book.all()).hasSize(3);
  }

  @Test
  void aNewerRecordOfAnInstanceReplacesTheOlderOne() {
    book.put(web);
    Instance killing = web.withState(InstanceState.KILLING, Instant.now(), "bye");

    book.put(killing);

    assertThat(book.ofApp("/team/web")).containsExactly(killing);
    assertThat(book.get(web.id().value())).isEqualTo(killing);
  }

  @Test
  void removingAnInstanceRemovesItEverywhere() {
    book.put(web);
    book.put(db);

    book.remove(web.id());
    book.remove(InstanceId.forApp("/team/web", "never-stored"));

    assertThat(book.ofApp("/team/web")).isEmpty();
    assertThat(book.get(web.id().value())).isNull();
    assertThat(book.all()).containsExactly(db);
  }
}
