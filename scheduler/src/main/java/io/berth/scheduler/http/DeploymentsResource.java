package io.berth.scheduler.http;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * {@code /v2/deployments}. Changes take effect as one step today (no multi-step plans run), so no
 * deployment is ever in progress here and the list is empty.
 */
@Path("/v2/deployments")
@Produces(MediaType.APPLICATION_JSON)
public final class DeploymentsResource {

  @GET
  public List<Map<String, Object>> list() {
    return List.of();
  }

  @DELETE
  @Path("{id}")
  public void cancel(@PathParam("id") String id) {
    throw ApiException.notFound("DeploymentPlan " + id + " does not exist");
  }
}
