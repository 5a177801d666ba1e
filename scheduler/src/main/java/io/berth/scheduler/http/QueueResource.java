package io.berth.scheduler.http;

import io.berth.api.model.App;
import io.berth.scheduler.core.apps.Versions;
import io.berth.scheduler.core.matching.Unplaced;
import io.berth.scheduler.core.matching.Veto;
import io.berth.scheduler.engine.AppService;
import io.berth.scheduler.engine.EngineTaskQueries;
import io.berth.scheduler.engine.TaskKiller;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /v2/queue}: instances waiting to launch, their app's launch delay, and — from the last
 * matching round — which resource, port or constraint no offer met, on how many offers
 * ({@code processedOffersSummary} as Marathon, plus {@code waitingReasons} in words).
 */
@Path("/v2/queue")
@Produces(MediaType.APPLICATION_JSON)
public final class QueueResource {

  private final EngineTaskQueries queries;
  private final AppService apps;
  private final TaskKiller killer;

  @Inject
  QueueResource(EngineTaskQueries queries, AppService apps, TaskKiller killer) {
    this.queries = queries;
    this.apps = apps;
    this.killer = killer;
  }

  @GET
  public Map<String, List<Map<String, Object>>> queue() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EngineTaskQueries.Queued q : queries.queue()) {
      App app = apps.get(q.entry().appId()).orElse(null);
      if (app == null) {
        continue;
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("app", app);
      item.put("count", q.entry().count());
      item.put("delay", Map.of("timeLeftSeconds", q.entry().timeLeftSeconds(), "overdue", q.entry().overdue()));
      item.put("since", Versions.format(q.entry().since()));
      q.lastRound().ifPresent(u -> {
        item.put("processedOffersSummary", summary(u));
        item.put("waitingReasons", u.vetoes().stream().map(Veto::toString).toList());
      });
      out.add(item);
    }
    return Map.of("queue", out);
  }

  @DELETE
  @Path("{id:.+}/delay")
  public Response resetDelay(@PathParam("id") String rawId) {
    String id = io.berth.api.model.PathId.canonical(rawId);
    if (apps.get(id).isEmpty() || !killer.resetDelay(id)) {
      throw ApiException.notFound("Application " + id + " not found in tasks queue.");
    }
    return Response.noContent().build();
  }

  private static Map<String, Object> summary(Unplaced u) {
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (Veto v : u.vetoes()) {
      reasons.add(Map.of("reason", marathonName(v.reason()), "declined", v.offers(),
          "processed", u.offersConsidered(), "detail", v.detail()));
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("processedOffersCount", u.offersConsidered());
    s.put("unusedOffersCount", u.offersConsidered());
    s.put("rejectSummaryLastOffers", reasons);
    return s;
  }

  /** INSUFFICIENT_CPUS → InsufficientCpus, as Marathon names its reasons. */
  static String marathonName(Veto.Reason reason) {
    StringBuilder b = new StringBuilder();
    for (String part : reason.name().split("_")) {
      b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }
}
