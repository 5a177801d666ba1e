package io.berth.scheduler.http;

import io.berth.api.model.Group;
import io.berth.api.model.PathId;
import io.berth.scheduler.core.apps.GroupTree;
import io.berth.scheduler.engine.AppService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /v2/groups}: groups derived from app ids (read-only). */
@Path("/v2/groups")
@Produces(MediaType.APPLICATION_JSON)
public final class GroupsResource {

  private final AppService apps;

  @Inject
  GroupsResource(AppService apps) {
    this.apps = apps;
  }

  @GET
  public Group root() {
    return GroupTree.group("/", apps.all()).orElseThrow();
  }

  @GET
  @Path("{id:.+}")
  public Group group(@PathParam("id") String rawId) {
    String id = PathId.canonical(rawId);
    return GroupTree.group(id, apps.all())
        .orElseThrow(() -> ApiException.notFound("Group '" + id + "' does not exist"));
  }
}
