package org.cyprus.stream;

import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a request that decide how a representation's bytes are served: the method and the conditional and
 * range header fields as received (a field sent on several lines arrives joined by commas, RFC 9110 §5.3).
 */
public record ByteRequest(Method method, Optional<String> ifMatch, Optional<String> ifNoneMatch,
                          Optional<String> ifModifiedSince, Optional<String> ifUnmodifiedSince,
                          Optional<String> ifRange, Optional<String> range) {
    public ByteRequest {
        Objects.requireNonNull(method);
        Objects.requireNonNull(ifMatch);
        Objects.requireNonNull(ifNoneMatch);
        Objects.requireNonNull(ifModifiedSince);
        Objects.requireNonNull(ifUnmodifiedSince);
        Objects.requireNonNull(ifRange);
        Objects.requireNonNull(range);
    }

    /** The methods byte serving answers. */
    public enum Method { GET, HEAD }

    /** A plain request: no conditions, no range. */
    public static ByteRequest plain(Method method) {
        return new ByteRequest(method, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public ByteRequest withIfMatch(String value) {
        return new ByteRequest(method, Optional.of(value), ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, ifRange, range);
    }

    public ByteRequest withIfNoneMatch(String value) {
        return new ByteRequest(method, ifMatch, Optional.of(value), ifModifiedSince, ifUnmodifiedSince, ifRange, range);
    }

    public ByteRequest withIfModifiedSince(String value) {
        return new ByteRequest(method, ifMatch, ifNoneMatch, Optional.of(value), ifUnmodifiedSince, ifRange, range);
    }

    public ByteRequest withIfUnmodifiedSince(String value) {
        return new ByteRequest(method, ifMatch, ifNoneMatch, ifModifiedSince, Optional.of(value), ifRange, range);
    }

    public ByteRequest withIfRange(String value) {
        return new ByteRequest(method, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, Optional.of(value), range);
    }

    public ByteRequest withRange(String value) {
        return new ByteRequest(method, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, ifRange, Optional.of(value));
    }
}
