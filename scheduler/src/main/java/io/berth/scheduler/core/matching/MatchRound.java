package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link OfferMatcher#match} call: groups the waiting instances, places them group by group
 * through {@link OfferSearch}, keeps the launches, and lets {@link Consolidation} tidy up. Mutable,
 * used once, then dropped.
 */
final class MatchRound {
    private final PlacementPolicy policy;
    private final OfferTable table;
    private final AppConstraints constraints;
    private final List<Launch> launches = new ArrayList<>();
    private final List<Unplaced> unplaced = new ArrayList<>();
    private final List<InstanceGroup> launchGroups = new ArrayList<>();
    private final List<WaitingInstance> launchInstances = new ArrayList<>();
    private int[] launchOffers = new int[64];
    private OfferSearch search;

    MatchRound(PlacementPolicy policy, List<Offer> offers, List<RunningInstance> running) {
        this.policy = policy;
        this.table = new OfferTable(offers);
        this.constraints = new AppConstraints(table, running);
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
        search = new OfferSearch(policy, table, keyResource(groups.values()));
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
        WaitingInstance.Shape shape = group.shape;
        group.demand = new Demand(shape.resources(), shape.hostPorts(), shape.acceptedRoles(), table);
        group.constraints = constraints.compile(shape);
        int[] candidates = constraints.candidates(group);
        boolean repin = group.pinsOnFirstLaunch();
        List<WaitingInstance> instances = group.instances;
        for (int i = 0; i < instances.size(); i++) {
            int o = search.find(group, candidates);
            if (o < 0) {
                List<Veto> vetoes = VetoCounter.count(table, group);
                for (int j = i; j < instances.size(); j++) {
                    WaitingInstance w = instances.get(j);
                    unplaced.add(new Unplaced(w.instanceId(), w.appId(), table.size(), vetoes));
                }
                return;
            }
            launches.add(table.take(group.demand, o, instances.get(i)));
            search.changed(o);
            constraints.launched(shape.appId(), o);
            noteLaunch(group, instances.get(i), o);
            if (repin) {
                candidates = constraints.candidates(group);
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
        search.changed(o);
        constraints.count(launchGroups.get(i).shape.appId(), o, false);
    }

    /** Launches {@code i} again, on offer {@code o} (consolidation). */
    void relaunch(int i, int o) {
        InstanceGroup group = launchGroups.get(i);
        launches.set(i, table.take(group.demand, o, launchInstances.get(i)));
        launchOffers[i] = o;
        search.changed(o);
        constraints.count(group.shape.appId(), o, true);
    }

    Launch launch(int i) {
        return launches.get(i);
    }

    /** Puts launch {@code i} back exactly as {@code original} was, on offer {@code o} (consolidation rollback). */
    void restore(int i, Launch original, int o) {
        table.restore(o, original);
        launches.set(i, original);
        launchOffers[i] = o;
        search.changed(o);
        constraints.count(launchGroups.get(i).shape.appId(), o, true);
    }

    /** The fullest already used offer, other than {@code excluded}, that fits the group. */
    int fullestUsedFit(InstanceGroup group, int excluded) {
        return search.fullestUsedFit(group, excluded);
    }

    int key() {
        return search.key();
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
