package io.berth.scheduler.cluster.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 5, "Done when": every call parses back into the protobuf message and, in JSON, uses only snake_case. */
class CallsRoundTripTest {

  static Stream<Arguments> callsInEveryEncoding() {
    return WireFixtures.allCalls().entrySet().stream().flatMap(call -> Stream.of(Encoding.values())
        .map(encoding -> Arguments.of(call.getKey(), encoding, call.getValue())));
  }

  static Stream<Arguments> calls() {
    return WireFixtures.allCalls().entrySet().stream().map(call -> Arguments.of(call.getKey(), call.getValue()));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("callsInEveryEncoding")
  void everyCallParsesBackIntoTheSameMessage(String name, Encoding encoding, Call call) {
    MesosCodec codec = new MesosCodec(encoding);

    Call parsed = codec.decodeCall(codec.encodeCall(call));

    assertThat(parsed).isEqualTo(call);
    assertThat(parsed.isInitialized()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void everyJsonCallUsesOnlySnakeCaseKeys(String name, Call call) {
    byte[] json = new MesosCodec(Encoding.JSON).encodeCall(call);

    assertThat(JsonKeys.keys(JsonKeys.tree(json))).isNotEmpty();
    assertThat(JsonKeys.notSnakeCase(json)).as(new String(json, StandardCharsets.UTF_8)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void everyJsonCallIsCompactUtf8WithTheTypeByName(String name, Call call) {
    String json = new String(new MesosCodec(Encoding.JSON).encodeCall(call), StandardCharsets.UTF_8);

    assertThat(json).doesNotContain("\n", ": ").contains("\"type\":\"" + call.getType().name() + "\"");
  }

  @Test
  void theSnakeCaseCheckCatchesWhatTheDefaultPrinterWouldSend() throws Exception {
    Call call = WireFixtures.allCalls().get("resubscribe");
    byte[] camel = JsonFormat.printer().print(call).getBytes(StandardCharsets.UTF_8);

    assertThat(JsonKeys.notSnakeCase(camel)).contains("frameworkId", "subscribe.frameworkInfo");
  }

  @Test
  void fixturesCoverEveryCallTypeTheDriverSends() {
    Map<String, Call> calls = WireFixtures.allCalls();

    assertThat(calls.values()).extracting(Call::getType).contains(Call.Type.SUBSCRIBE, Call.Type.ACCEPT,
        Call.Type.DECLINE, Call.Type.SUPPRESS, Call.Type.REVIVE, Call.Type.ACKNOWLEDGE, Call.Type.RECONCILE,
        Call.Type.KILL, Call.Type.TEARDOWN);
  }
}
