package io.berth.scheduler.bench;

/** A placement engine under benchmark: prepares its input untimed, then times one placement pass. */
interface Engine {
    String name();

    EngineRun run(Workload workload);
}
