package io.berth.executor.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** TCP checks: healthy when a connection is accepted within the timeout. */
final class TcpProbe implements Probe {

  private final String host;
  private final int port;

  TcpProbe(String host, int port) {
    this.host = host;
    this.port = port;
  }

  @Override
  public ProbeResult probe(Duration timeout) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
      return ProbeResult.healthy();
    } catch (IOException e) {
      return ProbeResult.failed("TCP connect to " + host + ":" + port + " failed: " + e.getMessage());
    }
  }
}
