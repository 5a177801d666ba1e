package io.berth.scheduler.http;

import static io.berth.scheduler.core.apps.AppBuilder.anApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** {@code /v2/deployments}: changes take effect in one step, so none is ever in progress. */
class DeploymentsResourceTest extends ResourceTestSupport {

  @Test
  void listIsAnEmptyArrayEvenRightAfterAChange() {
    post("/v2/apps", json(anApp("/team/web").build())).close();
    Response r = get("/v2/deployments");
    assertThat(r.getStatus()).isEqualTo(200);
    JsonNode list = body(r);
    assertThat(list.isArray()).isTrue();
    assertThat(list).isEmpty();
  }

  @Test
  void cancellingAnUnknownDeploymentIs404() {
    JsonNode error = errorBody(delete("/v2/deployments/deployment-1"), 404);
    assertThat(error.path("message").asText()).isEqualTo("DeploymentPlan deployment-1 does not exist");
    errorBody(delete("/v2/deployments/nope?force=true"), 404);
  }
}
