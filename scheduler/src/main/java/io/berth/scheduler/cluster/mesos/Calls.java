package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import io.berth.scheduler.cluster.ClusterDriver.TaskRef;
import io.berth.scheduler.core.matching.OfferId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * Builds the scheduler calls Berth sends, from Berth's own values. Every call but the first
 * SUBSCRIBE carries the framework id; the stream id travels as a header, not here.
 */
public final class Calls {
  /**
   * PARTITION_AWARE: lost agents give TASK_UNREACHABLE, not TASK_LOST. MULTI_ROLE: {@code roles}
   * and {@code allocation_info}. TASK_KILLING_STATE: the executor may report TASK_KILLING.
   */
  static final List<Capability.Type> CAPABILITIES = List.of(
      Capability.Type.PARTITION_AWARE, Capability.Type.MULTI_ROLE, Capability.Type.TASK_KILLING_STATE);

  private Calls() {}

  /** SUBSCRIBE; {@code frameworkId} is the stored id when resubscribing, null the very first time. */
  public static Call subscribe(FrameworkSettings settings, String frameworkId) {
    FrameworkInfo.Builder info = FrameworkInfo.newBuilder()
        .setName(settings.name())
        .setUser(settings.user())
        .addAllRoles(settings.roles())
        .setFailoverTimeout(seconds(settings.failoverTimeout()))
        .setCheckpoint(true);
    CAPABILITIES.forEach(type -> info.addCapabilities(Capability.newBuilder().setType(type)));
    if (settings.principal() != null) {
      info.setPrincipal(settings.principal());
    }
    Call.Builder call = Call.newBuilder().setType(Call.Type.SUBSCRIBE);
    if (frameworkId != null) {
      info.setId(frameworkId(frameworkId));
      call.setFrameworkId(frameworkId(frameworkId));
    }
    return call.setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(info)).build();
  }

  /**
   * ACCEPT of one offer with one LAUNCH operation per task. Resources of the offer left unused are
   * declined for {@code refuse}.
   *
   * @param allocationRole the role the offer was allocated to ({@code Offer.allocation_info.role});
   *     null lets the master fill it in
   */
  public static Call accept(String frameworkId, OfferId offer, String allocationRole, List<TaskLaunch> tasks,
                            Duration refuse) {
    Call.Accept.Builder accept = Call.Accept.newBuilder()
        .addOfferIds(org.apache.mesos.v1.Protos.OfferID.newBuilder().setValue(offer.value()))
        .setFilters(filters(refuse));
    for (TaskLaunch task : tasks) {
      accept.addOperations(Operation.newBuilder()
          .setType(Operation.Type.LAUNCH)
          .setLaunch(Operation.Launch.newBuilder()
              .addTaskInfos(TaskInfos.of(frameworkId, task, allocationRole))));
    }
    return call(frameworkId, Call.Type.ACCEPT).setAccept(accept).build();
  }

  public static Call decline(String frameworkId, Collection<OfferId> offers, Duration refuse) {
    Call.Decline.Builder decline = Call.Decline.newBuilder().setFilters(filters(refuse));
    offers.forEach(offer -> decline.addOfferIds(
        org.apache.mesos.v1.Protos.OfferID.newBuilder().setValue(offer.value())));
    return call(frameworkId, Call.Type.DECLINE).setDecline(decline).build();
  }

  /** SUPPRESS offers for {@code roles}; empty means all the framework's roles. */
  public static Call suppress(String frameworkId, List<String> roles) {
    return call(frameworkId, Call.Type.SUPPRESS)
        .setSuppress(Call.Suppress.newBuilder().addAllRoles(roles)).build();
  }

  /** REVIVE offers for {@code roles} (empty: all), clearing their refuse filters. */
  public static Call revive(String frameworkId, List<String> roles) {
    return call(frameworkId, Call.Type.REVIVE)
        .setRevive(Call.Revive.newBuilder().addAllRoles(roles)).build();
  }

  public static Call acknowledge(String frameworkId, AckId ack) {
    return call(frameworkId, Call.Type.ACKNOWLEDGE)
        .setAcknowledge(Call.Acknowledge.newBuilder()
            .setAgentId(agentId(ack.agentId()))
            .setTaskId(taskId(ack.taskId()))
            .setUuid(ByteString.copyFrom(ack.uuid())))
        .build();
  }

  /** RECONCILE these tasks (explicit); an empty list asks about every task the master knows (implicit). */
  public static Call reconcile(String frameworkId, List<TaskRef> tasks) {
    Call.Reconcile.Builder reconcile = Call.Reconcile.newBuilder();
    for (TaskRef task : tasks) {
      Call.Reconcile.Task.Builder ref = Call.Reconcile.Task.newBuilder().setTaskId(taskId(task.taskId()));
      if (task.agentId() != null) {
        ref.setAgentId(agentId(task.agentId()));
      }
      reconcile.addTasks(ref);
    }
    // The (possibly empty) reconcile object must be present, or the master answers 400.
    return call(frameworkId, Call.Type.RECONCILE).setReconcile(reconcile).build();
  }

  /** KILL, with {@code grace} between SIGTERM (docker stop) and the forced kill; agent id may be null. */
  public static Call kill(String frameworkId, String taskId, String agentId, Duration grace) {
    Call.Kill.Builder kill = Call.Kill.newBuilder()
        .setTaskId(taskId(taskId))
        .setKillPolicy(KillPolicy.newBuilder().setGracePeriod(duration(grace)));
    if (agentId != null) {
      kill.setAgentId(agentId(agentId));
    }
    return call(frameworkId, Call.Type.KILL).setKill(kill).build();
  }

  /** TEARDOWN: Mesos kills every task of the framework and forgets it. */
  public static Call teardown(String frameworkId) {
    return call(frameworkId, Call.Type.TEARDOWN).build();
  }

  private static Call.Builder call(String frameworkId, Call.Type type) {
    return Call.newBuilder().setFrameworkId(frameworkId(frameworkId)).setType(type);
  }

  static FrameworkID frameworkId(String value) {
    requireNonNull(value, "frameworkId");
    return FrameworkID.newBuilder().setValue(value).build();
  }

  static AgentID agentId(String value) {
    requireNonNull(value, "agentId");
    return AgentID.newBuilder().setValue(value).build();
  }

  static TaskID taskId(String value) {
    requireNonNull(value, "taskId");
    return TaskID.newBuilder().setValue(value).build();
  }

  static DurationInfo duration(Duration value) {
    requireNonNull(value, "duration");
    if (value.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + value);
    }
    return DurationInfo.newBuilder().setNanoseconds(value.toNanos()).build();
  }

  private static Filters filters(Duration refuse) {
    return Filters.newBuilder().setRefuseSeconds(seconds(refuse)).build();
  }

  private static double seconds(Duration value) {
    requireNonNull(value, "duration");
    return value.toMillis() / 1000.0;
  }
}
