package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.berth.api.executor.HelperSettings;
import io.berth.api.executor.TaskPayload;
import io.berth.api.model.App;
import io.berth.api.model.HealthCheckResult;
import io.berth.scheduler.cluster.ClusterDriver.TaskRef;
import io.berth.scheduler.cluster.ClusterEvents;
import io.berth.scheduler.cluster.LaunchSpec;
import io.berth.scheduler.cluster.TaskStatus;
import io.berth.scheduler.core.instances.InstanceState;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.matching.RoleShare;
import io.berth.scheduler.core.reconcile.ObservedTask;
import io.berth.scheduler.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver against a recording connection: what it sends, and what the engine hears, when. */
class MesosClusterDriverTest {

  private static final String FRAMEWORK = "master-1-0000";
  private static final String AGENT = "master-1-S0";
  private static final String JAR = "http://berth:8080/executor/berth-executor.jar";
  private static final byte[] UUID = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

  private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final FakeConnection connection = new FakeConnection();
  private final Events events = new Events();
  private final Ids ids = new Ids();
  private final MesosConfig config = MesosConfig.defaults();
  private final MesosClusterDriver driver = new MesosClusterDriver(config, l -> connection.listening(l), ids,
      new ExecutorJar.Source(JAR, true), clock);

  @AfterEach
  void stop() {
    driver.stop();
  }

  @Test
  void aNewFrameworkIdIsStoredBeforeTheEngineHearsOfTheConnection() {
    driver.start(events);
    assertThat(connection.listener.subscribeCall().hasFrameworkId()).isFalse();

    connection.event(subscribed());

    await().until(() -> !events.connected.isEmpty());
    assertThat(ids.stored).containsExactly(FRAMEWORK);
    assertThat(events.log.indexOf("stored " + FRAMEWORK)).isLessThan(events.log.indexOf("connected"));
    assertThat(driver.problem()).isNull();
    Call again = connection.listener.subscribeCall();
    assertThat(again.getFrameworkId().getValue()).isEqualTo(FRAMEWORK);
    assertThat(again.getSubscribe().getFrameworkInfo().getId().getValue()).isEqualTo(FRAMEWORK);
  }

  @Test
  void resubscribesWithTheStoredIdAndDoesNotStoreItAgain() {
    ids.stored.add(FRAMEWORK);
    driver.start(events);

    assertThat(connection.listener.subscribeCall().getFrameworkId().getValue()).isEqualTo(FRAMEWORK);
    connection.event(subscribed());
    await().until(() -> !events.connected.isEmpty());
    assertThat(ids.stored).containsExactly(FRAMEWORK);
  }

  @Test
  void knownTasksAreReconciledAndTheEngineGetsTheAnswersWithTheConnection() {
    events.known = List.of(new TaskRef("web.1", AGENT), new TaskRef("web.2", AGENT));
    driver.start(events);
    connection.event(subscribed());

    await().until(() -> connection.calls(Call.Type.RECONCILE).size() == 2);
    List<Call> reconciles = connection.calls(Call.Type.RECONCILE);
    assertThat(reconciles.get(0).getReconcile().getTasksList()).extracting(t -> t.getTaskId().getValue())
        .containsExactly("web.1", "web.2");
    assertThat(reconciles.get(1).hasReconcile()).isTrue();
    assertThat(reconciles.get(1).getReconcile().getTasksCount()).isZero();

    connection.event(update("web.1", Protos.TaskState.TASK_RUNNING, true, null));
    connection.event(update("web.2", Protos.TaskState.TASK_GONE, true, null));
    connection.event(update("stray.9", Protos.TaskState.TASK_RUNNING, true, null));

    await().until(() -> !events.connected.isEmpty());
    assertThat(events.connected.get(0)).extracting(ObservedTask::taskId, ObservedTask::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple("web.1", InstanceState.RUNNING),
        org.assertj.core.groups.Tuple.tuple("web.2", InstanceState.GONE),
        org.assertj.core.groups.Tuple.tuple("stray.9", InstanceState.RUNNING));
    assertThat(events.statuses).as("reconciliation answers travel with onConnected").isEmpty();
  }

