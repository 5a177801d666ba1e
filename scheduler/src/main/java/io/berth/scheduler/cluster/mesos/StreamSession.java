package io.berth.scheduler.cluster.mesos;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/** One accepted SUBSCRIBE: the endpoint it went to and the stream id every later call carries. */
record StreamSession(URI endpoint, String streamId) {
  StreamSession {
    requireNonNull(endpoint, "endpoint");
    requireNonNull(streamId, "streamId");
  }
}
