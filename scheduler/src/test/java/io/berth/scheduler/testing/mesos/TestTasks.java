package io.berth.scheduler.testing.mesos;

import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;

/** TaskInfos and ACCEPTs for the emulator's tests. */
final class TestTasks {

  private TestTasks() {}

  static Resource scalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }

  static Resource port(int port) {
    return Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
        .setRanges(Value.Ranges.newBuilder().addRange(Value.Range.newBuilder().setBegin(port).setEnd(port))).build();
  }

  /** A task of 0.5 cpus and 64 MB run by a custom executor of 0.1 cpus and 32 MB whose command is given. */
  static TaskInfo.Builder aTask(String taskId, Offer offer, String executorCommand) {
    ExecutorInfo executor = ExecutorInfo.newBuilder().setType(ExecutorInfo.Type.CUSTOM)
        .setExecutorId(ExecutorID.newBuilder().setValue("executor." + taskId))
        .setCommand(CommandInfo.newBuilder().setValue(executorCommand))
        .addResources(scalar("cpus", 0.1)).addResources(scalar("mem", 32)).build();
    return TaskInfo.newBuilder().setName(taskId).setTaskId(TaskID.newBuilder().setValue(taskId))
        .setAgentId(offer.getAgentId()).addResources(scalar("cpus", 0.5)).addResources(scalar("mem", 64))
        .setExecutor(executor);
  }

  static TaskInfo.Builder aTask(String taskId, Offer offer) {
    return aTask(taskId, offer, "true");
  }

  static Call.Accept accept(Offer offer, TaskInfo... tasks) {
    Offer.Operation.Launch.Builder launch = Offer.Operation.Launch.newBuilder();
    for (TaskInfo t : tasks) {
      launch.addTaskInfos(t);
    }
    return Call.Accept.newBuilder().addOfferIds(offer.getId())
        .addOperations(Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH).setLaunch(launch))
        .setFilters(Filters.newBuilder().setRefuseSeconds(0)).build();
  }
}
