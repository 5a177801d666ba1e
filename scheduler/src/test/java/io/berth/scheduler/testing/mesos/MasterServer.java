package io.berth.scheduler.testing.mesos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.berth.scheduler.cluster.mesos.Encoding;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * One emulated master process: {@code POST /api/v1/scheduler} (and {@code /master/api/v1/scheduler})
 * with the checks, in the order, of {@code Master::Http::scheduler} (reference section 1.5). A
 * master that does not lead redirects; with no leader it answers 503.
 */
final class MasterServer {

  private final int index;
  private final Master master;
  private final HttpServer server;

  MasterServer(int index, Master master, ExecutorService pool) throws IOException {
    this.index = index;
    this.master = master;
    this.server = Wire.serve("/api/v1/scheduler", "/master/api/v1/scheduler", 128, pool, this::handle);
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) {
    String streamId = exchange.getRequestHeaders().getFirst("Mesos-Stream-Id");
    Call call = null;
    int status;
    String body = "";
    byte[] bytes = null;
    try {
      bytes = Wire.body(exchange);
      leaderCheck(exchange);
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        throw new Wire.Rejection(405, "Expecting one of { 'POST' }, but received '"
            + exchange.getRequestMethod() + "'");
      }
      Encoding encoding = Wire.contentType(exchange);
      call = Wire.decode(bytes, encoding, Call.newBuilder());
      validate(call);
      if (call.getType() == Call.Type.SUBSCRIBE) {
        Encoding events = Wire.accept(exchange);
        if (streamId != null) {
          throw new Wire.Rejection(400, "Subscribe calls should not include the 'Mesos-Stream-Id' header");
        }
        record(exchange, call, streamId, 200);
        EventStream stream = new EventStream(exchange, events);
        synchronized (master) {
          if (master.noLeader || master.leader != index) {
            stream.drop(); // lost the leadership in between
          } else {
            master.subscribe(stream, call.getSubscribe());
          }
        }
        stream.serve(true, master::streamBroken);
        return;
      }
      status = master.call(call, streamId);
    } catch (Wire.Rejection r) {
      status = r.status;
      body = r.getMessage();
    } catch (IOException e) {
      status = 400;
      body = "Failed to read the body: " + e.getMessage();
    }
    record(exchange, call != null ? call : readable(exchange, bytes), streamId, status);
    Wire.answer(exchange, status, body);
  }

  /** For the call log only: what a rejected (redirected, refused) call was, when it can be read. */
  private static Call readable(HttpExchange exchange, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return Wire.decode(bytes, Wire.contentType(exchange), Call.newBuilder());
    } catch (Wire.Rejection e) {
      return null;
    }
  }

  private void leaderCheck(HttpExchange exchange) throws Wire.Rejection {
    synchronized (master) {
      if (master.noLeader) {
        throw new Wire.Rejection(503, "No leader elected");
      }
      if (master.leader != index) {
        exchange.getResponseHeaders().set("Location",
            "//127.0.0.1:" + master.masterPorts.get(master.leader) + "/api/v1/scheduler");
        throw new Wire.Rejection(307, "");
      }
    }
  }

  private void record(HttpExchange exchange, Call call, String streamId, int status) {
    String type = call != null && call.hasType() ? call.getType().name() : null;
    String fwId = call != null && call.hasFrameworkId() ? call.getFrameworkId().getValue() : null;
    master.calls.add(new CallRecord(index, type, fwId, streamId, status,
        exchange.getRequestHeaders().getFirst("Content-Type")));
  }

  /** {@code validation::scheduler::call::validate}. */
  static void validate(Call call) throws Wire.Rejection {
    if (!call.hasType()) {
      throw new Wire.Rejection(400, "Failed to validate scheduler::Call: Expecting 'type' to be present");
    }
    if (call.getType() == Call.Type.SUBSCRIBE) {
      if (!call.hasSubscribe()) {
        throw invalid("Expecting 'subscribe' to be present");
      }
      if (!call.getSubscribe().getFrameworkInfo().getId().equals(call.getFrameworkId())) {
        throw invalid("'framework_id' differs from 'subscribe.framework_info.id'");
      }
      return;
    }
    if (!call.hasFrameworkId()) {
      throw invalid("Expecting 'framework_id' to be present");
    }
    String missing = switch (call.getType()) {
      case ACCEPT -> call.hasAccept() ? null : "accept";
      case DECLINE -> call.hasDecline() ? null : "decline";
      case KILL -> call.hasKill() ? null : "kill";
      case SHUTDOWN -> call.hasShutdown() ? null : "shutdown";
      case ACKNOWLEDGE -> call.hasAcknowledge() ? null : "acknowledge";
      case ACKNOWLEDGE_OPERATION_STATUS -> call.hasAcknowledgeOperationStatus() ? null
          : "acknowledge_operation_status";
      case RECONCILE -> call.hasReconcile() ? null : "reconcile";
      case RECONCILE_OPERATIONS -> call.hasReconcileOperations() ? null : "reconcile_operations";
      case MESSAGE -> call.hasMessage() ? null : "message";
      case REQUEST -> call.hasRequest() ? null : "request";
      case ACCEPT_INVERSE_OFFERS -> call.hasAcceptInverseOffers() ? null : "accept_inverse_offers";
      case DECLINE_INVERSE_OFFERS -> call.hasDeclineInverseOffers() ? null : "decline_inverse_offers";
      case UPDATE_FRAMEWORK -> call.hasUpdateFramework() ? null : "update_framework";
      default -> null;
    };
    if (missing != null) {
      throw invalid("Expecting '" + missing + "' to be present");
    }
    if (call.getType() == Call.Type.ACKNOWLEDGE && call.getAcknowledge().getUuid().size() != 16) {
      throw invalid("Invalid UUID: must be 16 bytes, got " + call.getAcknowledge().getUuid().size());
    }
  }

  private static Wire.Rejection invalid(String message) {
    return new Wire.Rejection(400, "Failed to validate scheduler::Call: " + message);
  }
}
