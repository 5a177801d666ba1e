package io.berth.scheduler.core.matching;

import static io.berth.scheduler.core.matching.OfferTable.CPUS;
import static io.berth.scheduler.core.matching.OfferTable.DISK;
import static io.berth.scheduler.core.matching.OfferTable.GPUS;
import static io.berth.scheduler.core.matching.OfferTable.MEM;

import io.berth.scheduler.core.matching.Veto.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts, over every offer, why a group's next instance does not fit: one pass over the offers per
 * group that stays waiting. An offer lacking every accepted role counts only as UNFULFILLED_ROLE;
 * otherwise each failing constraint, resource and port counts.
 */
final class VetoCounter {
    private VetoCounter() {
    }

    static List<Veto> count(OfferTable table, InstanceGroup group) {
        Demand d = group.demand;
        int roles = 0;
        int[] constraintFails = new int[group.constraints.length];
        int[] shortBy = new int[7];
        Map<Integer, Integer> portFails = new TreeMap<>();
        for (int o = 0; o < table.size(); o++) {
            int bits = table.shortfall(d, o);
            if ((bits & OfferTable.ROLE) != 0) {
                roles++;
                continue;
            }
            for (int c = 0; c < constraintFails.length; c++) {
                if (!group.constraints[c].accepts(o)) {
                    constraintFails[c]++;
                }
            }
            for (int bit = 1; bit < 7; bit++) {
                if ((bits & (1 << bit)) != 0) {
                    shortBy[bit]++;
                }
            }
            if ((bits & OfferTable.PORT_TAKEN) != 0) {
                for (int port : table.unavailablePorts(d, o)) {
                    portFails.merge(port, 1, Integer::sum);
                }
            }
        }
        List<Veto> vetoes = new ArrayList<>();
        add(vetoes, Reason.UNFULFILLED_ROLE, "accepted roles " + new TreeSet<>(group.shape.acceptedRoles()), roles);
        for (int c = 0; c < constraintFails.length; c++) {
            add(vetoes, Reason.UNFULFILLED_CONSTRAINT, group.constraints[c].constraint.toString(), constraintFails[c]);
        }
        Resources need = group.shape.resources();
        add(vetoes, Reason.INSUFFICIENT_CPUS, "cpus " + need.cpus(), shortBy[bitIndex(CPUS)]);
        add(vetoes, Reason.INSUFFICIENT_MEMORY, "mem " + need.memMb(), shortBy[bitIndex(MEM)]);
        add(vetoes, Reason.INSUFFICIENT_DISK, "disk " + need.diskMb(), shortBy[bitIndex(DISK)]);
        add(vetoes, Reason.INSUFFICIENT_GPUS, "gpus " + need.gpus(), shortBy[bitIndex(GPUS)]);
        add(vetoes, Reason.INSUFFICIENT_PORTS, d.totalPorts() + " ports", shortBy[5]);
        portFails.forEach((port, offers) -> add(vetoes, Reason.PORT_UNAVAILABLE, "port " + port, offers));
        return List.copyOf(vetoes);
    }

    private static int bitIndex(int dim) {
        return dim + 1;
    }

    private static void add(List<Veto> vetoes, Reason reason, String detail, int offers) {
        if (offers > 0) {
            vetoes.add(new Veto(reason, detail, offers));
        }
    }
}
