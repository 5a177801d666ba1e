package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The free resources of every offer during one round, in primitive arrays (thousandths). Each offer
 * has one pool per role, reserved roles first, then {@code *}. Mutable and private to one round.
 */
final class OfferTable {
    static final int CPUS = 0;
    static final int MEM = 1;
    static final int DISK = 2;
    static final int GPUS = 3;
    static final int DIMS = 4;

    static final int ROLE = 1;
    static final int SHORT_CPUS = 1 << 1;
    static final int SHORT_MEM = 1 << 2;
    static final int SHORT_DISK = 1 << 3;
    static final int SHORT_GPUS = 1 << 4;
    static final int SHORT_PORTS = 1 << 5;
    static final int PORT_TAKEN = 1 << 6;

    private final List<Offer> offers;
    private final List<String> roleNames = new ArrayList<>();
    private final int[] poolStart;
    private final int[] poolRole;
    private final long[][] poolFree;
    private final PortPool[] poolPorts;
    final long[][] free;
    final int[] freePorts;
    final int[] launchCount;

    OfferTable(List<Offer> offers) {
        this.offers = offers;
        int n = offers.size();
        int pools = 0;
        for (Offer offer : offers) {
            pools += offer.resources().size();
        }
        poolStart = new int[n + 1];
        poolRole = new int[pools];
        poolFree = new long[DIMS][pools];
        poolPorts = new PortPool[pools];
        free = new long[DIMS][n];
        freePorts = new int[n];
        launchCount = new int[n];
        Map<String, Integer> roleIds = new HashMap<>();
        int p = 0;
        for (int o = 0; o < n; o++) {
            poolStart[o] = p;
            for (int pass = 0; pass < 2; pass++) {
                for (RoleResources rr : offers.get(o).resources()) {
                    if (rr.isReserved() == (pass == 0)) {
                        poolRole[p] = roleIds.computeIfAbsent(rr.role(), r -> {
                            roleNames.add(r);
                            return roleNames.size() - 1;
                        });
                        Resources s = rr.scalars();
                        long[] amounts = {Resources.thousandths(s.cpus()), Resources.thousandths(s.memMb()),
                            Resources.thousandths(s.diskMb()), Resources.thousandths(s.gpus())};
                        for (int d = 0; d < DIMS; d++) {
                            poolFree[d][p] = amounts[d];
                            free[d][o] += amounts[d];
                        }
                        poolPorts[p] = new PortPool(rr.ports());
                        freePorts[o] += poolPorts[p].free();
                        p++;
                    }
                }
            }
        }
        poolStart[n] = p;
    }

    int size() {
        return offers.size();
    }

    Offer offer(int o) {
        return offers.get(o);
    }

    int roleCount() {
        return roleNames.size();
    }

    String roleName(int id) {
        return roleNames.get(id);
    }

    /** A bit set of what the offer lacks for the demand, 0 when it fits. */
    int shortfall(Demand d, int o) {
        if (d.allRoles) {
            int bits = 0;
            long[] need = d.amount;
            if (free[CPUS][o] < need[CPUS]) {
                bits |= SHORT_CPUS;
            }
            if (free[MEM][o] < need[MEM]) {
                bits |= SHORT_MEM;
            }
            if (free[DISK][o] < need[DISK]) {
                bits |= SHORT_DISK;
            }
            if (free[GPUS][o] < need[GPUS]) {
                bits |= SHORT_GPUS;
            }
            if (d.totalPorts() == 0) {
                return bits;
            }
            if (d.fixedPorts.length == 0) {
                return freePorts[o] < d.dynamicPorts ? bits | SHORT_PORTS : bits;
            }
        }
        return shortfallByRole(d, o);
    }

