package io.berth.scheduler.testing.mesos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.berth.scheduler.cluster.mesos.Encoding;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;

/**
 * The executor API of one emulated agent, {@code POST /api/v1/executor} (also under
 * {@code /slave(1)}), with the checks of {@code Http::executor} (reference section 1.5).
 */
final class AgentServer {

  private final Agent agent;
  private final HttpServer server;

  AgentServer(Agent agent, ExecutorService pool) throws IOException {
    this.agent = agent;
    this.server = Wire.serve("/api/v1/executor", "/slave(1)/api/v1/executor", 64, pool, this::handle);
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) {
    try {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        throw new Wire.Rejection(405, "Expecting one of { 'POST' }, but received '"
            + exchange.getRequestMethod() + "'");
      }
      Encoding encoding = Wire.contentType(exchange);
      Call call = Wire.decode(Wire.body(exchange), encoding, Call.newBuilder());
      if (call.getType() == Call.Type.HEARTBEAT) {
        Wire.answer(exchange, 202, ""); // before any other check, as the reference says
        return;
      }
      validate(call);
      EventStream stream = null;
      ExecutorRun run;
      synchronized (agent.master) {
        if (!agent.frameworks.containsKey(call.getFrameworkId().getValue())) {
          throw new Wire.Rejection(400, "Framework cannot be found");
        }
        run = agent.executors.get(ExecutorRun.key(call.getFrameworkId().getValue(),
            call.getExecutorId().getValue()));
        if (run == null || run.state == ExecutorRun.State.TERMINATED) {
          throw new Wire.Rejection(400, "Executor cannot be found");
        }
        switch (call.getType()) {
          case SUBSCRIBE -> {
            stream = new EventStream(exchange, Wire.accept(exchange));
            agent.executorSubscribed(run, stream, call.getSubscribe());
          }
          case UPDATE -> {
            requireSubscribed(run);
            agent.executorUpdate(run, call.getUpdate().getStatus());
          }
          case MESSAGE -> {
            requireSubscribed(run);
            agent.master.executorMessage(agent, run, call.getMessage().getData());
          }
          default -> throw new Wire.Rejection(501, "");
        }
      }
      if (stream != null) {
        ExecutorRun subscribed = run;
        stream.serve(false, s -> agent.executorStreamBroken(subscribed, s));
      } else {
        Wire.answer(exchange, 202, "");
      }
    } catch (Wire.Rejection r) {
      Wire.answer(exchange, r.status, r.getMessage());
    } catch (IOException e) {
      Wire.answer(exchange, 400, "Failed to read the body: " + e.getMessage());
    }
  }

  private static void requireSubscribed(ExecutorRun run) throws Wire.Rejection {
    if (run.state == ExecutorRun.State.LAUNCHING || run.state == ExecutorRun.State.REGISTERING) {
      throw new Wire.Rejection(403, "Executor is not subscribed");
    }
  }

  /** {@code validateExecutorCall}: envelope and UPDATE rules. */
  static void validate(Call call) throws Wire.Rejection {
    if (!call.hasType()) {
      throw new Wire.Rejection(400, "Expecting 'type' to be present");
    }
    if (!call.hasExecutorId()) {
      throw new Wire.Rejection(400, "Expecting 'executor_id' to be present");
    }
    if (!call.hasFrameworkId()) {
      throw new Wire.Rejection(400, "Expecting 'framework_id' to be present");
    }
    switch (call.getType()) {
      case SUBSCRIBE -> {
        if (!call.hasSubscribe()) {
          throw new Wire.Rejection(400, "Expecting 'subscribe' to be present");
        }
      }
      case UPDATE -> {
        if (!call.hasUpdate()) {
          throw new Wire.Rejection(400, "Expecting 'update' to be present");
        }
        TaskStatus status = call.getUpdate().getStatus();
        if (!status.hasUuid()) {
          throw new Wire.Rejection(400, "Expecting 'uuid' to be present");
        }
        if (status.getUuid().size() != 16) {
          throw new Wire.Rejection(400, "Invalid UUID: must be 16 bytes, got " + status.getUuid().size());
        }
        if (status.hasExecutorId() && !status.getExecutorId().equals(call.getExecutorId())) {
          throw new Wire.Rejection(400, "ExecutorID in Call: " + call.getExecutorId().getValue()
              + " does not match ExecutorID in TaskStatus: " + status.getExecutorId().getValue());
        }
        if (status.getSource() != TaskStatus.Source.SOURCE_EXECUTOR) {
          throw new Wire.Rejection(400, "Received Call from executor with invalid source");
        }
        if (status.getState() == TaskState.TASK_STAGING) {
          throw new Wire.Rejection(400, "Received TASK_STAGING from executor");
        }
      }
      case MESSAGE -> {
        if (!call.hasMessage()) {
          throw new Wire.Rejection(400, "Expecting 'message' to be present");
        }
      }
      default -> { }
    }
  }
}
