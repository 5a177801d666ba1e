package io.berth.executor;

import io.berth.executor.mesos.ExecutorEnvironment;
import io.berth.executor.mesos.MesosExecutor;

/**
 * Entry point of {@code berth-executor.jar}: a Mesos v1 HTTP executor, started by a Mesos agent
 * with the {@code MESOS_*} environment. Without that environment it explains itself.
 */
public final class ExecutorMain {

  private ExecutorMain() {}

  public static void main(String[] args) {
    if (args.length > 0 || System.getenv("MESOS_AGENT_ENDPOINT") == null) {
      usage();
      System.exit(args.length == 0 || args[0].equals("--help") || args[0].equals("-h") ? 0 : 2);
    }
    ExecutorEnvironment env;
    try {
      env = ExecutorEnvironment.from(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("berth-executor: " + e.getMessage());
      System.exit(2);
      return;
    }
    MesosExecutor executor = MesosExecutor.onDocker(env).start();
    Runtime.getRuntime().addShutdownHook(new Thread(executor::close, "berth-executor-shutdown"));
    System.exit(executor.exitCode().join());
  }

  private static void usage() {
    System.out.println("""
        berth-executor: runs Berth tasks as pods of Docker containers, as a Mesos v1 HTTP executor.
        usage: java -jar berth-executor.jar   (started by a Mesos agent)
        environment (set by the agent):
          MESOS_AGENT_ENDPOINT                  ip:port of the agent (required)
          MESOS_FRAMEWORK_ID, MESOS_EXECUTOR_ID (required)
          MESOS_CHECKPOINT                      1 or 0
          MESOS_RECOVERY_TIMEOUT                e.g. 15mins
          MESOS_SUBSCRIPTION_BACKOFF_MAX        e.g. 2secs
          MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD  e.g. 5secs
          MESOS_EXECUTOR_AUTHENTICATION_TOKEN   when executor authentication is on
          MESOS_SLAVE_ID                        the agent's id (SUBSCRIBED names it too)
          BERTH_EXECUTOR_ENCODING               json (default) or protobuf
          BERTH_EXECUTOR_REAP_INTERVAL          how often to remove pods of dead executors (default 60secs)
          DOCKER_HOST                           the Docker engine (default unix:///var/run/docker.sock)""");
  }
}
