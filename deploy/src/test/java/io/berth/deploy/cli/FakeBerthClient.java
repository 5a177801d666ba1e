package io.berth.deploy.cli;

import io.berth.api.client.ApiException;
import io.berth.api.client.BerthClient;
import io.berth.api.model.App;
import io.berth.api.model.AppEnvelope;
import io.berth.api.model.AppList;
import io.berth.api.model.Deployment;
import io.berth.api.model.DeploymentResult;
import io.berth.api.model.ErrorBody;
import io.berth.api.model.Group;
import io.berth.api.model.Info;
import io.berth.api.model.Leader;
import io.berth.api.model.QueueList;
import io.berth.api.model.TaskEnvelope;
import io.berth.api.model.TaskList;
import io.berth.api.model.VersionList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory server for the CLI's unit tests: apps with stored versions, tasks that come up after
 * a given number of polls, and a log of the mutating calls. Endpoints the CLI does not use throw.
 */
class FakeBerthClient implements BerthClient {

  final Map<String, App> apps = new TreeMap<>();
  final Map<String, TreeMap<String, App>> versions = new HashMap<>();
  final Map<String, Integer> pollsUntilRunning = new HashMap<>();
  final List<String> calls = new ArrayList<>();
  private int clock;
  private int deployments;

  /** Stores {@code app} as a new version, as the server would. */
  FakeBerthClient with(App app) {
    store(app);
    return this;
  }

  /** The app's tasks show as running (and healthy) only from the {@code n+1}th read on. */
  FakeBerthClient runningAfterPolls(String id, int n) {
    pollsUntilRunning.put(id, n);
    return this;
  }

  private DeploymentResult store(App app) {
    String version = String.format("2026-01-01T00:00:%02d.000Z", ++clock);
    App stored = app.withoutStatus().withVersion(version, null);
    apps.put(app.id(), stored);
    versions.computeIfAbsent(app.id(), k -> new TreeMap<>()).put(version, stored);
    return new DeploymentResult("deployment-" + ++deployments, version);
  }

  private App existing(String id) {
    App app = apps.get(id);
    if (app == null) {
      throw new ApiException(404, ErrorBody.of("App '" + id + "' does not exist"));
    }
    return app;
  }

  private App withStatus(App app) {
    int polls = pollsUntilRunning.getOrDefault(app.id(), 0);
    pollsUntilRunning.put(app.id(), polls - 1);
    int running = polls > 0 ? 0 : app.instances() == null ? 1 : app.instances();
    return app.toBuilder().tasksRunning(running).tasksHealthy(running).tasksStaged(0).tasksUnhealthy(0).build();
  }

  @Override
  public AppList apps(List<String> embed, String id, String label) {
    calls.add("GET apps id=" + id + " label=" + label);
    return new AppList(apps.values().stream().filter(a -> id == null || a.id().contains(id))
        .map(this::withStatus).toList());
  }

  @Override
  public AppEnvelope app(String appId, List<String> embed) {
    return new AppEnvelope(withStatus(existing(appId)));
  }

  @Override
  public DeploymentResult updateApp(String appId, App app, Boolean force, Boolean partialUpdate) {
    calls.add("PUT " + appId + " force=" + force + " partialUpdate=" + partialUpdate);
    App next = app;
    if (!Boolean.FALSE.equals(partialUpdate) && apps.containsKey(appId) && app.instances() != null) {
      next = apps.get(appId).withInstances(app.instances());
    }
    return store(next.toBuilder().id(appId).build());
  }

  @Override
  public DeploymentResult deleteApp(String appId, Boolean force) {
    existing(appId);
    calls.add("DELETE " + appId + " force=" + force);
    apps.remove(appId);
    return new DeploymentResult("deployment-" + ++deployments, "2026-01-01T00:59:59.000Z");
  }

  @Override
  public DeploymentResult restartApp(String appId, Boolean force) {
    calls.add("RESTART " + appId + " force=" + force);
    return store(existing(appId));
  }

  @Override
  public VersionList appVersions(String appId) {
    existing(appId);
    return new VersionList(new ArrayList<>(versions.get(appId).descendingKeySet()));
  }

  @Override
  public App appVersion(String appId, String version) {
    App app = versions.getOrDefault(appId, new TreeMap<>()).get(version);
    if (app == null) {
      throw new ApiException(404, ErrorBody.of("App '" + appId + "' does not exist in version " + version));
    }
    return app;
  }

  @Override
  public App createApp(App app) {
    throw new UnsupportedOperationException();
  }

  @Override
  public DeploymentResult patchApp(String appId, App patch, Boolean force) {
    throw new UnsupportedOperationException();
  }

  @Override
  public TaskList appTasks(String appId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public TaskList killTasks(String appId, String host, Boolean wipe) {
    throw new UnsupportedOperationException();
  }

  @Override
  public DeploymentResult killTasksAndScale(String appId, String host) {
    throw new UnsupportedOperationException();
  }

  @Override
  public TaskEnvelope killTask(String appId, String taskId, Boolean wipe) {
    throw new UnsupportedOperationException();
  }

  @Override
  public DeploymentResult killTaskAndScale(String appId, String taskId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public TaskList tasks(String status) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Group rootGroup() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Group group(String groupId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Deployment> deployments() {
    throw new UnsupportedOperationException();
  }

  @Override
  public DeploymentResult rollBackDeployment(String deploymentId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void cancelDeployment(String deploymentId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public QueueList queue() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Info info() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Leader leader() {
    throw new UnsupportedOperationException();
  }

  @Override
  public String ping() {
    throw new UnsupportedOperationException();
  }
}
