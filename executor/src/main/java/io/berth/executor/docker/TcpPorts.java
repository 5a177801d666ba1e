package io.berth.executor.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a TCP listener. Docker's userland proxy accepts on a published port even when nothing
 * listens in the container, then closes at once; so "ready" means the connection is still open
 * after a short read timeout (a fluentd forward server sends nothing first).
 */
final class TcpPorts {

  private static final int HOLD_MILLIS = 200;

  private TcpPorts() {}

  static boolean await(String host, int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (holdsConnection(host, port)) {
        return true;
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    return false;
  }

  static boolean holdsConnection(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      s.setSoTimeout(HOLD_MILLIS);
      InputStream in = s.getInputStream();
      try {
        return in.read() >= 0;
      } catch (SocketTimeoutException stillOpen) {
        return true;
      }
    } catch (IOException refusedOrReset) {
      return false;
    }
  }
}
