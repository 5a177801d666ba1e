package io.berth.scheduler.testing.mesos;

import static io.berth.scheduler.testing.mesos.TestTasks.aTask;
import static io.berth.scheduler.testing.mesos.TestTasks.accept;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.berth.scheduler.cluster.mesos.Encoding;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A thousand stub agents, as the launch benchmark uses them: one OFFERS event, launches at scale. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StubScaleTest {

  @Test
  void aThousandAgentsAreOfferedInOneEventAndTheirTasksRun() {
    try (MesosCluster cluster = MesosCluster.builder().agents(1000).executors(ExecutorMode.stub())
        .allocationInterval(Duration.ofMillis(200)).updateRetry(Duration.ofSeconds(5)).start();
         RawScheduler s = RawScheduler.subscribe(cluster.masterUrls().get(0), Encoding.PROTOBUF,
             RawScheduler.framework().build())) {
      List<Offer> offers = s.next(Event.Type.OFFERS).getOffers().getOffersList();
      assertThat(offers).hasSize(1000);
      assertThat(offers.stream().map(o -> o.getAgentId().getValue()).distinct()).hasSize(1000);

      Set<String> running = new HashSet<>();
      for (Offer offer : offers.subList(0, 200)) {
        String taskId = "task-" + offer.getHostname();
        assertThat(s.send(s.call(Call.Type.ACCEPT).setAccept(accept(offer, aTask(taskId, offer).build())).build()))
            .isEqualTo(202);
      }
      while (running.size() < 200) {
        TaskStatus status = s.next(Event.Type.UPDATE).getUpdate().getStatus();
        s.acknowledge(status);
        if (status.getState() == TaskState.TASK_RUNNING) {
          running.add(status.getTaskId().getValue());
        }
      }
      await().until(() -> cluster.tasks().stream().filter(t -> t.state().equals("TASK_RUNNING")).count() == 200);
    }
  }
}
