package io.berth.scheduler.cluster.mesos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/** A client on fast back-off against scripted masters, all closed after each test. */
@Timeout(60)
abstract class MesosClientTestBase {
  static final String FRAMEWORK_ID = WireFixtures.FRAMEWORK_ID;

  final RecordingListener listener = new RecordingListener();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  static MesosClientSettings fast(Encoding encoding) {
    return MesosClientSettings.defaults(encoding).withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));
  }

  ScriptedMaster master() {
    ScriptedMaster master = ScriptedMaster.start();
    toClose.add(master);
    return master;
  }

  MesosClient client(MesosClientSettings settings, MasterDetector masters) {
    MesosClient client = new MesosClient(settings, masters, listener);
    toClose.add(0, client);
    client.start();
    return client;
  }

  MesosClient client(Encoding encoding, ScriptedMaster master) {
    return client(fast(encoding), new StaticMasters(List.of(master.url())));
  }

  /** Opens the next stream on {@code master}, says SUBSCRIBED, and waits until the client has it. */
  MasterStream subscribe(ScriptedMaster master, double heartbeatSeconds) throws Exception {
    MasterStream stream = master.awaitStream();
    stream.subscribed(FRAMEWORK_ID, heartbeatSeconds);
    Event first = listener.nextEvent();
    if (first.getType() != Event.Type.SUBSCRIBED) {
      throw new AssertionError("expected SUBSCRIBED first, got " + first);
    }
    return stream;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }
}