    private int shortfallByRole(Demand d, int o) {
        long cpus = 0;
        long mem = 0;
        long disk = 0;
        long gpus = 0;
        int ports = 0;
        boolean accepted = false;
        for (int p = poolStart[o]; p < poolStart[o + 1]; p++) {
            if (d.roleAccepted[poolRole[p]]) {
                accepted = true;
                cpus += poolFree[CPUS][p];
                mem += poolFree[MEM][p];
                disk += poolFree[DISK][p];
                gpus += poolFree[GPUS][p];
                ports += poolPorts[p].free();
            }
        }
        if (!accepted) {
            return ROLE;
        }
        int bits = 0;
        bits |= cpus < d.amount[CPUS] ? SHORT_CPUS : 0;
        bits |= mem < d.amount[MEM] ? SHORT_MEM : 0;
        bits |= disk < d.amount[DISK] ? SHORT_DISK : 0;
        bits |= gpus < d.amount[GPUS] ? SHORT_GPUS : 0;
        int fixedFree = 0;
        for (int port : d.fixedPorts) {
            if (acceptedPoolWith(d, o, port) >= 0) {
                fixedFree++;
            } else {
                bits |= PORT_TAKEN;
            }
        }
        if (ports - fixedFree < d.dynamicPorts) {
            bits |= SHORT_PORTS;
        }
        return bits;
    }

    /** The fixed ports of the demand this offer cannot give. */
    List<Integer> unavailablePorts(Demand d, int o) {
        List<Integer> out = new ArrayList<>();
        for (int port : d.fixedPorts) {
            if (acceptedPoolWith(d, o, port) < 0) {
                out.add(port);
            }
        }
        return out;
    }

    private int acceptedPoolWith(Demand d, int o, int port) {
        for (int p = poolStart[o]; p < poolStart[o + 1]; p++) {
            if (d.roleAccepted[poolRole[p]] && poolPorts[p].contains(port)) {
                return p;
            }
        }
        return -1;
    }

    /** Takes what the instance needs from the offer, which must fit, and returns the launch. */
    Launch take(Demand d, int o, WaitingInstance instance) {
        int first = poolStart[o];
        int last = poolStart[o + 1];
        if (last - first == 1 && d.roleAccepted[poolRole[first]]) {
            return takeFromOnlyPool(d, o, instance);
        }
        int[] fixedPool = new int[d.fixedPorts.length];
        for (int i = 0; i < fixedPool.length; i++) {
            fixedPool[i] = acceptedPoolWith(d, o, d.fixedPorts[i]);
            poolPorts[fixedPool[i]].take(d.fixedPorts[i]);
        }
        int[] dynamic = new int[d.dynamicPorts];
        long[][] parts = new long[last - first][];
        int[] portsFrom = new int[last - first + 1];
        long[] left = d.amount.clone();
        int dynamicTaken = 0;
        int contributing = 0;
        for (int p = first; p < last; p++) {
            portsFrom[p - first] = dynamicTaken;
            if (!d.roleAccepted[poolRole[p]]) {
                continue;
            }
            long[] part = new long[DIMS];
            boolean any = false;
            for (int dim = 0; dim < DIMS; dim++) {
                part[dim] = Math.min(left[dim], poolFree[dim][p]);
                poolFree[dim][p] -= part[dim];
                left[dim] -= part[dim];
                free[dim][o] -= part[dim];
                any |= part[dim] > 0;
            }
            dynamicTaken += poolPorts[p].takeLowest(d.dynamicPorts - dynamicTaken, dynamic, dynamicTaken);
            any |= dynamicTaken > portsFrom[p - first] || contains(fixedPool, p);
            if (any) {
                parts[p - first] = part;
                contributing++;
            }
        }
        portsFrom[last - first] = dynamicTaken;
        if (dynamicTaken != d.dynamicPorts || (left[CPUS] | left[MEM] | left[DISK] | left[GPUS]) != 0) {
            throw new IllegalStateException("offer " + offers.get(o).id() + " does not fit " + instance.instanceId());
        }
        freePorts[o] -= d.totalPorts();
        launchCount[o]++;
        List<RoleShare> shares = new ArrayList<>(contributing);
        for (int p = first; p < last; p++) {
            long[] part = parts[p - first];
            if (part != null) {
                Resources scalars = contributing == 1 ? instance.resources()
                        : Resources.ofThousandths(part[CPUS], part[MEM], part[DISK], part[GPUS]);
                List<Integer> ports = new ArrayList<>();
                for (int i = 0; i < fixedPool.length; i++) {
                    if (fixedPool[i] == p) {
                        ports.add(d.fixedPorts[i]);
                    }
                }
                for (int i = portsFrom[p - first]; i < portsFrom[p - first + 1]; i++) {
                    ports.add(dynamic[i]);
                }
                shares.add(new RoleShare(roleNames.get(poolRole[p]), scalars, ports));
            }
        }
        Offer offer = offers.get(o);
        return new Launch(instance.instanceId(), instance.appId(), offer.id(), offer.agentId(), offer.hostname(),
                instance.resources(), hostPorts(instance, dynamic), shares);
    }