  @Test
  void tasksMesosSaysNothingAboutAreUnconfirmedOnceTheWaitIsOverAndAskedAboutAgain() {
    events.known = List.of(new TaskRef("web.1", AGENT));
    driver.start(events);
    connection.event(subscribed());
    await().until(() -> connection.calls(Call.Type.RECONCILE).size() == 2);

    clock.advance(Duration.ofSeconds(5));
    await().until(() -> connection.calls(Call.Type.RECONCILE).size() >= 3);
    assertThat(events.connected).as("still waiting for an answer").isEmpty();

    clock.advance(config.reconcileWait());
    await().until(() -> !events.connected.isEmpty());
    assertThat(events.connected.get(0)).isEmpty();
    assertThat(events.unconfirmed.get(0)).containsExactly("web.1");

    int asked = connection.calls(Call.Type.RECONCILE).size();
    clock.advance(MesosSubscription.LAUNCH_SILENCE);
    await().until(() -> connection.calls(Call.Type.RECONCILE).size() == asked + 1);
    assertThat(connection.calls(Call.Type.RECONCILE).get(asked).getReconcile().getTasksList())
        .extracting(t -> t.getTaskId().getValue()).containsExactly("web.1");
  }

  @Test
  void offersWaitForTheReconciliationAndThenReachTheEngine() {
    events.known = List.of(new TaskRef("web.1", AGENT));
    driver.start(events);
    connection.event(subscribed());
    connection.event(offers("o-1", "o-2"));
    connection.event(rescind("o-2"));
    assertThat(events.offers).isEmpty();

    connection.event(update("web.1", Protos.TaskState.TASK_RUNNING, true, null));

    await().until(() -> !events.offers.isEmpty());
    assertThat(events.offers).extracting(o -> o.id().value()).containsExactly("o-1");
    assertThat(events.log.indexOf("connected")).isLessThan(events.log.indexOf("offers"));
  }

  @Test
  void everyTaskOnAnOfferGoesInOneAcceptWithItsExecutorAndPayload() throws Exception {
    connect();
    connection.event(offers("o-1"));
    await().until(() -> !events.offers.isEmpty());

    driver.launch(new OfferId("o-1"), List.of(spec("web.1", 31000), spec("web.2", 31001)));

    Call accept = connection.calls(Call.Type.ACCEPT).get(0);
    assertThat(connection.calls(Call.Type.ACCEPT)).hasSize(1);
    assertThat(accept.getFrameworkId().getValue()).isEqualTo(FRAMEWORK);
    assertThat(accept.getAccept().getOfferIdsList()).extracting(Protos.OfferID::getValue).containsExactly("o-1");
    List<TaskInfo> tasks = accept.getAccept().getOperationsList().stream()
        .flatMap(op -> op.getLaunch().getTaskInfosList().stream()).toList();
    assertThat(tasks).extracting(t -> t.getTaskId().getValue()).containsExactly("web.1", "web.2");
    TaskInfo first = tasks.get(0);
    assertThat(first.getAgentId().getValue()).isEqualTo(AGENT);
    assertThat(scalar(first.getResourcesList(), "cpus")).isEqualTo(0.5);
    assertThat(scalar(first.getResourcesList(), "mem")).isEqualTo(64.0);
    assertThat(scalar(first.getExecutor().getResourcesList(), "cpus")).isEqualTo(0.1);
    assertThat(scalar(first.getExecutor().getResourcesList(), "mem")).isEqualTo(128.0);
    assertThat(first.getExecutor().getCommand().getUris(0).getValue()).isEqualTo(JAR);
    assertThat(first.getExecutor().getCommand().getUris(0).getCache()).isTrue();
    assertThat(first.getExecutor().getShutdownGracePeriod().getNanoseconds())
        .as("the app's 3 s kill grace for each of the pod's containers in turn, plus a margin")
        .isEqualTo(Duration.ofSeconds(14).toNanos());
    assertThat(first.hasKillPolicy()).as("the app sets no kill grace: the executor's default applies").isFalse();
    assertThat(first.getResourcesList()).allSatisfy(r -> assertThat(r.getAllocationInfo().getRole()).isEqualTo("*"));
    TaskPayload payload = new ObjectMapper().readValue(first.getData().toByteArray(), TaskPayload.class);
    assertThat(payload.taskId()).isEqualTo("web.1");
    assertThat(payload.hostPorts()).containsExactly(31000);
  }

  @Test
  void aLaunchOnAnOfferThatIsGoneIsReportedDropped() {
    connect();
    connection.event(offers("o-1"));
    connection.event(rescind("o-1"));

    driver.launch(new OfferId("o-1"), List.of(spec("web.1", 31000)));

    assertThat(connection.calls(Call.Type.ACCEPT)).isEmpty();
    assertThat(events.statuses).singleElement().satisfies(s -> {
      assertThat(s.taskId()).isEqualTo("web.1");
      assertThat(s.state()).isEqualTo(InstanceState.DROPPED);
      assertThat(s.ackId()).isNull();
    });
  }

