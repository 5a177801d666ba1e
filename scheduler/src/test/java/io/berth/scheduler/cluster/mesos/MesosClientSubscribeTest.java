package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SUBSCRIBE: headers, redirects to the leader, refusals and unreachable masters. */
class MesosClientSubscribeTest extends MesosClientTestBase {

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void subscribeSendsTheExactMediaTypeAndNoStreamId(Encoding encoding) throws Exception {
    ScriptedMaster master = master();
    MesosClient client = client(encoding, master);
    subscribe(master, 15);

    ScriptedMaster.Request subscribe = master.subscribes().get(0);
    assertThat(subscribe.header("Content-Type")).isEqualTo(encoding.contentType());
    assertThat(subscribe.header("Accept")).isEqualTo(encoding.contentType());
    assertThat(subscribe.headers()).doesNotContainKeys("Mesos-Stream-Id", "Accept-Encoding", "Authorization");
    assertThat(subscribe.call().getType()).isEqualTo(Call.Type.SUBSCRIBE);
    assertThat(subscribe.call().hasFrameworkId()).isFalse();
    assertThat(client.isSubscribed()).isTrue();
    assertThat(client.leader()).contains(master.url());
  }

  @Test
  void eventsArriveOnTheDaemonStreamThread() throws Exception {
    ScriptedMaster master = master();
    client(Encoding.PROTOBUF, master);
    subscribe(master, 15);

    assertThat(listener.eventThreads.poll()).isEqualTo("berth-mesos-stream (daemon)");
  }

  @Test
  void basicAuthGoesOnSubscribeWhenPrincipalAndSecretAreSet() throws Exception {
    ScriptedMaster master = master();
    client(fast(Encoding.JSON).withCredentials("berth", "s3cret"), new StaticMasters(List.of(master.url())));
    subscribe(master, 15);

    assertThat(master.subscribes().get(0).header("Authorization")).isEqualTo("Basic YmVydGg6czNjcmV0");
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void protocolRelativeRedirectLeadsToTheLeader(Encoding encoding) throws Exception {
    ScriptedMaster leader = master();
    ScriptedMaster standby = master()
        .answerSubscribe(ScriptedMaster.redirectTo("//127.0.0.1:" + leader.port() + "/api/v1/scheduler"));
    MesosClient client = client(encoding, standby);
    subscribe(leader, 15);

    assertThat(standby.subscribes()).hasSize(1);
    assertThat(leader.subscribes()).hasSize(1);
    assertThat(client.leader()).contains(leader.url());
    assertThat(listener.disconnects).isEmpty();
  }

  @Test
  void unavailableMasterIsRetriedWithBackoffUntilItAccepts() throws Exception {
    ScriptedMaster master = master().answerSubscribe(
        ScriptedMaster.status(503, "No leader elected"), ScriptedMaster.status(503, "No leader elected"));
    MesosClient client = client(Encoding.PROTOBUF, master);
    subscribe(master, 15);

    assertThat(master.subscribes()).hasSize(3);
    assertThat(listener.disconnects).hasSize(2).allSatisfy(why -> assertThat(why).contains("503", "No leader elected"));
    assertThat(client.isSubscribed()).isTrue();
  }

  @Test
  void otherRefusalsAreRetriedToo() throws Exception {
    ScriptedMaster master = master().answerSubscribe(ScriptedMaster.status(401, "Authentication required"));
    client(Encoding.JSON, master);
    subscribe(master, 15);

    assertThat(listener.nextDisconnect()).contains("401", "Authentication required");
    assertThat(master.subscribes()).hasSize(2);
  }

  @Test
  void unreachableMasterGivesWayToTheNextOne() throws Exception {
    URI dead = URI.create("http://127.0.0.1:" + freePort());
    ScriptedMaster live = master();
    MesosClient client = client(fast(Encoding.PROTOBUF), new StaticMasters(List.of(dead, live.url())));
    subscribe(live, 15);

    assertThat(listener.nextDisconnect()).contains("cannot reach", dead.toString());
    assertThat(client.leader()).contains(live.url());
  }

  @Test
  void endlessRedirectsCountAsAFailedAttempt() throws Exception {
    ScriptedMaster loop = master();
    String self = "//127.0.0.1:" + loop.port() + "/api/v1/scheduler";
    for (int i = 0; i <= Subscriber.MAX_REDIRECTS; i++) {
      loop.answerSubscribe(ScriptedMaster.redirectTo(self));
    }
    client(Encoding.JSON, loop);
    subscribe(loop, 15);

    assertThat(listener.nextDisconnect()).contains("307");
    assertThat(loop.subscribes()).hasSize(Subscriber.MAX_REDIRECTS + 2);
  }

  @Test
  void noMasterKnownIsReportedAndRetried() {
    MasterDetector none = (failed, wait) -> Optional.empty();
    client(fast(Encoding.JSON), none);

    await().atMost(Duration.ofSeconds(10)).until(() -> listener.disconnects.size() >= 2);
    assertThat(listener.disconnects.peek()).contains("no Mesos master known");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
