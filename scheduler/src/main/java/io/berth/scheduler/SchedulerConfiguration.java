package io.berth.scheduler;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.scheduler.config.ApiConfig;
import io.berth.scheduler.config.ClusterConfig;
import io.berth.scheduler.config.HelperConfig;
import io.berth.scheduler.config.OfferConfig;
import io.berth.scheduler.config.ZooKeeperConfig;
import io.berth.scheduler.cluster.local.LocalClusterConfig;
import io.berth.scheduler.cluster.mesos.MesosConfig;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * The scheduler's YAML configuration: Dropwizard's {@code server} and {@code logging} plus one
 * record per concern. Every value can come from the environment ({@code ${BERTH_…:-default}} in
 * the bundled {@code berth-default.yml}); see docs/configuration.md.
 */
public class SchedulerConfiguration extends Configuration {

  @NotBlank
  private String dataDir = "./data";

  private String advertisedHost = "";

  @Valid
  @NotNull
  private ZooKeeperConfig zooKeeper = ZooKeeperConfig.embedded();

  @Valid
  @NotNull
  private ClusterConfig cluster = ClusterConfig.local();

  @Valid
  @NotNull
  private HelperConfig helpers = HelperConfig.defaults();

  @Valid
  @NotNull
  private LocalClusterConfig localCluster = LocalClusterConfig.defaults();

  @Valid
  @NotNull
  private MesosConfig mesos = MesosConfig.defaults();

  @Valid
  @NotNull
  private ApiConfig api = ApiConfig.defaults();

  @Valid
  @NotNull
  private OfferConfig offers = OfferConfig.defaults();

  @JsonProperty
  public OfferConfig getOffers() {
    return offers;
  }

  @JsonProperty
  public void setOffers(OfferConfig offers) {
    this.offers = offers;
  }

  @JsonProperty
  public String getDataDir() {
    return dataDir;
  }

  @JsonProperty
  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  public Path dataPath() {
    return Path.of(dataDir);
  }

  @JsonProperty
  public void setAdvertisedHost(String advertisedHost) {
    this.advertisedHost = advertisedHost;
  }

  /** The host name other machines reach this scheduler at; the machine's name when unset. */
  public String advertisedHost() {
    if (advertisedHost != null && !advertisedHost.isBlank()) {
      return advertisedHost;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }

  /** The configured HTTP port of the first application connector. */
  public int httpPort() {
    if (getServerFactory() instanceof io.dropwizard.core.server.DefaultServerFactory d
        && !d.getApplicationConnectors().isEmpty()
        && d.getApplicationConnectors().get(0) instanceof io.dropwizard.jetty.HttpConnectorFactory h) {
      return h.getPort();
    }
    return 8080;
  }

  @JsonProperty
  public ZooKeeperConfig getZooKeeper() {
    return zooKeeper;
  }

  @JsonProperty
  public void setZooKeeper(ZooKeeperConfig zooKeeper) {
    this.zooKeeper = zooKeeper;
  }

  @JsonProperty
  public ClusterConfig getCluster() {
    return cluster;
  }

  @JsonProperty
  public void setCluster(ClusterConfig cluster) {
    this.cluster = cluster;
  }

  @JsonProperty
  public HelperConfig getHelpers() {
    return helpers;
  }

  @JsonProperty
  public void setHelpers(HelperConfig helpers) {
    this.helpers = helpers;
  }

  @JsonProperty
  public MesosConfig getMesos() {
    return mesos;
  }

  @JsonProperty
  public void setMesos(MesosConfig mesos) {
    this.mesos = mesos;
  }

  @JsonProperty
  public LocalClusterConfig getLocalCluster() {
    return localCluster;
  }

  @JsonProperty
  public void setLocalCluster(LocalClusterConfig localCluster) {
    this.localCluster = localCluster;
  }

  @JsonProperty
  public ApiConfig getApi() {
    return api;
  }

  @JsonProperty
  public void setApi(ApiConfig api) {
    this.api = api;
  }
}
