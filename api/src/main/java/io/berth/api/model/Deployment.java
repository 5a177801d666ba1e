package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A running deployment, as {@code GET /v2/deployments} lists it. {@code currentStep} counts from 1;
 * {@code steps} are the whole plan, {@code currentActions} what runs now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deployment(
    String id,
    String version,
    List<String> affectedApps,
    List<Step> steps,
    List<Action> currentActions,
    Integer currentStep,
    Integer totalSteps) {

  public Deployment {
    affectedApps = affectedApps == null ? List.of() : List.copyOf(affectedApps);
    steps = steps == null ? List.of() : List.copyOf(steps);
    currentActions = currentActions == null ? List.of() : List.copyOf(currentActions);
  }

  /** One step of the plan: actions that run together. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Step(List<Action> actions) {
    public Step {
      actions = actions == null ? List.of() : List.copyOf(actions);
    }
  }

  /**
   * One action on one app: {@code StartApplication}, {@code StopApplication}, {@code ScaleApplication},
   * {@code RestartApplication}. Marathon 1.x names it {@code action}, the 0.6.3 Java client reads
   * {@code type}: servers send both with the same value.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Action(String action, String type, String app, List<ReadinessCheckResult> readinessCheckResults) {

    public Action {
      readinessCheckResults = readinessCheckResults == null ? null : List.copyOf(readinessCheckResults);
    }

    /** An action named the way both old and new readers understand. */
    public static Action of(String action, String app) {
      return new Action(action, action, app, null);
    }

    /** The action's name, whichever field carried it. */
    public String name() {
      return action != null ? action : type;
    }
  }

  /** The latest readiness outcome of one task during a deployment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ReadinessCheckResult(String name, String taskId, Boolean ready, HttpResponse lastResponse) {}

  /** The last response of a readiness check (kept when {@code preserveLastResponse} is set). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HttpResponse(Integer status, String contentType, String body) {}
}
