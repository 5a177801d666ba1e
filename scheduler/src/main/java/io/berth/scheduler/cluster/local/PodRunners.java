package io.berth.scheduler.cluster.local;

import io.berth.executor.docker.ContainerRuntime;
import io.berth.executor.pod.PodListener;
import io.berth.executor.pod.PodRunner;

/** Makes the pod runner of one driver run ({@code PodRunner::create} in production; tests poll faster). */
@FunctionalInterface
public interface PodRunners {
  PodRunner create(ContainerRuntime runtime, PodListener listener);
}
