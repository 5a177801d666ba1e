package io.berth.scheduler.http;

import io.berth.scheduler.SchedulerConfiguration;
import io.berth.scheduler.store.ZkConnection;
import io.berth.scheduler.store.ZkFrameworkIdStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /v2/info}, {@code /v2/leader} and {@code /ping}. Only the leading scheduler serves the API
 * (a standby waits for leadership before its server starts), so this one is the leader.
 */
@Path("/")
public final class InfoResource {

  public static final String VERSION = "0.1.0";

  private final SchedulerConfiguration config;
  private final ZkConnection zk;
  private final String leader;

  @Inject
  InfoResource(SchedulerConfiguration config, ZkConnection zk) {
    this.config = config;
    this.zk = zk;
    this.leader = config.advertisedHost() + ":" + config.httpPort();
  }

  @GET
  @Path("ping")
  @Produces(MediaType.TEXT_PLAIN)
  public String ping() {
    return "pong";
  }

  @GET
  @Path("v2/leader")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> leader() {
    return Map.of("leader", leader);
  }

  @GET
  @Path("v2/info")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> info() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", "berth");
    out.put("version", VERSION);
    out.put("buildref", VERSION);
    out.put("elected", true);
    out.put("leader", leader);
    out.put("frameworkId", config.getCluster().mode().equals("mesos")
        ? new ZkFrameworkIdStore(zk).get().orElse(null) : null);
    Map<String, Object> marathon = new LinkedHashMap<>();
    marathon.put("master", config.getCluster().mode().equals("mesos") ? io.berth.scheduler.cluster.mesos.MasterDetector.redact(config.getMesos().master()) : "local");
    marathon.put("hostname", config.advertisedHost());
    marathon.put("http_port", config.httpPort());
    marathon.put("zk_max_versions", config.getZooKeeper().maxVersions());
    out.put("marathon_config", marathon);
    Map<String, Object> zkConfig = new LinkedHashMap<>();
    zkConfig.put("zk", "zk://" + zk.connectString() + config.getZooKeeper().root());
    zkConfig.put("zk_session_timeout", config.getZooKeeper().sessionTimeoutMs());
    zkConfig.put("zk_connection_timeout", config.getZooKeeper().connectionTimeoutMs());
    out.put("zookeeper_config", zkConfig);
    out.put("http_config", Map.of("http_port", config.httpPort()));
    out.put("event_subscriber", null);
    return out;
  }
}
