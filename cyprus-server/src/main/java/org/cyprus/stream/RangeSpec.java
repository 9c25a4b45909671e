package org.cyprus.stream;

import java.util.Optional;
import java.util.OptionalLong;

/** One range-spec of a {@code Range} header, as requested, before it meets a representation (RFC 9110 §14.1.1). */
public sealed interface RangeSpec {

    /**
     * Resolves the spec against a representation of {@code lengthBytes}: the bytes it selects, or nothing when it is
     * unsatisfiable there (RFC 9110 §14.1.2).
     */
    Optional<ByteRange> resolve(long lengthBytes);

    /** {@code first-pos "-" [ last-pos ]}: from {@code firstPos} to {@code lastPos}, or to the end. */
    record IntRange(long firstPos, OptionalLong lastPos) implements RangeSpec {
        public IntRange {
            if (firstPos < 0 || lastPos.isPresent() && lastPos.getAsLong() < firstPos) {
                throw new IllegalArgumentException("invalid int-range");
            }
        }

        @Override
        public Optional<ByteRange> resolve(long lengthBytes) {
            if (firstPos >= lengthBytes) {
                return Optional.empty();
            }
            // RFC 9110 §14.1.2: a last-pos absent or past the end means "to the end".
            long last = lastPos.isPresent() ? Math.min(lastPos.getAsLong(), lengthBytes - 1) : lengthBytes - 1;
            return Optional.of(new ByteRange(firstPos, last));
        }
    }

    /** {@code "-" suffix-length}: the last {@code suffixLength} bytes, or all of them when there are fewer. */
    record SuffixRange(long suffixLength) implements RangeSpec {
        public SuffixRange {
            if (suffixLength < 0) {
                throw new IllegalArgumentException("negative suffix-length");
            }
        }

        @Override
        public Optional<ByteRange> resolve(long lengthBytes) {
            if (suffixLength == 0 || lengthBytes == 0) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(Math.max(0, lengthBytes - suffixLength), lengthBytes - 1));
        }
    }
}
