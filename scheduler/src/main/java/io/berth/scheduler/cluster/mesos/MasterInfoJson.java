package io.berth.scheduler.cluster.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a Mesos master writes into its ZooKeeper node {@code json.info_<seq>}: a JSON
 * MasterInfo. The leader's URL is {@code http://<address.hostname | hostname | address.ip | ip>:<port>},
 * where the top-level {@code ip} is an IPv4 address as a uint32 in network byte order read as host
 * (little-endian) order, so its lowest byte is the first octet.
 */
public final class MasterInfoJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NODE = Pattern.compile("json\\.info_(\\d{10})");

  private MasterInfoJson() {}

  /** The sequence number of a master's node name, or empty for any other child. */
  public static Optional<Long> sequence(String nodeName) {
    Matcher matcher = NODE.matcher(nodeName);
    return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
  }

  /** The master's base URL; {@link IllegalArgumentException} when the data names no host or port. */
  public static URI masterUrl(byte[] data) {
    JsonNode info;
    try {
      info = JSON.readTree(data == null ? new byte[0] : data);
    } catch (IOException e) {
      throw new IllegalArgumentException("MasterInfo is not JSON: " + e.getMessage(), e);
    }
    if (info == null || !info.isObject()) {
      throw new IllegalArgumentException("MasterInfo is not a JSON object");
    }
    JsonNode address = info.path("address");
    String host = firstText(address.path("hostname"), info.path("hostname"), address.path("ip"))
        .orElseGet(() -> info.path("ip").canConvertToLong() ? ipv4(info.path("ip").asLong()) : null);
    int port = address.path("port").asInt(info.path("port").asInt(0));
    if (host == null) {
      throw new IllegalArgumentException("MasterInfo has no hostname or ip: " + info);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("MasterInfo has no valid port: " + info);
    }
    return MasterUrls.normalise("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
  }

  /** A uint32 holding the four octets in memory order of a little-endian host. */
  static String ipv4(long ip) {
    return (ip & 0xff) + "." + ((ip >> 8) & 0xff) + "." + ((ip >> 16) & 0xff) + "." + ((ip >> 24) & 0xff);
  }

  private static Optional<String> firstText(JsonNode... nodes) {
    for (JsonNode node : nodes) {
      if (node.isTextual() && !node.asText().isBlank()) {
        return Optional.of(node.asText().trim());
      }
    }
    return Optional.empty();
  }
}
