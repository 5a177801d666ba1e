package io.berth.scheduler.testing.mesos;

/**
 * One scheduler call as a master saw it.
 *
 * @param type the call's type name, or null when the body could not be read
 * @param frameworkId the call's framework id, or null
 * @param streamIdHeader the {@code Mesos-Stream-Id} header sent, or null
 * @param httpStatus what the master answered
 * @param contentType the {@code Content-Type} header sent, or null
 */
public record CallRecord(int masterIndex, String type, String frameworkId, String streamIdHeader, int httpStatus,
                         String contentType) {}