    /** The common case, one role in the offer: no per-role bookkeeping, the share is the whole launch. */
    private Launch takeFromOnlyPool(Demand d, int o, WaitingInstance instance) {
        int p = poolStart[o];
        for (int dim = 0; dim < DIMS; dim++) {
            poolFree[dim][p] -= d.amount[dim];
            free[dim][o] -= d.amount[dim];
        }
        List<Integer> ports = List.of();
        if (d.totalPorts() > 0) {
            for (int port : d.fixedPorts) {
                poolPorts[p].take(port);
            }
            int[] dynamic = new int[d.dynamicPorts];
            if (poolPorts[p].takeLowest(d.dynamicPorts, dynamic, 0) != d.dynamicPorts) {
                throw new IllegalStateException("offer " + offers.get(o).id() + " lacks ports for "
                        + instance.instanceId());
            }
            ports = hostPorts(instance, dynamic);
            freePorts[o] -= d.totalPorts();
        }
        launchCount[o]++;
        Offer offer = offers.get(o);
        List<RoleShare> shares = List.of(new RoleShare(roleNames.get(poolRole[p]), instance.resources(), ports));
        return new Launch(instance.instanceId(), instance.appId(), offer.id(), offer.agentId(), offer.hostname(),
                instance.resources(), ports, shares);
    }

    /** Gives back everything a launch took from offer {@code o}, share by share. */
    void release(int o, Launch launch) {
        for (RoleShare share : launch.shares()) {
            int p = poolOfRole(o, share.role());
            long[] amounts = {Resources.thousandths(share.scalars().cpus()), Resources.thousandths(share.scalars().memMb()),
                Resources.thousandths(share.scalars().diskMb()), Resources.thousandths(share.scalars().gpus())};
            for (int dim = 0; dim < DIMS; dim++) {
                poolFree[dim][p] += amounts[dim];
                free[dim][o] += amounts[dim];
            }
            for (int port : share.ports()) {
                poolPorts[p].give(port);
            }
            freePorts[o] += share.ports().size();
        }
        launchCount[o]--;
    }

    /** Undoes {@link #release}: takes exactly what the launch had, the same ports included. */
    void restore(int o, Launch launch) {
        for (RoleShare share : launch.shares()) {
            int p = poolOfRole(o, share.role());
            long[] amounts = {Resources.thousandths(share.scalars().cpus()), Resources.thousandths(share.scalars().memMb()),
                Resources.thousandths(share.scalars().diskMb()), Resources.thousandths(share.scalars().gpus())};
            for (int dim = 0; dim < DIMS; dim++) {
                poolFree[dim][p] -= amounts[dim];
                free[dim][o] -= amounts[dim];
            }
            for (int port : share.ports()) {
                poolPorts[p].take(port);
            }
            freePorts[o] -= share.ports().size();
        }
        launchCount[o]++;
    }

    private int poolOfRole(int o, String role) {
        for (int p = poolStart[o]; p < poolStart[o + 1]; p++) {
            if (roleNames.get(poolRole[p]).equals(role)) {
                return p;
            }
        }
        throw new IllegalStateException("offer " + offers.get(o).id() + " has no role " + role);
    }

    private static boolean contains(int[] values, int wanted) {
        for (int v : values) {
            if (v == wanted) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> hostPorts(WaitingInstance instance, int[] dynamic) {
        List<Integer> asked = instance.hostPorts();
        if (asked.isEmpty()) {
            return List.of();
        }
        Integer[] out = new Integer[asked.size()];
        int next = 0;
        for (int i = 0; i < out.length; i++) {
            int port = asked.get(i);
            out[i] = port == 0 ? dynamic[next++] : port;
        }
        return List.of(out);
    }
}
