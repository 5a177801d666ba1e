package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bin-packing's last step, when every instance got a place: try to empty the least loaded offers by
 * moving their instances into the gaps left on other used offers. Nothing is launched yet, so a
 * move costs nothing; an offer is emptied completely or not at all. Instances of apps with GROUP_BY
 * or CLUSTER rules, or with several groups in the round, stay where they are (their rules look at
 * the whole app). Bounded: a fixed budget of offers is tried.
 */
final class Consolidation {
    private static final int MIN_ATTEMPTS = 32;

    private final MatchRound round;
    private final OfferTable table;
    private final int[][] onOffer;
    private final int[] counts;

    Consolidation(MatchRound round, OfferTable table) {
        this.round = round;
        this.table = table;
        this.counts = new int[table.size()];
        this.onOffer = new int[table.size()][];
        for (int i = 0; i < round.launches(); i++) {
            add(round.launchOffer(i), i);
        }
    }

    void run() {
        Map<String, Integer> groupsPerApp = new HashMap<>();
        for (int i = 0; i < round.launches(); i++) {
            InstanceGroup g = round.launchGroup(i);
            if (i == 0 || round.launchGroup(i - 1) != g) {
                groupsPerApp.merge(g.shape.appId(), 1, Integer::sum);
            }
        }
        List<Integer> used = new ArrayList<>();
        long[] load = new long[table.size()];
        int key = round.key();
        for (int o = 0; o < table.size(); o++) {
            if (counts[o] > 0) {
                used.add(o);
                for (int s = 0; s < counts[o]; s++) {
                    load[o] += round.launchGroup(onOffer[o][s]).demand.amount[key];
                }
            }
        }
        used.sort((a, b) -> load[a] != load[b] ? Long.compare(load[a], load[b]) : Integer.compare(a, b));
        int budget = Math.max(MIN_ATTEMPTS, used.size() / 8);
        for (int k = 0; k < used.size() && k < budget; k++) {
            int o = used.get(k);
            if (counts[o] > 0 && movable(o, groupsPerApp)) {
                tryToEmpty(o);
            }
        }
    }

    private boolean movable(int o, Map<String, Integer> groupsPerApp) {
        for (int s = 0; s < counts[o]; s++) {
            InstanceGroup g = round.launchGroup(onOffer[o][s]);
            if (groupsPerApp.getOrDefault(g.shape.appId(), 0) != 1) {
                return false;
            }
            for (Constraint c : g.shape.constraints()) {
                if (c.operator() == Constraint.Operator.GROUP_BY || c.operator() == Constraint.Operator.CLUSTER) {
                    return false;
                }
            }
        }
        return true;
    }

    private void tryToEmpty(int o) {
        int[] launches = Arrays.copyOf(onOffer[o], counts[o]);
        Launch[] originals = new Launch[launches.length];
        int[] targets = new int[launches.length];
        for (int i = 0; i < launches.length; i++) {
            originals[i] = round.launch(launches[i]);
        }
        int moved = 0;
        for (int launch : launches) {
            round.unlaunch(launch);
            int target = round.fullestUsedFit(round.launchGroup(launch), o);
            if (target < 0) {
                round.restore(launch, originals[moved], o);
                for (int m = moved - 1; m >= 0; m--) {
                    round.unlaunch(launches[m]);
                    round.restore(launches[m], originals[m], o);
                }
                return;
            }
            round.relaunch(launch, target);
            targets[moved++] = target;
        }
        counts[o] = 0;
        for (int m = 0; m < moved; m++) {
            add(targets[m], launches[m]);
        }
    }

    private void add(int o, int launch) {
        if (onOffer[o] == null) {
            onOffer[o] = new int[4];
        } else if (counts[o] == onOffer[o].length) {
            onOffer[o] = Arrays.copyOf(onOffer[o], counts[o] * 2);
        }
        onOffer[o][counts[o]++] = launch;
    }
}
