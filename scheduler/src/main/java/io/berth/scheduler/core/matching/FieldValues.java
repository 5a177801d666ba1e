package io.berth.scheduler.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of one constraint field ({@code hostname} or an attribute) interned to ints, for every
 * offer of the round and for running instances, with an inverted index value to offers.
 */
final class FieldValues {
    static final int MISSING = -1;

    private final String field;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final int[] offerValue;
    private final int offeredValues;
    private int[][] offersByValue;

    FieldValues(String field, OfferTable table) {
        this.field = field;
        offerValue = new int[table.size()];
        for (int o = 0; o < offerValue.length; o++) {
            Offer offer = table.offer(o);
            offerValue[o] = idOf(Constraint.fieldValue(field, offer.hostname(), offer.attributes()));
        }
        offeredValues = names.size();
    }

    /** Values seen on offers have the ids 0 .. offeredValues()-1. */
    int offeredValues() {
        return offeredValues;
    }

    int ofOffer(int o) {
        return offerValue[o];
    }

    int ofRunning(RunningInstance running) {
        return idOf(Constraint.fieldValue(field, running.hostname(), running.attributes()));
    }

    String name(int id) {
        return names.get(id);
    }

    /** Value ids seen on offers, in first-seen order. */
    int distinctOnOffers() {
        return offeredValues;
    }

    /** Offers (ascending) whose field has the value. */
    int[] offersWith(int id) {
        index();
        return id >= 0 && id < offersByValue.length ? offersByValue[id] : new int[0];
    }

    private int idOf(Optional<String> value) {
        if (value.isEmpty()) {
            return MISSING;
        }
        Integer id = ids.get(value.get());
        if (id == null) {
            id = names.size();
            ids.put(value.get(), id);
            names.add(value.get());
        }
        return id;
    }

    private void index() {
        if (offersByValue != null) {
            return;
        }
        int values = offeredValues;
        int[] counts = new int[values];
        for (int v : offerValue) {
            if (v >= 0) {
                counts[v]++;
            }
        }
        offersByValue = new int[values][];
        for (int v = 0; v < values; v++) {
            offersByValue[v] = new int[counts[v]];
        }
        Arrays.fill(counts, 0);
        for (int o = 0; o < offerValue.length; o++) {
            int v = offerValue[o];
            if (v >= 0) {
                offersByValue[v][counts[v]++] = o;
            }
        }
    }
}