  @Test
  void anAcceptTheMasterRefusesDropsItsTasks() {
    connect();
    connection.event(offers("o-1"));
    await().until(() -> !events.offers.isEmpty());
    connection.reply = call -> CompletableFuture.failedFuture(
        new MesosCallRejectedException("ACCEPT", 400, "Failed to validate"));

    driver.launch(new OfferId("o-1"), List.of(spec("web.1", 31000), spec("web.2", 31001)));

    await().until(() -> events.statuses.size() == 2);
    assertThat(events.statuses).allSatisfy(s -> assertThat(s.state()).isEqualTo(InstanceState.DROPPED));
  }

  @Test
  void updatesWithAUuidAreAcknowledgedWithIt() {
    connect();
    connection.event(update("web.1", Protos.TaskState.TASK_RUNNING, false, UUID));
    await().until(() -> !events.statuses.isEmpty());
    TaskStatus status = events.statuses.get(0);
    assertThat(status.ackId()).isNotNull();

    driver.acknowledge(status.ackId());

    Call ack = connection.calls(Call.Type.ACKNOWLEDGE).get(0);
    assertThat(ack.getAcknowledge().getUuid()).isEqualTo(ByteString.copyFrom(UUID));
    assertThat(ack.getAcknowledge().getTaskId().getValue()).isEqualTo("web.1");
    assertThat(ack.getAcknowledge().getAgentId().getValue()).isEqualTo(AGENT);
  }

