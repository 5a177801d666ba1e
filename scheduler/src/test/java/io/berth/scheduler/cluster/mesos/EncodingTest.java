package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncodingTest {

  @Test
  void contentTypesAreTheExactStringsMesosCompares() {
    assertThat(Encoding.PROTOBUF.contentType()).isEqualTo("application/x-protobuf");
    assertThat(Encoding.JSON.contentType()).isEqualTo("application/json");
  }

  @Test
  void configurationNamesEitherEncoding() {
    assertThat(Encoding.fromConfig("protobuf")).isEqualTo(Encoding.PROTOBUF);
    assertThat(Encoding.fromConfig(" JSON ")).isEqualTo(Encoding.JSON);
    assertThatThrownBy(() -> Encoding.fromConfig("xml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'protobuf' or 'json'");
  }

  @Test
  void responseContentTypeMayCarryParameters() {
    assertThat(Encoding.fromContentType("application/json; charset=utf-8")).isEqualTo(Encoding.JSON);
    assertThat(Encoding.fromContentType("application/x-protobuf")).isEqualTo(Encoding.PROTOBUF);
    assertThatThrownBy(() -> Encoding.fromContentType("text/html")).isInstanceOf(MesosWireException.class);
  }
}
