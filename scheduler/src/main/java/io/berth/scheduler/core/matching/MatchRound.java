package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state of one {@link OfferMatcher#match} call: the offer table, the free-resource
 * index, interned field values and per-app placed counts. Used once, then dropped.
 */
final class MatchRound {
    private final PlacementPolicy policy;
    private final OfferTable table;
    private final Map<String, List<RunningInstance>> runningByApp = new HashMap<>();
    private final Map<String, FieldValues> fields = new HashMap<>();
    private final Map<String, Map<String, PlacedCounts>> placedByApp = new HashMap<>();
    private final Map<String, int[]> launchedByApp = new HashMap<>();
    private final Map<Constraint, StaticVerdicts> verdicts = new HashMap<>();
    private final Map<Constraint, int[]> candidatesByRule = new HashMap<>();
    private final List<Launch> launches = new ArrayList<>();
    private final List<Unplaced> unplaced = new ArrayList<>();
    private final List<InstanceGroup> launchGroups = new ArrayList<>();
    private final List<WaitingInstance> launchInstances = new ArrayList<>();
    private int[] launchOffers = new int[64];
    private int key;
    private FreeIndex index;

    MatchRound(PlacementPolicy policy, List<Offer> offers, List<RunningInstance> running) {
        this.policy = policy;
        this.table = new OfferTable(offers);
        for (RunningInstance r : running) {
            runningByApp.computeIfAbsent(r.appId(), a -> new ArrayList<>()).add(r);
        }
    }

    MatchResult run(List<WaitingInstance> waiting) {
        Map<WaitingInstance.Shape, InstanceGroup> groups = new LinkedHashMap<>();
        InstanceGroup last = null;
        WaitingInstance previous = null;
        for (WaitingInstance w : waiting) {
            if (previous == null || !sameShapeCheaply(previous, w)) {
                last = groups.computeIfAbsent(w.shape(), InstanceGroup::new);
            }
            last.instances.add(w);
            previous = w;
        }
        key = keyResource(groups.values());
        index = new FreeIndex(table.free[key]);
        for (InstanceGroup group : groups.values()) {
            place(group);
        }
        if (policy == PlacementPolicy.BIN_PACK && unplaced.isEmpty()) {
            new Consolidation(this, table).run();
        }
        List<OfferId> unused = new ArrayList<>();
        for (int o = 0; o < table.size(); o++) {
            if (table.launchCount[o] == 0) {
                unused.add(table.offer(o).id());
            }
        }
        return new MatchResult(launches, unplaced, unused);
    }

    /** Consecutive instances of one app usually share their value objects: skip hashing them. */
    private static boolean sameShapeCheaply(WaitingInstance a, WaitingInstance b) {
        return a.resources() == b.resources() && a.hostPorts() == b.hostPorts()
                && a.acceptedRoles() == b.acceptedRoles() && a.constraints() == b.constraints()
                && a.appId().equals(b.appId());
    }

    private void place(InstanceGroup group) {
        compile(group);
        int[] candidates = candidates(group);
        boolean repin = group.pinsOnFirstLaunch();
        List<WaitingInstance> instances = group.instances;
        for (int i = 0; i < instances.size(); i++) {
            int o = find(group, candidates);
            if (o < 0) {
                List<Veto> vetoes = VetoCounter.count(table, group);
                for (int j = i; j < instances.size(); j++) {
                    WaitingInstance w = instances.get(j);
                    unplaced.add(new Unplaced(w.instanceId(), w.appId(), table.size(), vetoes));
                }
                return;
            }
            launches.add(table.take(group.demand, o, instances.get(i)));
            index.update(o);
            recordLaunch(group.shape.appId(), o);
            noteLaunch(group, instances.get(i), o);
            if (repin) {
                candidates = candidates(group);
                repin = false;
            }
        }
    }

    private void noteLaunch(InstanceGroup group, WaitingInstance instance, int o) {
        if (launches.size() > launchOffers.length) {
            launchOffers = Arrays.copyOf(launchOffers, launchOffers.length * 2);
        }
        launchOffers[launches.size() - 1] = o;
        launchGroups.add(group);
        launchInstances.add(instance);
    }

    int launches() {
        return launches.size();
    }

    int launchOffer(int i) {
        return launchOffers[i];
    }

    InstanceGroup launchGroup(int i) {
        return launchGroups.get(i);
    }

    /** Takes launch {@code i} back from its offer (consolidation). */
    void unlaunch(int i) {
        int o = launchOffers[i];
        table.release(o, launches.get(i));
        index.update(o);
        forEachCount(launchGroups.get(i).shape.appId(), o, false);
    }

    /** Launches {@code i} again, on offer {@code o} (consolidation). */
    void relaunch(int i, int o) {
        InstanceGroup group = launchGroups.get(i);
        launches.set(i, table.take(group.demand, o, launchInstances.get(i)));
        launchOffers[i] = o;
        index.update(o);
        forEachCount(group.shape.appId(), o, true);
    }

    Launch launch(int i) {
        return launches.get(i);
    }

    /** Puts launch {@code i} back exactly as {@code original} was, on offer {@code o} (consolidation rollback). */
    void restore(int i, Launch original, int o) {
        table.restore(o, original);
        launches.set(i, original);
        launchOffers[i] = o;
        index.update(o);
        forEachCount(launchGroups.get(i).shape.appId(), o, true);
    }

    /** The fullest already used offer, other than {@code excluded}, that fits the group. */
    int fullestUsedFit(InstanceGroup group, int excluded) {
        for (int b = index.nextBucket(index.bucketFor(group.demand.amount[key])); b >= 0; b = index.nextBucket(b + 1)) {
            for (int s = 0, n = index.size(b); s < n; s++) {
                int o = index.member(b, s);
                if (o != excluded && table.launchCount[o] > 0 && fits(group, o, false)) {
                    return o;
                }
            }
        }
        return -1;
    }

    int key() {
        return key;
    }

    private void forEachCount(String appId, int o, boolean add) {
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

    private int find(InstanceGroup group, int[] candidates) {
        if (group.wantsNewValue()) {
            int o = find(group, candidates, true);
            if (o >= 0) {
                return o;
            }
            group.noNewValueFits = true;
        }
        return find(group, candidates, false);
    }

    private int find(InstanceGroup group, int[] candidates, boolean newValue) {
        if (candidates != null && candidates.length * 4L <= table.size()) {
            return bestOf(group, candidates, newValue);
        }
        return policy == PlacementPolicy.SPREAD ? emptiestFit(group, newValue) : fullestFit(group, newValue);
    }

    private boolean fits(InstanceGroup group, int o, boolean newValue) {
        return table.shortfall(group.demand, o) == 0 && group.accepts(o) && (!newValue || group.isNewValueForAll(o));
    }

    private int fullestFit(InstanceGroup group, boolean newValue) {
        for (int b = index.nextBucket(index.bucketFor(group.demand.amount[key])); b >= 0; b = index.nextBucket(b + 1)) {
            for (int s = 0, n = index.size(b); s < n; s++) {
                int o = index.member(b, s);
                if (fits(group, o, newValue)) {
                    return o;
                }
            }
        }
        return -1;
    }

    private int emptiestFit(InstanceGroup group, boolean newValue) {
        int lowest = index.bucketFor(group.demand.amount[key]);
        for (int b = index.previousBucket(index.buckets() - 1); b >= lowest; b = index.previousBucket(b - 1)) {
            for (int s = 0, n = index.size(b); s < n; s++) {
                int o = index.member(b, s);
                if (fits(group, o, newValue)) {
                    return o;
                }
            }
        }
        return -1;
    }

    private int bestOf(InstanceGroup group, int[] candidates, boolean newValue) {
        int best = -1;
        long[] free = table.free[key];
        for (int o : candidates) {
            if (fits(group, o, newValue)
                    && (best < 0 || (policy == PlacementPolicy.SPREAD ? free[o] > free[best] : free[o] < free[best]))) {
                best = o;
            }
        }
        return best;
    }

    /** The offers a restricting constraint admits (the smallest such set), or null for "any offer". */
    private int[] candidates(InstanceGroup group) {
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

    private void compile(InstanceGroup group) {
        WaitingInstance.Shape shape = group.shape;
        group.demand = new Demand(shape.resources(), shape.hostPorts(), shape.acceptedRoles(), table);
        List<Constraint> rules = shape.constraints();
        group.constraints = new CompiledConstraint[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            Constraint c = rules.get(i);
            FieldValues values = fields.computeIfAbsent(c.field(), f -> new FieldValues(f, table));
            StaticVerdicts verdict = c.isStatic() || c.value().isPresent() && c.operator() == Constraint.Operator.CLUSTER
                    ? verdicts.computeIfAbsent(c, r -> new StaticVerdicts(r, values)) : null;
            group.constraints[i] = new CompiledConstraint(c, values, placed(shape.appId(), c.field(), values), verdict);
        }
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

    private void recordLaunch(String appId, int o) {
        Map<String, PlacedCounts> byField = placedByApp.get(appId);
        if (byField != null) {
            for (Map.Entry<String, PlacedCounts> e : byField.entrySet()) {
                e.getValue().add(fields.get(e.getKey()).ofOffer(o));
            }
        }
        int[] launched = launchedByApp.getOrDefault(appId, new int[4]);
        if (launched[0] + 1 == launched.length) {
            launched = Arrays.copyOf(launched, launched.length * 2);
        }
        launched[++launched[0]] = o;
        launchedByApp.put(appId, launched);
    }

    /** The resource the waiting instances ask most of, relative to what the offers have. */
    private int keyResource(Iterable<InstanceGroup> groups) {
        double[] demand = new double[OfferTable.DIMS];
        for (InstanceGroup g : groups) {
            Resources r = g.shape.resources();
            int n = g.instances.size();
            demand[OfferTable.CPUS] += r.cpus() * n;
            demand[OfferTable.MEM] += r.memMb() * n;
            demand[OfferTable.DISK] += r.diskMb() * n;
            demand[OfferTable.GPUS] += r.gpus() * n;
        }
        int best = OfferTable.CPUS;
        double bestRatio = 0;
        for (int d = 0; d < OfferTable.DIMS; d++) {
            double supply = 0;
            for (long f : table.free[d]) {
                supply += f / 1000.0;
            }
            double ratio = demand[d] == 0 ? 0 : supply == 0 ? Double.POSITIVE_INFINITY : demand[d] / supply;
            if (ratio > bestRatio) {
                best = d;
                bestRatio = ratio;
            }
        }
        return best;
    }
}
