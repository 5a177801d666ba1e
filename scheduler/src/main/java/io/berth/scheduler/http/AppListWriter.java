package io.berth.scheduler.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.model.App;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code {"apps":[...]}} fast for thousands of apps: each definition's JSON is serialized
 * once per version and kept; per request only the small status part (counts, deployments, tasks)
 * is serialized and spliced in before the definition's closing brace. The bytes are exactly what
 * serializing the decorated app would give.
 */
final class AppListWriter {

  /**
   * Keyed by the stored definition itself, not its version: a deleted and re-created app can carry
   * the same version string (same millisecond) with a different definition. Every change puts a new
   * instance into the AppService, so the identity check is exact and costs nothing.
   */
  private record Cached(App app, byte[] json) {}

  private final ObjectMapper json;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  AppListWriter(ObjectMapper json) {
    this.json = json;
  }

  StreamingOutput write(List<App> definitions, AppViews views, java.util.Set<AppViews.Embed> embed) {
    return out -> {
      out.write("{\"apps\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      boolean first = true;
      for (App app : definitions) {
        if (!first) {
          out.write(',');
        }
        first = false;
        byte[] definition = definitionJson(app);
        byte[] status = embed.equals(AppViews.DEFAULT_LIST) ? countsJson(views.counts(app))
            : json.writeValueAsBytes(views.status(app, embed));
        if (status.length <= 2) {
          out.write(definition);
          continue;
        }
        out.write(definition, 0, definition.length - 1);
        out.write(',');
        out.write(status, 1, status.length - 1);
      }
      out.write("]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    };
  }

  /** The default list embed (counts, no deployments running) without Jackson: the same bytes, 10× cheaper. */
  static byte[] countsJson(io.berth.scheduler.engine.TaskQueries.Counts c) {
    return ("{\"tasksStaged\":" + c.staged() + ",\"tasksRunning\":" + c.running() + ",\"tasksHealthy\":"
        + c.healthy() + ",\"tasksUnhealthy\":" + c.unhealthy() + ",\"deployments\":[]}")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private byte[] definitionJson(App app) {
    Cached c = cache.get(app.id());
    if (c != null && c.app() == app) {
      return c.json();
    }
    try {
      byte[] bytes = json.writeValueAsBytes(app);
      cache.put(app.id(), new Cached(app, bytes));
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets apps that no longer exist, so the cache holds at most one entry per live app. */
  void retain(java.util.Set<String> liveIds) {
    if (cache.size() > liveIds.size()) {
      cache.keySet().retainAll(liveIds);
    }
  }
}
