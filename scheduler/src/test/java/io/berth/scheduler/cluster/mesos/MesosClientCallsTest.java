package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Calls other than SUBSCRIBE: their own connection, the current stream id, and how refusals surface. */
class MesosClientCallsTest extends MesosClientTestBase {
  private static final Call REVIVE = Calls.revive(FRAMEWORK_ID, List.of());

  @Test
  void sendBeforeSubscriptionFailsAtOnce() {
    ScriptedMaster master = master();
    MesosClient client = client(Encoding.PROTOBUF, master);

    CompletableFuture<Void> sent = client.send(REVIVE);

    assertThat(sent).isCompletedExceptionally();
    assertThat(failure(sent)).isInstanceOf(MesosCallException.class).hasMessageContaining("not subscribed");
    assertThat(master.calls()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void callsCarryTheCurrentStreamIdOnTheirOwnConnection(Encoding encoding) throws Exception {
    ScriptedMaster master = master();
    MesosClient client = client(encoding, master);
    MasterStream first = subscribe(master, 15);

    client.send(REVIVE).get(10, TimeUnit.SECONDS);
    ScriptedMaster.Request call = master.calls().get(0);
    assertThat(call.header("Mesos-Stream-Id")).isEqualTo(first.id());
    assertThat(call.header("Content-Type")).isEqualTo(encoding.contentType());
    assertThat(call.headers()).doesNotContainKeys("Accept-Encoding");
    assertThat(call.call()).isEqualTo(REVIVE);
    assertThat(call.clientPort()).isNotEqualTo(first.clientPort());

    first.end();
    listener.nextDisconnect();
    MasterStream second = subscribe(master, 15);
    client.send(REVIVE).get(10, TimeUnit.SECONDS);
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(master.calls().get(1).header("Mesos-Stream-Id")).isEqualTo(second.id());
  }

  @Test
  void badRequestFailsWithStatusAndBodyAndKeepsTheStream() throws Exception {
    ScriptedMaster master = master().answerCalls(ScriptedMaster.status(400, "Expecting 'kill' to be present"));
    MesosClient client = client(Encoding.JSON, master);
    subscribe(master, 15);

    Throwable failure = failure(client.send(REVIVE));

    assertThat(failure).isInstanceOfSatisfying(MesosCallRejectedException.class, rejected -> {
      assertThat(rejected.status()).isEqualTo(400);
      assertThat(rejected.body()).isEqualTo("Expecting 'kill' to be present");
    });
    assertThat(client.isSubscribed()).isTrue();
    assertThat(listener.disconnects).isEmpty();
  }

  @Test
  void notSubscribedAnswerFailsTheCallAndForcesAResubscribe() throws Exception {
    ScriptedMaster master = master().answerCalls(ScriptedMaster.status(403, "Framework is not subscribed"));
    MesosClient client = client(Encoding.PROTOBUF, master);
    subscribe(master, 15);

    Throwable failure = failure(client.send(REVIVE));

    assertThat(failure).isInstanceOfSatisfying(MesosCallRejectedException.class, rejected -> {
      assertThat(rejected.status()).isEqualTo(403);
      assertThat(rejected.body()).isEqualTo("Framework is not subscribed");
    });
    assertThat(listener.nextDisconnect()).contains("403");
    subscribe(master, 15);
    assertThat(master.subscribes()).hasSize(2);
  }

  @Test
  void redirectOnACallFailsItAndForcesAResubscribe() throws Exception {
    ScriptedMaster master = master().answerCalls(ScriptedMaster.redirectTo("//127.0.0.1:1/api/v1/scheduler"));
    MesosClient client = client(Encoding.JSON, master);
    subscribe(master, 15);

    assertThat(failure(client.send(REVIVE))).isInstanceOfSatisfying(MesosCallRejectedException.class,
        rejected -> assertThat(rejected.status()).isEqualTo(307));
    assertThat(listener.nextDisconnect()).contains("307");
    subscribe(master, 15);
  }

  @Test
  void okWithABodyCompletesNormally() throws Exception {
    ScriptedMaster master = master().answerCalls(ScriptedMaster.status(200, ""));
    MesosClient client = client(Encoding.JSON, master);
    subscribe(master, 15);

    assertThat(client.send(REVIVE)).succeedsWithin(Duration.ofSeconds(10));
  }

  @Test
  void unansweredCallTimesOut() throws Exception {
    ScriptedMaster master = master();
    master.answerCalls(master.hang());
    MesosClient client = client(fast(Encoding.JSON).withCallTimeout(Duration.ofMillis(200)),
        new StaticMasters(List.of(master.url())));
    subscribe(master, 15);

    assertThat(failure(client.send(REVIVE))).isInstanceOf(MesosCallException.class).hasMessageContaining("timed out");
  }

  @Test
  void closeFailsPendingCalls() throws Exception {
    ScriptedMaster master = master();
    master.answerCalls(master.hang());
    MesosClient client = client(Encoding.PROTOBUF, master);
    subscribe(master, 15);
    CompletableFuture<Void> pending = client.send(REVIVE);

    client.close();

    assertThat(failure(pending)).isInstanceOf(MesosCallException.class).hasMessageContaining("closed");
    assertThat(failure(client.send(REVIVE))).isInstanceOf(MesosCallException.class);
  }

  private static Throwable failure(CompletableFuture<Void> future) {
    Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    return thrown.getCause();
  }
}
