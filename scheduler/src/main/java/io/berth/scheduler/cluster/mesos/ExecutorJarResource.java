package io.berth.scheduler.cluster.mesos;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;

/** Serves the executor jar to the Mesos fetcher on the agents. */
@Path(ExecutorJar.PATH)
public final class ExecutorJarResource {

  private static final String JAR = "application/java-archive";

  private final ExecutorJar jar;

  @Inject
  ExecutorJarResource(ExecutorJar jar) {
    this.jar = jar;
  }

  @GET
  @Produces(JAR)
  public Response get() throws IOException {
    return Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> Files.copy(jar.file(), out))
        .header("Content-Length", Files.size(jar.file()))
        .header("Last-Modified", java.util.Date.from(Files.getLastModifiedTime(jar.file()).toInstant()))
        .build();
  }

  @HEAD
  @Produces(JAR)
  public Response head() throws IOException {
    return Response.ok().header("Content-Length", Files.size(jar.file())).build();
  }
}
