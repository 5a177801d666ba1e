package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/** A {@link MesosClient.Listener} that keeps the framework id SUBSCRIBED gave and records everything. */
final class RecordingListener implements MesosClient.Listener {
  final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();
  final BlockingQueue<String> eventThreads = new LinkedBlockingQueue<>();
  private volatile String frameworkId;

  @Override
  public Call subscribeCall() {
    return Calls.subscribe(WireFixtures.SETTINGS, frameworkId);
  }

  @Override
  public void onEvent(Event event) {
    if (event.getType() == Event.Type.SUBSCRIBED) {
      frameworkId = event.getSubscribed().getFrameworkId().getValue();
    }
    eventThreads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " (daemon)" : ""));
    events.add(event);
  }

  @Override
  public void onDisconnected(String why) {
    disconnects.add(why);
  }

  Event nextEvent() throws InterruptedException {
    Event event = events.poll(ScriptedMaster.WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(event).as("an event").isNotNull();
    return event;
  }

  String nextDisconnect() throws InterruptedException {
    String why = disconnects.poll(ScriptedMaster.WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(why).as("a disconnection").isNotNull();
    return why;
  }
}
