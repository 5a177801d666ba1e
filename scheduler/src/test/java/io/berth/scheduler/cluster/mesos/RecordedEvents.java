package io.berth.scheduler.cluster.mesos;

import java.util.List;

/**
 * Scheduler events as a Mesos 1.11 master writes them in JSON (stout {@code jsonify}): proto field
 * names, fields in declaration order, compact, 64-bit integers as numbers, defaulted fields present
 * ({@code port}, {@code shell}), {@code bytes} as Base64. The framework is MULTI_ROLE with role
 * {@code berth}, so unreserved resources read {@code "role":"*"} plus {@code allocation_info}.
 */
final class RecordedEvents {
  static final String MASTER = "a5b2c3d4-0000-4000-8000-000000000001";

  /** With a master capability ({@code QUOTA_V2}) newer than the 1.11 protos, as a newer master sends. */
  static final String SUBSCRIBED = """
      {"type":"SUBSCRIBED","subscribed":{"framework_id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-0000"},\
      "heartbeat_interval_seconds":15.0,"master_info":{"id":"a5b2c3d4-0000-4000-8000-000000000001",\
      "ip":16842879,"port":5050,"pid":"master@127.0.1.1:5050","hostname":"master-1","version":"1.11.0",\
      "address":{"hostname":"master-1","ip":"127.0.1.1","port":5050},"capabilities":[{"type":"AGENT_UPDATE"},\
      {"type":"AGENT_DRAINING"},{"type":"QUOTA_V2"}]}}}""";

  static final String HEARTBEAT = """
      {"type":"HEARTBEAT"}""";

  static final String OFFERS = """
      {"type":"OFFERS","offers":{"offers":[{"id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-O7"},\
      "framework_id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-0000"},\
      "agent_id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-S0"},"hostname":"agent-1.example.com",\
      "url":{"scheme":"http","address":{"hostname":"agent-1.example.com","ip":"10.0.0.11","port":5051},\
      "path":"/slave(1)","query":[]},\
      "domain":{"fault_domain":{"region":{"name":"eu-west"},"zone":{"name":"eu-west-1a"}}},\
      "resources":[\
      {"name":"cpus","type":"SCALAR","scalar":{"value":3.5},"role":"*","allocation_info":{"role":"berth"}},\
      {"name":"mem","type":"SCALAR","scalar":{"value":14861.0},"role":"*","allocation_info":{"role":"berth"}},\
      {"name":"disk","type":"SCALAR","scalar":{"value":95000.0},"role":"*","allocation_info":{"role":"berth"}},\
      {"name":"ports","type":"RANGES","ranges":{"range":[{"begin":31000,"end":31099},{"begin":31200,"end":31200}]},\
      "role":"*","allocation_info":{"role":"berth"}},\
      {"name":"cpus","type":"SCALAR","scalar":{"value":0.5},"role":"berth","allocation_info":{"role":"berth"}},\
      {"name":"ports","type":"RANGES","ranges":{"range":[{"begin":8000,"end":8009}]},"role":"berth",\
      "allocation_info":{"role":"berth"}}],\
      "attributes":[{"name":"rack","type":"TEXT","text":{"value":"r12"}},\
      {"name":"cores","type":"SCALAR","scalar":{"value":8.0}},\
      {"name":"weight","type":"SCALAR","scalar":{"value":1.5}},\
      {"name":"slots","type":"RANGES","ranges":{"range":[{"begin":1,"end":4},{"begin":7,"end":7}]}},\
      {"name":"disks","type":"SET","set":{"item":["ssd","nvme"]}}],\
      "executor_ids":[{"value":"berth-executor.web.1"}],"allocation_info":{"role":"berth"},\
      "a_field_from_a_newer_master":{"x":1}},\
      {"id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-O8"},\
      "framework_id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-0000"},\
      "agent_id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-S1"},"hostname":"agent-2.example.com",\
      "resources":[\
      {"name":"cpus","type":"SCALAR","scalar":{"value":1.0},"allocation_info":{"role":"berth"},\
      "reservations":[{"type":"STATIC","role":"berth"}]},\
      {"name":"gpus","type":"SCALAR","scalar":{"value":2.0},"role":"*","allocation_info":{"role":"berth"}},\
      {"name":"cpus","type":"SCALAR","scalar":{"value":2.0},"role":"*","allocation_info":{"role":"berth"},\
      "revocable":{}}],\
      "allocation_info":{"role":"berth"}}]}}""";

  static final String RESCIND = """
      {"type":"RESCIND","rescind":{"offer_id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-O8"}}}""";

  /** Relayed by the agent from the executor: carries the update's uuid, must be acknowledged. */
  static final String UPDATE_RUNNING = """
      {"type":"UPDATE","update":{"status":{"task_id":{"value":"web.1"},"state":"TASK_RUNNING",\
      "message":"pod running","source":"SOURCE_EXECUTOR","reason":"REASON_TASK_HEALTH_CHECK_STATUS_UPDATED",\
      "agent_id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-S0"},\
      "executor_id":{"value":"berth-executor.web.1"},"timestamp":1764170000.123456,\
      "uuid":"++8/i5wKTi2PHmp7PF2eDw==","healthy":true,\
      "container_status":{"container_id":{"value":"5f1e0a9c-7f43-4a8e-a1b2-1c3d4e5f6a7b"},\
      "network_infos":[{"ip_addresses":[{"protocol":"IPv4","ip_address":"10.0.0.11"}]}],"executor_pid":4242}}}}""";

  /** A reconciliation answer from the master: no uuid, never acknowledged. */
  static final String UPDATE_RECONCILED = """
      {"type":"UPDATE","update":{"status":{"task_id":{"value":"web.2"},"state":"TASK_UNREACHABLE",\
      "source":"SOURCE_MASTER","reason":"REASON_RECONCILIATION",\
      "agent_id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-S1"},"timestamp":1764170001.5,\
      "unreachable_time":{"nanoseconds":1764169990000000000}}}}""";

  /** Master-generated on agent removal: no uuid either. */
  static final String UPDATE_AGENT_REMOVED = """
      {"type":"UPDATE","update":{"status":{"task_id":{"value":"web.3"},"state":"TASK_GONE_BY_OPERATOR",\
      "message":"Agent a5b2c3d4-0000-4000-8000-000000000001-S2 marked gone by an operator",\
      "source":"SOURCE_MASTER","reason":"REASON_AGENT_REMOVED_BY_OPERATOR",\
      "agent_id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-S2"},"timestamp":1764170002.0}}}""";

  static final String FAILURE = """
      {"type":"FAILURE","failure":{"agent_id":{"value":"a5b2c3d4-0000-4000-8000-000000000001-S0"},\
      "executor_id":{"value":"berth-executor.web.1"},"status":256}}""";

  static final String ERROR = """
      {"type":"ERROR","error":{"message":"Framework failed over"}}""";

  static final String INVERSE_OFFERS = """
      {"type":"INVERSE_OFFERS","inverse_offers":{"inverse_offers":[]}}""";

  /** A subscription as it goes: the stream the tests cut apart. */
  static final List<String> STREAM = List.of(SUBSCRIBED, HEARTBEAT, OFFERS, UPDATE_RUNNING, RESCIND,
      UPDATE_RECONCILED, UPDATE_AGENT_REMOVED, HEARTBEAT, FAILURE, INVERSE_OFFERS, ERROR);

  private RecordedEvents() {}
}
