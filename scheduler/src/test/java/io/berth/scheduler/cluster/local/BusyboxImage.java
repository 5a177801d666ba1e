package io.berth.scheduler.cluster.local;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The test image {@code berth-test/busybox:latest} (the executor tests' BusyboxImage, copied: test classes do
 * not cross modules): a root holding {@code /bin/busybox} and one
 * symlink per applet it lists, made with {@code docker import} (no registry is reachable). Made
 * once per engine; later calls find it.
 */
final class BusyboxImage {

  static final String NAME = "berth-test/busybox:latest";
  private static final Path BUSYBOX = Path.of("/bin/busybox");

  private BusyboxImage() {}

  static synchronized String ensure() {
    try (DockerClient docker = client()) {
      try {
        docker.inspectImageCmd(NAME).exec();
        return NAME;
      } catch (NotFoundException missing) {
        dockerImport(rootfsTar());
        return NAME;
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot build " + NAME, e);
    }
  }

  /** {@code docker import - NAME}, with the tar on stdin (docker-java's import stream is cut short by this engine). */
  private static void dockerImport(byte[] tar) throws IOException {
    Process p = new ProcessBuilder("docker", "import", "-", NAME).redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(tar);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("docker import failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static DockerClient client() {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withApiVersion("1.41").build();
    return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig()).build());
  }

  private static byte[] rootfsTar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      directory(tar, "bin/", 0755);
      directory(tar, "tmp/", 01777);
      directory(tar, "etc/", 0755);
      TarArchiveEntry busybox = new TarArchiveEntry("bin/busybox");
      busybox.setSize(Files.size(BUSYBOX));
      busybox.setMode(0100755);
      tar.putArchiveEntry(busybox);
      Files.copy(BUSYBOX, tar);
      tar.closeArchiveEntry();
      for (String applet : applets()) {
        if (!applet.equals("busybox")) {
          TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
          link.setLinkName("busybox");
          tar.putArchiveEntry(link);
          tar.closeArchiveEntry();
        }
      }
      file(tar, "etc/passwd", "root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
      file(tar, "etc/group", "root:x:0:\nnogroup:x:65534:\n");
    }
    return bytes.toByteArray();
  }

  private static List<String> applets() throws IOException {
    Process p = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
    try (InputStream in = p.getInputStream()) {
      String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("busybox --list failed: " + out);
      }
      return out.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.contains("/")).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void directory(TarArchiveOutputStream tar, String name, int mode) throws IOException {
    TarArchiveEntry dir = new TarArchiveEntry(name);
    dir.setMode(040000 | mode);
    tar.putArchiveEntry(dir);
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(data.length);
    e.setMode(0100644);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }
}
