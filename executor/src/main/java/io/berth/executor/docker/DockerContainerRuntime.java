package io.berth.executor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.berth.executor.pod.ContainerSpec;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContainerRuntime} on the Docker engine through docker-java ({@code DOCKER_HOST}, else
 * {@code unix:///var/run/docker.sock}; API pinned to 1.41, the 20.10 engine's). Library errors
 * become {@link ContainerRuntimeException}s carrying the daemon's message; connection failures and
 * timeouts become {@link TransientContainerRuntimeException}s. Calls that are safe to repeat
 * (inspect, list, stop, remove) are retried on transient failures; create, start, pull and exec
 * are not (a retried create could make a second container).
 */
public final class DockerContainerRuntime implements ContainerRuntime, Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(DockerContainerRuntime.class);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Long enough for an image pull or a stop with a long grace period; every call is bounded. */
  static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(10);

  private final DockerClient docker;

  DockerContainerRuntime(DockerClient docker) {
    this.docker = docker;
  }

  /** A runtime for the engine named by {@code DOCKER_HOST} (or the default socket). */
  public static DockerContainerRuntime fromEnvironment() {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withApiVersion("1.41").build();
    ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
        .maxConnections(50).connectionTimeout(CONNECT_TIMEOUT).responseTimeout(RESPONSE_TIMEOUT).build();
    return new DockerContainerRuntime(DockerClientImpl.getInstance(config, http));
  }

  @Override
  public void ensureImage(String image, boolean forcePull) {
    if (!forcePull && imageExists(image)) {
      return;
    }
    ImageName name = ImageName.parse(image);
    LOG.info("Pulling image {}", image);
    DockerErrors.call("pull image " + image, () -> {
      docker.pullImageCmd(name.repository()).withTag(name.tag())
          .exec(new PullCallback()).awaitCompletion();
      return null;
    });
  }

  private boolean imageExists(String image) {
    try {
      DockerErrors.retrying("inspect image " + image, () -> docker.inspectImageCmd(image).exec());
      return true;
    } catch (NotFoundRuntimeException e) {
      return false;
    }
  }

  @Override
  public String create(ContainerSpec spec) {
    LOG.info("Creating container {} ({}) from {}", spec.name(), spec.role().label(), spec.image());
    return DockerErrors.call("create container " + spec.name(),
        () -> CreateRequest.fill(docker.createContainerCmd(spec.image()), spec).exec().getId());
  }

  @Override
  public void start(String containerId) {
    LOG.info("Starting container {}", containerId);
    DockerErrors.call("start container " + containerId, () -> docker.startContainerCmd(containerId).exec());
  }

  @Override
  public Optional<ContainerInfo> inspect(String containerIdOrName) {
    try {
      InspectContainerResponse r = DockerErrors.retrying("inspect container " + containerIdOrName,
          () -> docker.inspectContainerCmd(containerIdOrName).exec());
      return Optional.of(info(r));
    } catch (NotFoundRuntimeException e) {
      return Optional.empty();
    }
  }

  private static ContainerInfo info(InspectContainerResponse r) {
    InspectContainerResponse.ContainerState s = r.getState();
    String ip = null;
    if (r.getNetworkSettings() != null && r.getNetworkSettings().getNetworks() != null) {
      ip = r.getNetworkSettings().getNetworks().values().stream().map(ContainerNetwork::getIpAddress)
          .filter(a -> a != null && !a.isEmpty()).findFirst().orElse(null);
    }
    Long exit = s == null ? null : s.getExitCodeLong();
    return new ContainerInfo(r.getId(), trimSlash(r.getName()), r.getConfig().getImage(),
        r.getConfig().getLabels(), s == null ? null : s.getStatus(), exit == null ? null : exit.intValue(),
        s == null || s.getError() == null || s.getError().isEmpty() ? null : s.getError(),
        s != null && Boolean.TRUE.equals(s.getOOMKilled()), ip, s == null ? null : s.getStartedAt(),
        s == null ? null : s.getFinishedAt());
  }

  @Override
  public void stop(String containerId, Duration grace) {
    int seconds = (int) Math.max(0, (grace.toMillis() + 999) / 1000);
    LOG.info("Stopping container {} (grace {} s)", containerId, seconds);
    try {
      DockerErrors.retrying("stop container " + containerId,
          () -> docker.stopContainerCmd(containerId).withTimeout(seconds).exec());
    } catch (NotFoundRuntimeException gone) {
      LOG.debug("Container {} already gone", containerId);
    }
  }

  @Override
  public void remove(String containerId) {
    LOG.info("Removing container {}", containerId);
    try {
      DockerErrors.retrying("remove container " + containerId,
          () -> docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec());
    } catch (NotFoundRuntimeException gone) {
      LOG.debug("Container {} already gone", containerId);
    }
  }

  @Override
  public List<ContainerInfo> list(Map<String, String> labels) {
    return DockerErrors.retrying("list containers", () -> docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(labels).exec()).stream()
        .map(c -> new ContainerInfo(c.getId(), c.getNames() == null || c.getNames().length == 0 ? null
            : trimSlash(c.getNames()[0]), c.getImage(), c.getLabels(), c.getState(), null, null, false, null, null, null))
        .toList();
  }

  @Override
  public ExecResult exec(String containerId, List<String> command, Duration timeout) {
    String execId = DockerErrors.call("exec in " + containerId, () -> docker.execCreateCmd(containerId)
        .withCmd(command.toArray(String[]::new)).withAttachStdout(true).withAttachStderr(true).exec().getId());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        synchronized (out) {
          out.writeBytes(frame.getPayload());
        }
      }
    };
    boolean done = DockerErrors.call("exec in " + containerId, () -> docker.execStartCmd(execId).exec(callback)
        .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS));
    String output;
    synchronized (out) {
      output = out.toString(StandardCharsets.UTF_8);
    }
    if (!done) {
      closeQuietly(callback);
      return new ExecResult(null, output, true);
    }
    Long exit = DockerErrors.call("inspect exec in " + containerId,
        () -> docker.inspectExecCmd(execId).exec().getExitCodeLong());
    return new ExecResult(exit == null ? null : exit.intValue(), output, false);
  }

  @Override
  public void close() throws IOException {
    docker.close();
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.debug("closing exec stream", e);
    }
  }

  private static String trimSlash(String name) {
    return name != null && name.startsWith("/") ? name.substring(1) : name;
  }

  /** Pull progress; an error in the stream fails the pull with the daemon's message. */
  private static final class PullCallback extends ResultCallback.Adapter<com.github.dockerjava.api.model.PullResponseItem> {
    @Override
    public void onNext(com.github.dockerjava.api.model.PullResponseItem item) {
      if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
        onError(new ContainerRuntimeException(item.getErrorDetail().getMessage()));
      }
    }
  }
}
