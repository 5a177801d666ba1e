package io.berth.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mesosphere.marathon.client.Marathon;
import mesosphere.marathon.client.MarathonClient;
import mesosphere.marathon.client.MarathonException;
import mesosphere.marathon.client.model.v2.App;
import mesosphere.marathon.client.model.v2.Container;
import mesosphere.marathon.client.model.v2.Docker;
import mesosphere.marathon.client.model.v2.Group;
import mesosphere.marathon.client.model.v2.Result;
import mesosphere.marathon.client.model.v2.VersionedApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real Marathon Java client (0.6.3) against the running application: Berth speaks its wire format. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(120)
class MarathonClientIT {

  static final Path DATA = tempDir();

  static final DropwizardAppExtension<SchedulerConfiguration> APP = new DropwizardAppExtension<>(
      SchedulerApplication.class, SchedulerApplication.DEFAULT_CONFIG,
      ConfigOverride.config("dataDir", DATA.toString()),
      ConfigOverride.config("server.applicationConnectors[0].port", "0"),
      ConfigOverride.config("server.adminConnectors[0].port", "0"),
      ConfigOverride.config("helpers.enabled", "off"));

  private Marathon marathon;

  @BeforeEach
  void client() throws MarathonException {
    marathon = MarathonClient.getInstance("http://127.0.0.1:" + APP.getLocalPort());
    for (VersionedApp app : marathon.getApps().getApps()) {
      marathon.deleteApp(app.getId());
    }
  }

  @Test
  void drivesAnAppThroughItsWholeLife() throws MarathonException {
    VersionedApp created = marathon.createApp(dockerApp("/team/web", 2));
    assertThat(created.getId()).isEqualTo("/team/web");
    assertThat(created.getVersion()).isNotBlank();
    assertThat(created.getInstances()).isEqualTo(2);

    App read = marathon.getApp("/team/web").getApp();
    assertThat(read.getContainer().getDocker().getImage()).isEqualTo("berth-test/busybox:latest");
    assertThat(read.getLabels()).containsEntry("role", "web");
    assertThat(marathon.getApps().getApps()).extracting(App::getId).containsExactly("/team/web");

    App scaled = new App();
    scaled.setInstances(5);
    Result update = marathon.updateApp("/team/web", scaled, false);
    assertThat(update.getDeploymentId()).isNotBlank();
    assertThat(update.getVersion()).isNotEqualTo(created.getVersion());
    assertThat(marathon.getApp("/team/web").getApp().getInstances()).isEqualTo(5);
    assertThat(marathon.getApp("/team/web").getApp().getCmd()).isEqualTo("sleep 3600");

    java.util.Collection<String> versions = marathon.getAppVersions("/team/web").getVersions();
    assertThat(versions).containsExactly(update.getVersion(), created.getVersion());
    assertThat(marathon.getAppVersion("/team/web", created.getVersion()).getInstances()).isEqualTo(2);

    Group team = marathon.getGroup("/team");
    assertThat(team.getApps()).extracting(App::getId).containsExactly("/team/web");

    assertThat(marathon.getAppTasks("/team/web").getTasks()).allMatch(t -> t.getAppId().equals("/team/web"));
    assertThat(marathon.restartApp("/team/web", false).getDeploymentId()).isNotBlank();

    Result deleted = marathon.deleteApp("/team/web");
    assertThat(deleted.getDeploymentId()).isNotBlank();
    assertThat(marathon.getApps().getApps()).isEmpty();
  }

  @Test
  void anInvalidDefinitionArrivesAs422() {
    App bad = dockerApp("/team/Bad_Id", 1);
    bad.setCpus(-1.0);
    MarathonException e = catchThrowableOfType(MarathonException.class, () -> marathon.createApp(bad));
    assertThat(e.getStatus()).isEqualTo(422);
    assertThat(e.getMessage()).contains("/id").contains("/cpus");
  }

  @Test
  void aDuplicateCreateArrivesAs409() throws MarathonException {
    marathon.createApp(dockerApp("/dup", 1));
    MarathonException e = catchThrowableOfType(MarathonException.class, () -> marathon.createApp(dockerApp("/dup", 1)));
    assertThat(e.getStatus()).isEqualTo(409);
    assertThat(e.getMessage()).contains("An app with id [/dup] already exists.");
  }

  @Test
  void anUnknownAppArrivesAs404() {
    MarathonException e = catchThrowableOfType(MarathonException.class, () -> marathon.getApp("/no/such/app"));
    assertThat(e.getStatus()).isEqualTo(404);
    assertThat(e.getMessage()).contains("App '/no/such/app' does not exist");
  }

  static App dockerApp(String id, int instances) {
    App app = new App();
    app.setId(id);
    app.setCmd("sleep 3600");
    app.setInstances(instances);
    app.setCpus(0.1);
    app.setMem(32.0);
    app.setLabels(Map.of("role", "web"));
    Docker docker = new Docker();
    docker.setImage("berth-test/busybox:latest");
    docker.setNetwork("HOST");
    Container container = new Container();
    container.setType("DOCKER");
    container.setDocker(docker);
    app.setContainer(container);
    return app;
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("berth-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