  @Test
  void aDisconnectionVoidsTheOffersAndTellsTheEngine() {
    connect();
    connection.event(offers("o-1"));
    await().until(() -> !events.offers.isEmpty());

    connection.listener.onDisconnected("stream closed");
    driver.launch(new OfferId("o-1"), List.of(spec("web.1", 31000)));
    assertThat(driver.problem()).startsWith("disconnected from Mesos since").endsWith("stream closed");

    assertThat(events.log).contains("disconnected");
    assertThat(connection.calls(Call.Type.ACCEPT)).isEmpty();
    assertThat(events.statuses).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(InstanceState.DROPPED));
  }

  @Test
  void aLaunchedTaskThatStaysSilentIsReconciledExplicitly() {
    connect();
    connection.event(offers("o-1", "o-2"));
    await().until(() -> events.offers.size() == 2);
    driver.launch(new OfferId("o-1"), List.of(spec("web.1", 31000)));
    driver.launch(new OfferId("o-2"), List.of(spec("web.2", 31001)));
    connection.event(update("web.2", Protos.TaskState.TASK_RUNNING, false, UUID));
    int before = connection.calls(Call.Type.RECONCILE).size();

    clock.advance(MesosSubscription.LAUNCH_SILENCE);

    await().until(() -> connection.calls(Call.Type.RECONCILE).size() == before + 1);
    Call reconcile = connection.calls(Call.Type.RECONCILE).get(before);
    assertThat(reconcile.getReconcile().getTasksList()).extracting(t -> t.getTaskId().getValue())
        .containsExactly("web.1");
  }

  @Test
  void killsCarryTheGracePeriod() {
    connect();
    driver.kill("web.1", AGENT, Duration.ofSeconds(7));
    Call kill = connection.calls(Call.Type.KILL).get(0);
    assertThat(kill.getKill().getKillPolicy().getGracePeriod().getNanoseconds()).isEqualTo(7_000_000_000L);
    assertThat(kill.getKill().getAgentId().getValue()).isEqualTo(AGENT);
  }

  @Test
  void everyTaskIsReconciledAgainAfterTheInterval() {
    connect();
    int before = connection.calls(Call.Type.RECONCILE).size();
    events.known = List.of(new TaskRef("web.1", AGENT));

    clock.advance(config.reconcileInterval());

    await().until(() -> connection.calls(Call.Type.RECONCILE).size() == before + 2);
  }

  // --- helpers

  private void connect() {
    driver.start(events);
    connection.event(subscribed());
    await().until(() -> !events.connected.isEmpty());
  }

  private static LaunchSpec spec(String taskId, int port) {
    App app = App.builder().id("/web").cpus(0.5).mem(64.0).instances(2).build().normalized();
    TaskPayload payload = new TaskPayload(taskId, app, "agent-0", AGENT, List.of(port), 0, HelperSettings.off(),
        "busybox:latest");
    return new LaunchSpec(payload, List.of(new RoleShare("*", new Resources(0.6, 192, 0, 0), List.of(port))));
  }

  private static double scalar(List<Protos.Resource> resources, String name) {
    return resources.stream().filter(r -> r.getName().equals(name)).mapToDouble(r -> r.getScalar().getValue()).sum();
  }

  private static Event subscribed() {
    return Event.newBuilder().setType(Event.Type.SUBSCRIBED)
        .setSubscribed(Event.Subscribed.newBuilder().setFrameworkId(Protos.FrameworkID.newBuilder().setValue(FRAMEWORK))
            .setHeartbeatIntervalSeconds(15))
        .build();
  }

  private static Event offers(String... ids) {
    Event.Offers.Builder offers = Event.Offers.newBuilder();
    for (String id : ids) {
      offers.addOffers(Protos.Offer.newBuilder()
          .setId(Protos.OfferID.newBuilder().setValue(id))
          .setFrameworkId(Protos.FrameworkID.newBuilder().setValue(FRAMEWORK))
          .setAgentId(Protos.AgentID.newBuilder().setValue(AGENT))
          .setHostname("agent-0")
          .setAllocationInfo(Protos.Resource.AllocationInfo.newBuilder().setRole("*"))
          .addResources(Protos.Resource.newBuilder().setName("cpus").setType(Protos.Value.Type.SCALAR)
              .setScalar(Protos.Value.Scalar.newBuilder().setValue(4))));
    }
    return Event.newBuilder().setType(Event.Type.OFFERS).setOffers(offers).build();
  }

  private static Event rescind(String id) {
    return Event.newBuilder().setType(Event.Type.RESCIND)
        .setRescind(Event.Rescind.newBuilder().setOfferId(Protos.OfferID.newBuilder().setValue(id))).build();
  }

  private static Event update(String taskId, Protos.TaskState state, boolean reconciliation, byte[] uuid) {
    Protos.TaskStatus.Builder status = Protos.TaskStatus.newBuilder()
        .setTaskId(Protos.TaskID.newBuilder().setValue(taskId))
        .setAgentId(Protos.AgentID.newBuilder().setValue(AGENT))
        .setState(state)
        .setSource(reconciliation ? Protos.TaskStatus.Source.SOURCE_MASTER : Protos.TaskStatus.Source.SOURCE_EXECUTOR);
    if (reconciliation) {
      status.setReason(Protos.TaskStatus.Reason.REASON_RECONCILIATION);
    }
    if (uuid != null) {
      status.setUuid(ByteString.copyFrom(uuid));
    }
    return Event.newBuilder().setType(Event.Type.UPDATE)
        .setUpdate(Event.Update.newBuilder().setStatus(status)).build();
  }

  /** Records calls; answers them with {@link #reply} (202 by default). */
  private static final class FakeConnection implements MesosConnection {
    volatile MesosClient.Listener listener;
    final List<Call> sent = new CopyOnWriteArrayList<>();
    volatile Function<Call, CompletableFuture<Void>> reply = call -> CompletableFuture.completedFuture(null);

    MesosConnection listening(MesosClient.Listener l) {
      listener = l;
      return this;
    }

    void event(Event e) {
      listener.onEvent(e);
    }

    List<Call> calls(Call.Type type) {
      return sent.stream().filter(c -> c.getType() == type).toList();
    }

    @Override
    public void start() {}

    @Override
    public CompletableFuture<Void> send(Call call) {
      sent.add(call);
      return reply.apply(call);
    }

    @Override
    public boolean isSubscribed() {
      return true;
    }

    @Override
    public void close() {}
  }

  private final class Ids implements FrameworkIdStore {
    final List<String> stored = new CopyOnWriteArrayList<>();

    @Override
    public Optional<String> get() {
      return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(stored.size() - 1));
    }

    @Override
    public void put(String frameworkId) {
      events.log.add("stored " + frameworkId);
      stored.add(frameworkId);
    }
  }

  private static final class Events implements ClusterEvents {
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<List<ObservedTask>> connected = new CopyOnWriteArrayList<>();
    final List<java.util.Set<String>> unconfirmed = new CopyOnWriteArrayList<>();
    final List<Offer> offers = new CopyOnWriteArrayList<>();
    final List<TaskStatus> statuses = new CopyOnWriteArrayList<>();
    volatile List<TaskRef> known = List.of();

    @Override
    public void onConnected(List<ObservedTask> tasks, java.util.Set<String> notYet) {
      log.add("connected");
      unconfirmed.add(java.util.Set.copyOf(notYet));
      connected.add(new ArrayList<>(tasks));
    }

    @Override
    public void onDisconnected(String why) {
      log.add("disconnected");
    }

    @Override
    public void onOffers(List<Offer> list) {
      log.add("offers");
      offers.addAll(list);
    }

    @Override
    public void onRescinded(OfferId offer) {
      log.add("rescinded");
    }

    @Override
    public void onStatus(TaskStatus status) {
      statuses.add(status);
    }

    @Override
    public List<TaskRef> knownTasks() {
      return known;
    }

    @Override
    public void onHealthResults(String taskId, List<HealthCheckResult> results) {}
  }
}
