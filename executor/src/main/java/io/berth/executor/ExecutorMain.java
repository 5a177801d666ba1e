package io.berth.executor;

/**
 * Entry point of {@code berth-executor.jar}. The Mesos v1 executor comes in a later issue; until
 * then the jar only explains itself. The local cluster uses the pod code in-process instead.
 */
public final class ExecutorMain {

  private ExecutorMain() {}

  public static void main(String[] args) {
    System.out.println("berth-executor: runs one Berth task as a pod of Docker containers.");
    System.out.println("usage: launched by a Mesos agent (MESOS_* environment); not yet implemented.");
    System.exit(args.length == 0 ? 0 : 2);
  }
}
