package io.berth.scheduler.cluster.mesos;

import io.berth.scheduler.cluster.ClusterDriver.TaskRef;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.matching.RoleShare;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.scheduler.Protos.Call;

/** Ids, settings and one of every call Berth sends, shared by the wire tests. */
final class WireFixtures {
  static final String FRAMEWORK_ID = "a5b2c3d4-0000-4000-8000-000000000001-0000";
  static final String AGENT_ID = "a5b2c3d4-0000-4000-8000-000000000001-S0";
  static final String OFFER_ID = "a5b2c3d4-0000-4000-8000-000000000001-O7";
  static final String JAR_URI = "http://berth-1.example.com:8080/executor/berth-executor.jar";
  /** 16 bytes chosen so their Base64 has '+', '/' and padding. */
  static final byte[] UUID = HexFormat.of().parseHex("fbef3f8b9c0a4e2d8f1e6a7b3c5d9e0f");
  static final FrameworkSettings SETTINGS = FrameworkSettings.of("berth", "root", "berth");

  private WireFixtures() {}

  static TaskLaunch task(String taskId, int port, String payload) {
    ExecutorLaunch executor = new ExecutorLaunch(ExecutorLaunch.executorIdFor(taskId), JAR_URI,
        List.of(new RoleShare("*", Resources.of(0.1, 64), List.of())), Duration.ofSeconds(10));
    return new TaskLaunch(taskId, "web", AGENT_ID,
        List.of(new RoleShare("berth", Resources.of(0.5, 0), List.of(port)),
            new RoleShare("*", new Resources(0.25, 128, 100, 0), List.of())),
        executor, Duration.ofSeconds(20), payload.getBytes(StandardCharsets.UTF_8));
  }

  /** One of each call, by name. */
  static Map<String, Call> allCalls() {
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("first subscribe", Calls.subscribe(SETTINGS, null));
    calls.put("resubscribe", Calls.subscribe(SETTINGS.withPrincipal("berth-principal"), FRAMEWORK_ID));
    calls.put("accept with two launches", Calls.accept(FRAMEWORK_ID, new OfferId(OFFER_ID), "berth",
        List.of(task("web.1", 31000, "{\"taskId\":\"web.1\"}"), task("web.2", 31001, "{\"taskId\":\"web.2\"}")),
        Duration.ofSeconds(5)));
    calls.put("accept without allocation role", Calls.accept(FRAMEWORK_ID, new OfferId(OFFER_ID), null,
        List.of(task("web.3", 31002, "{}")), Duration.ZERO));
    calls.put("decline", Calls.decline(FRAMEWORK_ID, List.of(new OfferId(OFFER_ID), new OfferId("m-O8")),
        Duration.ofHours(1)));
    calls.put("suppress all", Calls.suppress(FRAMEWORK_ID, List.of()));
    calls.put("revive one role", Calls.revive(FRAMEWORK_ID, List.of("berth")));
    calls.put("acknowledge", Calls.acknowledge(FRAMEWORK_ID, new AckId(AGENT_ID, UUID, "web.1")));
    calls.put("explicit reconcile", Calls.reconcile(FRAMEWORK_ID,
        List.of(new TaskRef("web.1", AGENT_ID), new TaskRef("web.2", null))));
    calls.put("implicit reconcile", Calls.reconcile(FRAMEWORK_ID, List.of()));
    calls.put("kill", Calls.kill(FRAMEWORK_ID, "web.1", AGENT_ID, Duration.ofSeconds(30)));
    calls.put("kill without agent", Calls.kill(FRAMEWORK_ID, "web.2", null, Duration.ofMillis(1500)));
    calls.put("teardown", Calls.teardown(FRAMEWORK_ID));
    return calls;
  }
}
