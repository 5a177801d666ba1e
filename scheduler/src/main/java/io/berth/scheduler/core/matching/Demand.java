package io.berth.scheduler.core.matching;

import java.util.List;
import java.util.Set;

/** What one instance of a group needs, in the offer table's terms (thousandths, role ids). */
final class Demand {
    final long[] amount = new long[OfferTable.DIMS];
    final int[] fixedPorts;
    final int dynamicPorts;
    final boolean[] roleAccepted;
    final boolean allRoles;
    final boolean anyRole;

    Demand(Resources resources, List<Integer> hostPorts, Set<String> acceptedRoles, OfferTable table) {
        amount[OfferTable.CPUS] = Resources.thousandths(resources.cpus());
        amount[OfferTable.MEM] = Resources.thousandths(resources.memMb());
        amount[OfferTable.DISK] = Resources.thousandths(resources.diskMb());
        amount[OfferTable.GPUS] = Resources.thousandths(resources.gpus());
        int dynamic = 0;
        int fixed = 0;
        for (int port : hostPorts) {
            if (port == 0) {
                dynamic++;
            } else {
                fixed++;
            }
        }
        dynamicPorts = dynamic;
        fixedPorts = new int[fixed];
        int i = 0;
        for (int port : hostPorts) {
            if (port != 0) {
                fixedPorts[i++] = port;
            }
        }
        roleAccepted = new boolean[table.roleCount()];
        boolean all = true;
        boolean any = false;
        for (int r = 0; r < roleAccepted.length; r++) {
            roleAccepted[r] = acceptedRoles.contains(table.roleName(r));
            all &= roleAccepted[r];
            any |= roleAccepted[r];
        }
        allRoles = all;
        anyRole = any;
    }

    int totalPorts() {
        return dynamicPorts + fixedPorts.length;
    }
}
