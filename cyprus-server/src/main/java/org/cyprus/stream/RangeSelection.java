package org.cyprus.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which bytes a valid byte Range asks for, once it meets the representation (RFC 9110 §14.1.2, §14.2, §14.6). */
final class RangeSelection {
    /**
     * More range-specs than this and the Range is ignored (the whole representation is sent). §14.2: a server "MAY
     * ignore or reject a Range header field that consists of more than two overlapping ranges, or a set of many small
     * ranges that are not listed in ascending order, since both are indications of either a broken client or a
     * deliberate denial-of-service attack"; players ask for one range, and rarely for a few.
     */
    static final int MAX_RANGES = 32;
    /** More ranges than this overlapping another one and the Range is ignored too (§14.2, as above). */
    static final int MAX_OVERLAPPING = 2;

    private RangeSelection() {
    }

    static ByteServing select(List<RangeSpec> specs, long lengthBytes) {
        if (specs.size() > MAX_RANGES) {
            return new ByteServing.Full();
        }
        List<ByteRange> ranges = new ArrayList<>(specs.size());
        for (RangeSpec spec : specs) {
            spec.resolve(lengthBytes).ifPresent(ranges::add);
        }
        if (ranges.isEmpty()) {
            // §14.1.2: a range-set holding a suffix-range with a non-zero suffix-length is satisfiable even when the
            // representation is empty — but no byte of an empty one can be named in a Content-Range (§14.4), so the
            // Range is ignored (§14.2 allows that) and the empty representation is sent whole. Otherwise: 416.
            boolean nonZeroSuffix = specs.stream().anyMatch(s -> s instanceof RangeSpec.SuffixRange(long n) && n > 0);
            return lengthBytes == 0 && nonZeroSuffix ? new ByteServing.Full() : new ByteServing.Unsatisfiable(lengthBytes);
        }
        if (overlapping(ranges) > MAX_OVERLAPPING) {
            return new ByteServing.Full();
        }
        List<ByteRange> parts = coalesce(ranges);
        return parts.size() == 1 ? new ByteServing.Partial(parts.getFirst()) : new ByteServing.Multipart(parts);
    }

    /** How many of the ranges share a byte with another one. */
    private static int overlapping(List<ByteRange> ranges) {
        int count = 0;
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = 0; j < ranges.size(); j++) {
                if (i != j && ranges.get(i).overlaps(ranges.get(j))) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /**
     * Ranges that overlap or adjoin merged into one (§14.2: a server "MAY coalesce any of the ranges that overlap, or
     * that are separated by a gap that is smaller than the overhead of sending multiple parts"), each merged range
     * kept where its first member was asked for: §14.6 says parts "SHOULD" come "in the same order that the
     * corresponding range-spec appeared in the received Range header field, excluding those ranges that were deemed
     * unsatisfiable or that were coalesced into other ranges". For a client that lists its ranges in ascending
     * order, as §14.2 asks, the parts are in ascending order.
     */
    static List<ByteRange> coalesce(List<ByteRange> ranges) {
        List<ByteRange> parts = new ArrayList<>(ranges);
        Optional<int[]> pair;
        while ((pair = mergeable(parts)).isPresent()) {
            int i = pair.get()[0];
            int j = pair.get()[1];
            parts.set(i, parts.get(i).span(parts.get(j)));
            parts.remove(j);
        }
        return List.copyOf(parts);
    }

    private static Optional<int[]> mergeable(List<ByteRange> parts) {
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                if (parts.get(i).overlapsOrAdjoins(parts.get(j))) {
                    return Optional.of(new int[] {i, j});
                }
            }
        }
        return Optional.empty();
    }
}
