package io.berth.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import feign.RetryableException;
import io.berth.api.client.ApiException;
import io.berth.api.model.ErrorBody;
import io.berth.api.model.ErrorBody.ErrorDetail;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void aValidationErrorListsEachPathAndError() {
    ApiException e = new ApiException(422, "Object is not valid", List.of(
        new ErrorDetail("/cpus", List.of("must be at least 0")),
        new ErrorDetail("/id", List.of("must be lowercase", "must not contain '_'"))));

    assertThat(Failures.describe(e)).containsExactly(
        "Error: HTTP 422: Object is not valid",
        "  /cpus: must be at least 0",
        "  /id: must be lowercase",
        "  /id: must not contain '_'");
  }

  @Test
  void aPlainErrorIsOneLine() {
    assertThat(Failures.describe(new ApiException(404, ErrorBody.of("App '/x' does not exist"))))
        .containsExactly("Error: HTTP 404: App '/x' does not exist");
  }

  @Test
  void anEmptyMessageAndPathlessDetailStillRead() {
    ApiException e = new ApiException(503, "", List.of(new ErrorDetail(null, List.of("try later")),
        new ErrorDetail("/x", List.of())));
    assertThat(Failures.describe(e)).containsExactly("Error: HTTP 503: (no message)", "  /: try later", "  /x");
  }

  @Test
  void findsTheIoFailureUnderFeignsWrapper() {
    ConnectException refused = new ConnectException("Connection refused");
    RuntimeException wrapped = new RuntimeException(new RuntimeException(refused));
    assertThat(Failures.ioCause(wrapped)).isSameAs(refused);
    assertThat(Failures.ioCause(new IllegalStateException("no io"))).isNull();
  }

  @Test
  void anUnresolvedAddressCountsAsUnknownHost() {
    assertThat(Failures.ioCause(new java.nio.channels.UnresolvedAddressException()))
        .isInstanceOf(UnknownHostException.class);
  }

  @Test
  void saysWhyTheServerCannotBeReached() {
    assertThat(Failures.unreachable("http://x:1", new ConnectException(null)))
        .isEqualTo("Error: cannot reach Berth at http://x:1 (connection refused or timed out: ConnectException)");
    assertThat(Failures.unreachable("http://nohost", new UnknownHostException("nohost")))
        .isEqualTo("Error: cannot reach Berth at http://nohost (unknown host: nohost)");
    assertThat(Failures.unreachable("http://x", new IOException("reset")))
        .isEqualTo("Error: cannot reach Berth at http://x (connection failed: reset)");
  }

  @Test
  void retryableExceptionIsFeignsWrapperForIo() {
    assertThat(RetryableException.class).isAssignableTo(feign.FeignException.class);
  }
}
