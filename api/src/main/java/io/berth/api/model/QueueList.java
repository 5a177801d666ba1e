package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GET /v2/queue}: the instances waiting to launch, and why they wait. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueueList(List<Item> queue) {

  public QueueList {
    queue = queue == null ? List.of() : List.copyOf(queue);
  }

  /** One app with {@code count} instances to launch since {@code since} (ISO-8601). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Item(App app, Integer count, Delay delay, String since, OffersSummary processedOffersSummary) {}

  /** The launch backoff: seconds left, and whether the launch is overdue. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Delay(Integer timeLeftSeconds, Boolean overdue) {}

  /** How recent offers were used, and the reasons they were declined. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OffersSummary(
      Integer processedOffersCount,
      Integer unusedOffersCount,
      String lastUnusedOfferAt,
      String lastUsedOfferAt,
      List<RejectSummary> rejectSummaryLastOffers,
      List<RejectSummary> rejectSummaryLaunchAttempt) {}

  /** For one reason (e.g. {@code InsufficientMemory}): offers processed and declined for it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RejectSummary(String reason, Integer declined, Integer processed) {}
}
