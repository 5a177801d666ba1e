package io.berth.executor.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DockerErrorsTest {

  @Test
  void keepsTheDaemonsOwnMessage() {
    InternalServerErrorException e = new InternalServerErrorException(
        "Status 500: {\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": dial tcp: no such host\"}\n");
    assertThatThrownBy(() -> DockerErrors.call("pull", () -> {
      throw e;
    })).isInstanceOf(ContainerRuntimeException.class).isNotInstanceOf(TransientContainerRuntimeException.class)
        .hasMessage("Get \"https://registry-1.docker.io/v2/\": dial tcp: no such host");
  }

  @Test
  void anUnreachableDaemonIsTransientAndRetried() {
    AtomicInteger attempts = new AtomicInteger();
    String result = DockerErrors.retrying("inspect", () -> {
      if (attempts.incrementAndGet() < 3) {
        throw new RuntimeException(new ConnectException("Connection refused"));
      }
      return "ok";
    });
    assertThat(result).isEqualTo("ok");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void givesUpAfterThreeAttemptsAndNeverRetriesPermanentErrors() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> DockerErrors.retrying("inspect", () -> {
      attempts.incrementAndGet();
      throw new RuntimeException(new ConnectException("Connection refused"));
    })).isInstanceOf(TransientContainerRuntimeException.class).hasMessageContaining("cannot reach the Docker daemon");
    assertThat(attempts).hasValue(DockerErrors.ATTEMPTS);

    AtomicInteger notFound = new AtomicInteger();
    assertThatThrownBy(() -> DockerErrors.retrying("inspect", () -> {
      notFound.incrementAndGet();
      throw new NotFoundException("Status 404: {\"message\":\"No such container: x\"}");
    })).isInstanceOf(NotFoundRuntimeException.class).hasMessage("No such container: x");
    assertThat(notFound).hasValue(1);
  }

  @Test
  void splitsImageNamesForThePullApi() {
    assertThat(ImageName.parse("busybox")).isEqualTo(new ImageName("busybox", "latest"));
    assertThat(ImageName.parse("localhost:5000/team/web:1.2")).isEqualTo(new ImageName("localhost:5000/team/web", "1.2"));
    assertThat(ImageName.parse("localhost:5000/web")).isEqualTo(new ImageName("localhost:5000/web", "latest"));
    assertThat(ImageName.parse("web@sha256:abc")).isEqualTo(new ImageName("web", "sha256:abc"));
  }
}
