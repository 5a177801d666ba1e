package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constraint state of one round: interned field values, per (app, field) placed counts (running
 * instances plus this round's launches), cached regex verdicts and candidate lists.
 */
final class AppConstraints {
    private final OfferTable table;
    private final Map<String, List<RunningInstance>> runningByApp = new HashMap<>();
    private final Map<String, FieldValues> fields = new HashMap<>();
    private final Map<String, Map<String, PlacedCounts>> placedByApp = new HashMap<>();
    private final Map<String, int[]> launchedByApp = new HashMap<>();
    private final Map<Constraint, StaticVerdicts> verdicts = new HashMap<>();
    private final Map<Constraint, int[]> candidatesByRule = new HashMap<>();

    AppConstraints(OfferTable table, List<RunningInstance> running) {
        this.table = table;
        for (RunningInstance r : running) {
            runningByApp.computeIfAbsent(r.appId(), a -> new ArrayList<>()).add(r);
        }
    }

    /** Binds the group's constraints to this round's values and its app's counts. */
    CompiledConstraint[] compile(WaitingInstance.Shape shape) {
        List<Constraint> rules = shape.constraints();
        CompiledConstraint[] compiled = new CompiledConstraint[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            Constraint c = rules.get(i);
            FieldValues values = fields.computeIfAbsent(c.field(), f -> new FieldValues(f, table));
            StaticVerdicts verdict = c.isStatic() || c.value().isPresent() && c.operator() == Constraint.Operator.CLUSTER
                    ? verdicts.computeIfAbsent(c, r -> new StaticVerdicts(r, values)) : null;
            compiled[i] = new CompiledConstraint(c, values, placed(shape.appId(), c.field(), values), verdict);
        }
        return compiled;
    }

    /** Counts a launch of the app on offer {@code o}. */
    void launched(String appId, int o) {
        count(appId, o, true);
        int[] launched = launchedByApp.getOrDefault(appId, new int[4]);
        if (launched[0] + 1 == launched.length) {
            launched = Arrays.copyOf(launched, launched.length * 2);
        }
        launched[++launched[0]] = o;
        launchedByApp.put(appId, launched);
    }

    /**
     * Moves one counted instance of the app onto or off offer {@code o} (consolidation, after every
     * group is compiled: the launch list for later compilations is not updated).
     */
    void count(String appId, int o, boolean add) {
        Map<String, PlacedCounts> byField = placedByApp.get(appId);
        if (byField != null) {
            for (Map.Entry<String, PlacedCounts> e : byField.entrySet()) {
                int value = fields.get(e.getKey()).ofOffer(o);
                if (add) {
                    e.getValue().add(value);
                } else {
                    e.getValue().remove(value);
                }
            }
        }
    }

    /** The offers a restricting constraint admits (the smallest such set), or null for "any offer". */
    int[] candidates(InstanceGroup group) {
        int[] best = null;
        for (CompiledConstraint c : group.constraints) {
            if (!c.restricts()) {
                continue;
            }
            int[] admitted = c.constraint.operator() == Constraint.Operator.CLUSTER
                    ? admitted(c) : candidatesByRule.computeIfAbsent(c.constraint, r -> admitted(c));
            if (best == null || admitted.length < best.length) {
                best = admitted;
            }
        }
        return best;
    }

    private int[] admitted(CompiledConstraint c) {
        int[] out = new int[0];
        int size = 0;
        for (int v = 0, n = c.values.distinctOnOffers(); v < n; v++) {
            if (c.admitsValue(v)) {
                int[] offers = c.values.offersWith(v);
                if (size + offers.length > out.length) {
                    out = Arrays.copyOf(out, Math.max(size + offers.length, out.length * 2));
                }
                System.arraycopy(offers, 0, out, size, offers.length);
                size += offers.length;
            }
        }
        int[] sorted = Arrays.copyOf(out, size);
        Arrays.sort(sorted);
        return sorted;
    }

    private PlacedCounts placed(String appId, String field, FieldValues values) {
        Map<String, PlacedCounts> byField = placedByApp.computeIfAbsent(appId, a -> new HashMap<>());
        PlacedCounts counts = byField.get(field);
        if (counts == null) {
            counts = new PlacedCounts(values.offeredValues());
            for (RunningInstance r : runningByApp.getOrDefault(appId, List.of())) {
                counts.add(values.ofRunning(r));
            }
            int[] launched = launchedByApp.getOrDefault(appId, new int[1]);
            for (int i = 1; i <= launched[0]; i++) {
                counts.add(values.ofOffer(launched[i]));
            }
            byField.put(field, counts);
        }
        return counts;
    }
}
