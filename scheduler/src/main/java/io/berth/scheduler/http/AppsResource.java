package io.berth.scheduler.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.model.App;
import io.berth.api.model.PathId;
import io.berth.scheduler.core.apps.LabelSelector;
import io.berth.scheduler.engine.AppService;
import io.berth.scheduler.engine.AppService.Change;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code /v2/apps}: Marathon's app endpoints. Ids arrive with or without their leading slash and
 * URL-encoded or not ({@code /v2/apps//team/web}, {@code /v2/apps/%2Fteam%2Fweb}); both name
 * {@code /team/web}.
 */
@Path("/v2/apps")
@Produces(MediaType.APPLICATION_JSON)
public final class AppsResource {

  static final String DEPLOYMENT_HEADER = "Marathon-Deployment-Id";

  private final AppService apps;
  private final AppViews views;
  private final AppRequests requests;
  private final AppListWriter listWriter;

  @Inject
  AppsResource(AppService apps, AppViews views, ObjectMapper json) {
    this.apps = apps;
    this.views = views;
    this.requests = new AppRequests(json);
    this.listWriter = new AppListWriter(json);
  }

  @GET
  public Response list(@QueryParam("embed") List<String> embed, @QueryParam("id") String id,
      @QueryParam("cmd") String cmd, @QueryParam("label") String label) {
    Predicate<App> filter = a -> true;
    if (id != null && !id.isBlank()) {
      filter = filter.and(a -> a.id().contains(id));
    }
    if (cmd != null && !cmd.isBlank()) {
      filter = filter.and(a -> a.cmd() != null && a.cmd().contains(cmd));
    }
    if (label != null && !label.isBlank()) {
      LabelSelector selector;
      try {
        selector = LabelSelector.parse(label);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("Invalid label selector",
            List.of(new io.berth.api.model.ErrorBody.ErrorDetail("label", List.of(e.getMessage()))));
      }
      filter = filter.and(a -> selector.test(a.labels()));
    }
    List<App> selected = apps.all().stream().filter(filter).toList();
    listWriter.retain(apps.ids());
    return Response.ok(listWriter.write(selected, views, AppViews.forList(embed)), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonNode body) {
    App app = requests.complete(body, null);
    Change change = created(app).orElseThrow(
        () -> ApiException.conflict("An app with id [" + app.id() + "] already exists."));
    App created = views.view(change.after(), AppViews.forList(List.of())).toBuilder()
        .deployments(List.of(new io.berth.api.model.DeploymentRef(change.deploymentId()))).build();
    return Response.created(location(app.id())).header(DEPLOYMENT_HEADER, change.deploymentId())
        .entity(created).build();
  }

  @GET
  @Path("{id:.+}/versions/{version}")
  public App version(@PathParam("id") String rawId, @PathParam("version") String version) {
    String id = PathId.canonical(rawId);
    return apps.version(id, version).orElseThrow(
        () -> ApiException.notFound("App '" + id + "' does not exist in version " + version));
  }

  @GET
  @Path("{id:.+}/versions")
  public Map<String, List<String>> versions(@PathParam("id") String rawId) {
    String id = existing(rawId).id();
    return Map.of("versions", apps.versions(id));
  }

  @POST
  @Path("{id:.+}/restart")
  public Response restart(@PathParam("id") String rawId, @QueryParam("force") @DefaultValue("false") boolean force) {
    Change change = apps.restart(existing(rawId).id()).orElseThrow(() -> notFound(rawId));
    return deployment(Response.ok(), change);
  }

  @GET
  @Path("{id:.+}")
  public Map<String, App> get(@PathParam("id") String rawId) {
    return Map.of("app", views.view(existing(rawId), AppViews.SINGLE_APP));
  }

  @PUT
  @Path("{id:.+}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("id") String rawId, JsonNode body,
      @QueryParam("force") @DefaultValue("false") boolean force,
      @QueryParam("partialUpdate") @DefaultValue("true") boolean partialUpdate) {
    String id = PathId.canonical(rawId);
    Optional<App> current = apps.get(id);
    if (current.isEmpty()) {
      App app = requests.complete(body, id);
      Change change = created(app).orElseThrow(
          () -> ApiException.conflict("App '" + id + "' was created concurrently; retry the update."));
      return deployment(Response.created(location(id)), change);
    }
    if (!partialUpdate) {
      App next = requests.complete(body, id);
      return deployment(Response.ok(), apps.update(next).orElseThrow(() -> notFound(rawId)));
    }
    // merged onto the definition current when the change is made, so concurrent changes all survive
    return deployment(Response.ok(), apps.update(id, stored -> requests.merged(stored, body, id))
        .orElseThrow(() -> notFound(rawId)));
  }

  @PATCH
  @Path("{id:.+}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response patch(@PathParam("id") String rawId, JsonNode body,
      @QueryParam("force") @DefaultValue("false") boolean force) {
    String id = existing(rawId).id();
    return deployment(Response.ok(), apps.update(id, stored -> requests.merged(stored, body, id))
        .orElseThrow(() -> notFound(rawId)));
  }

  @DELETE
  @Path("{id:.+}")
  public Response delete(@PathParam("id") String rawId, @QueryParam("force") @DefaultValue("false") boolean force) {
    Change change = apps.delete(existing(rawId).id()).orElseThrow(() -> notFound(rawId));
    return deployment(Response.ok(), change);
  }

  /** Creates the app; an id that is also a group (an app lies under it, or it under an app) is 422. */
  private Optional<Change> created(App app) {
    try {
      return apps.create(app);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("/", e.getMessage());
    }
  }

  private App existing(String rawId) {
    return apps.get(PathId.canonical(rawId)).orElseThrow(() -> notFound(rawId));
  }

  static ApiException notFound(String rawId) {
    return ApiException.notFound("App '" + PathId.canonical(rawId) + "' does not exist");
  }

  private static Response deployment(Response.ResponseBuilder builder, Change change) {
    return builder.header(DEPLOYMENT_HEADER, change.deploymentId()).entity(change.result()).build();
  }

  private static URI location(String id) {
    return URI.create("/v2/apps" + id);
  }
}
