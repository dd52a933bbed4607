package org.opencpm.msrp.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The disjoint byte ranges of a message received so far, zero-based, end exclusive, merged as they touch. */
final class ReceivedRanges {

    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    void add(long from, long to) {
        if (from >= to) {
            return;
        }
        long start = from;
        long end = to;
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        // Swallow every range that begins inside or right after the new one.
        Map.Entry<Long, Long> next = ranges.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            ranges.remove(next.getKey());
            next = ranges.ceilingEntry(start);
        }
        ranges.put(start, end);
    }

    int count() {
        return ranges.size();
    }

    /** How many bytes from the first one have all arrived. */
    long contiguous() {
        Long end = ranges.get(0L);
        return end == null ? 0 : end;
    }

    /** One past the last byte received, zero when nothing has. */
    long end() {
        return ranges.isEmpty() ? 0 : ranges.lastEntry().getValue();
    }

    /** The ranges as {@code {from, to}} pairs in order. */
    List<long[]> list() {
        List<long[]> list = new ArrayList<>(ranges.size());
        ranges.forEach((from, to) -> list.add(new long[] {from, to}));
        return list;
    }
}
