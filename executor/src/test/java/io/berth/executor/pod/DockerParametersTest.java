package io.berth.executor.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.model.Parameter;
import io.berth.api.model.Volume;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerParametersTest {

  @Test
  void mapsSupportedParametersToHostOptions() {
    DockerParameters.Applied a = DockerParameters.apply(List.of(
        new Parameter("cap-add", "NET_ADMIN"), new Parameter("--ulimit", "nofile=1024:2048"),
        new Parameter("shm-size", "64m"), new Parameter("env", "A=b=c"), new Parameter("label", "x=y"),
        new Parameter("read-only", "true"), new Parameter("user", "nobody"), new Parameter("sysctl", "net.core.somaxconn=1024")),
        List.of(new Volume("/data", "/srv/data", "RO")), true);
    HostOptions o = a.options();
    assertThat(o.privileged()).isTrue();
    assertThat(o.capAdd()).containsExactly("NET_ADMIN");
    assertThat(o.ulimits()).containsExactly(new HostOptions.Ulimit("nofile", 1024, 2048));
    assertThat(o.shmSizeBytes()).isEqualTo(64L << 20);
    assertThat(o.readOnlyRootfs()).isTrue();
    assertThat(o.user()).isEqualTo("nobody");
    assertThat(o.binds()).containsExactly("/srv/data:/data:ro");
    assertThat(o.sysctls()).containsEntry("net.core.somaxconn", "1024");
    assertThat(a.env()).containsEntry("A", "b=c");
    assertThat(a.labels()).containsEntry("x", "y");
  }

  @Test
  void unknownParametersAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> DockerParameters.apply(List.of(new Parameter("log-driver", "syslog")), List.of(), false))
        .isInstanceOf(InvalidPodException.class)
        .hasMessageContaining("unsupported docker parameter 'log-driver'").hasMessageContaining("cap-add");
  }

  @Test
  void malformedValuesAreRefused() {
    assertThatThrownBy(() -> DockerParameters.apply(List.of(new Parameter("shm-size", "lots")), List.of(), false))
        .isInstanceOf(InvalidPodException.class).hasMessageContaining("shm-size");
    assertThatThrownBy(() -> DockerParameters.apply(List.of(new Parameter("label", "berth.role=x")), List.of(), false))
        .isInstanceOf(InvalidPodException.class).hasMessageContaining("berth.");
  }
}
