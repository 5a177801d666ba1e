package io.berth.api.model;

import static io.berth.api.model.AppBuilder.aDockerApp;
import static io.berth.api.model.AppBuilder.anApp;
import static io.berth.api.model.Verdicts.assertBreaks;
import static io.berth.api.model.Verdicts.assertValid;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link AppValidator} on {@code container}: type, Docker image, network, parameters, volumes. */
class ContainerRulesTest {

  @Nested
  class TypeAndImage {

    @Test
    void typeIsDockerOrMesos() {
      assertValid(anApp().withContainerType("MESOS"));
      assertBreaks(anApp().withContainerType("RKT"), "/container/type", "must be one of DOCKER, MESOS");
    }

    @Test
    void aDockerContainerNeedsItsDockerSection() {
      assertBreaks(anApp().withContainerType("DOCKER"), "/container/docker", "must be given for a DOCKER container");
    }

    @Test
    void theImageMustBeGivenWithoutWhitespace() {
      assertBreaks(aDockerApp().withDockerImage(""), "/container/docker/image", "must not be empty");
      assertBreaks(aDockerApp().withDockerImage("nginx latest"), "/container/docker/image",
          "must not contain whitespace");
    }

    @Test
    void theDockerNetworkIsAKnownMode() {
      assertValid(aDockerApp().withDockerNetwork("NONE"));
      assertBreaks(aDockerApp().withDockerNetwork("OVERLAY"), "/container/docker/network",
          "must be one of BRIDGE, HOST, NONE, USER");
    }
  }

  @Nested
  class Parameters {

    @Test
    void parametersNeedAKeyAndAValue() {
      assertValid(withParameter(new Parameter("log-driver", "json-file")));
      assertBreaks(withParameter(new Parameter(" ", "x")), "/container/docker/parameters/0/key", "must not be empty");
      assertBreaks(withParameter(new Parameter("label", null)), "/container/docker/parameters/0/value",
          "must be given");
    }

    private AppBuilder withParameter(Parameter p) {
      return anApp().withoutCmd().withDocker(new Docker("nginx", null, null, List.of(p), null, null));
    }
  }

  @Nested
  class Volumes {

    @Test
    void hostVolumesAreValid() {
      assertValid(aDockerApp().withVolumes(new Volume("/data", "/srv/data", "RW"), new Volume("/etc/x", "/x", "RO")));
    }

    @Test
    void aVolumeMustNotBeNull() {
      assertBreaks(aDockerApp().withVolumes((Volume) null), "/container/volumes/0", "must not be null");
    }

    @Test
    void containerPathMustBeGiven() {
      assertBreaks(aDockerApp().withVolumes(new Volume("", "/srv", "RW")), "/container/volumes/0/containerPath",
          "must not be empty");
    }

    @Test
    void onlyHostVolumesAreSupported() {
      assertBreaks(aDockerApp().withVolumes(new Volume("/data", null, "RW")), "/container/volumes/0/hostPath",
          "only host volumes are supported");
    }

    @Test
    void modeIsReadOnlyOrReadWrite() {
      assertBreaks(aDockerApp().withVolumes(new Volume("/data", "/srv", "RX")), "/container/volumes/0/mode",
          "must be one of RO, RW");
      assertBreaks(aDockerApp().withVolumes(new Volume("/data", "/srv", null)), "/container/volumes/0/mode",
          "must be one of RO, RW");
    }
  }
}
