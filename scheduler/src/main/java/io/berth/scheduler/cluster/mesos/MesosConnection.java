package io.berth.scheduler.cluster.mesos;

import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * The driver's view of a subscription to the leading master: {@link MesosClient} in production, a
 * recording fake in the driver's tests.
 */
interface MesosConnection extends AutoCloseable {

  /** Subscribes in the background; events and disconnections go to the listener it was opened with. */
  void start();

  /** Sends a non-SUBSCRIBE call; never blocks; fails when no subscription is current. */
  CompletableFuture<Void> send(Call call);

  boolean isSubscribed();

  @Override
  void close();

  /** Opens a connection reporting to {@code listener} (not yet started). */
  interface Factory {
    MesosConnection open(MesosClient.Listener listener);
  }

  /** Production: a {@link MesosClient} with these settings and masters. */
  static Factory of(MesosClientSettings settings, MasterDetector masters) {
    return listener -> {
      MesosClient client = new MesosClient(settings, masters, listener);
      return new MesosConnection() {
        @Override
        public void start() {
          client.start();
        }

        @Override
        public CompletableFuture<Void> send(Call call) {
          return client.send(call);
        }

        @Override
        public boolean isSubscribed() {
          return client.isSubscribed();
        }

        @Override
        public void close() {
          client.close();
          masters.close(); // the client leaves its detector (a ZooKeeper session) to its owner
        }
      };
    };
  }
}
