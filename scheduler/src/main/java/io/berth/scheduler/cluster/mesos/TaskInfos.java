package io.berth.scheduler.cluster.mesos;

import com.google.protobuf.ByteString;
import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.matching.RoleShare;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.Value;

/**
 * The TaskInfo of one launch: the task's resources, the Berth executor that runs it and the payload.
 * Resources use the pre-refinement format (the legacy {@code role} field: {@code *} or the
 * statically reserved role), since Berth does not declare RESERVATION_REFINEMENT.
 */
final class TaskInfos {
  /** The name the fetcher gives the executor jar in the sandbox. */
  static final String EXECUTOR_JAR = "berth-executor.jar";
  static final String EXECUTOR_COMMAND = "java -jar " + EXECUTOR_JAR;

  private TaskInfos() {}

  static TaskInfo of(String frameworkId, TaskLaunch task, String allocationRole) {
    ExecutorLaunch executor = task.executor();
    ExecutorInfo.Builder executorInfo = ExecutorInfo.newBuilder()
        .setType(ExecutorInfo.Type.CUSTOM)
        .setExecutorId(ExecutorID.newBuilder().setValue(executor.executorId()))
        .setFrameworkId(Calls.frameworkId(frameworkId))
        .setName("Berth executor for " + task.taskId())
        .setCommand(CommandInfo.newBuilder()
            .addUris(CommandInfo.URI.newBuilder()
                .setValue(executor.jarUri())
                .setExtract(false)
                .setExecutable(false)
                .setCache(executor.cacheable())
                .setOutputFile(EXECUTOR_JAR))
            .setShell(true)
            .setValue(EXECUTOR_COMMAND))
        .addAllResources(resources(executor.resources(), allocationRole));
    if (executor.shutdownGrace() != null) {
      executorInfo.setShutdownGracePeriod(Calls.duration(executor.shutdownGrace()));
    }
    TaskInfo.Builder info = TaskInfo.newBuilder()
        .setName(task.name())
        .setTaskId(Calls.taskId(task.taskId()))
        .setAgentId(Calls.agentId(task.agentId()))
        .addAllResources(resources(task.resources(), allocationRole))
        .setExecutor(executorInfo)
        .setData(ByteString.copyFrom(task.data()));
    if (task.killGrace() != null) {
      info.setKillPolicy(KillPolicy.newBuilder().setGracePeriod(Calls.duration(task.killGrace())));
    }
    return info.build();
  }

  static List<Resource> resources(List<RoleShare> shares, String allocationRole) {
    List<Resource> resources = new ArrayList<>();
    for (RoleShare share : shares) {
      Resources scalars = share.scalars();
      addScalar(resources, "cpus", scalars.cpus(), share.role(), allocationRole);
      addScalar(resources, "mem", scalars.memMb(), share.role(), allocationRole);
      addScalar(resources, "disk", scalars.diskMb(), share.role(), allocationRole);
      addScalar(resources, "gpus", scalars.gpus(), share.role(), allocationRole);
      if (!share.ports().isEmpty()) {
        Resource.Builder ports = base("ports", Value.Type.RANGES, share.role(), allocationRole);
        Value.Ranges.Builder ranges = Value.Ranges.newBuilder();
        for (int port : share.ports()) {
          ranges.addRange(Value.Range.newBuilder().setBegin(port).setEnd(port));
        }
        resources.add(ports.setRanges(ranges).build());
      }
    }
    return resources;
  }

  private static void addScalar(List<Resource> resources, String name, double value, String role,
                                String allocationRole) {
    if (Resources.thousandths(value) > 0) {
      resources.add(base(name, Value.Type.SCALAR, role, allocationRole)
          .setScalar(Value.Scalar.newBuilder().setValue(Resources.thousandths(value) / 1000.0))
          .build());
    }
  }

  @SuppressWarnings("deprecation") // Resource.role: the pre-refinement format, see the class comment
  private static Resource.Builder base(String name, Value.Type type, String role, String allocationRole) {
    Resource.Builder resource = Resource.newBuilder().setName(name).setType(type).setRole(role);
    if (allocationRole != null) {
      resource.setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole(allocationRole));
    }
    return resource;
  }
}
