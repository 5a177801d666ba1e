package io.berth.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.model.App;
import io.berth.api.model.DeploymentRef;
import io.berth.scheduler.engine.TaskQueries;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppListWriterTest {

  private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  @Test
  void theHandWrittenCountsAreTheBytesJacksonWrites() throws Exception {
    TaskQueries.Counts counts = new TaskQueries.Counts(3, 12, 10, 2);
    App status = App.builder().tasksStaged(3).tasksRunning(12).tasksHealthy(10).tasksUnhealthy(2)
        .deployments(List.<DeploymentRef>of()).build();

    assertThat(new String(AppListWriter.countsJson(counts), StandardCharsets.UTF_8))
        .isEqualTo(json.writeValueAsString(status));
  }
}
