package org.cyprus.stream;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How to answer a GET or HEAD of a representation's bytes, decided by RFC 9110 §13 (conditional requests) and §14
 * (range requests) from the request's header fields alone; an adapter writes the decision.
 */
public sealed interface ByteServing {

    /** 200 with the whole representation. */
    record Full() implements ByteServing {
    }

    /** 206 with one range and its {@code Content-Range} (§14.4, §15.3.7.1). */
    record Partial(ByteRange range) implements ByteServing {
    }

    /** 206 {@code multipart/byteranges} with these ranges, in this order (§14.6, §15.3.7.2). */
    record Multipart(List<ByteRange> ranges) implements ByteServing {
        public Multipart {
            ranges = List.copyOf(ranges);
            if (ranges.size() < 2) {
                throw new IllegalArgumentException("a multipart answer has at least two parts");
            }
        }
    }

    /** 304: the client's copy is current (§15.4.5). */
    record NotModified() implements ByteServing {
    }

    /** 412: an If-Match or If-Unmodified-Since condition is false (§15.5.13). */
    record PreconditionFailed() implements ByteServing {
    }

    /** 416 with {@code Content-Range: bytes *}{@code /completeLengthBytes} (§15.5.17). */
    record Unsatisfiable(long completeLengthBytes) implements ByteServing {
    }

    /** The answer to {@code request} for {@code current}, {@code now}. */
    static ByteServing decide(ByteRequest request, Representation current, Instant now) {
        switch (Preconditions.evaluate(request, current, now)) {
            case NOT_MODIFIED -> {
                return new NotModified();
            }
            case PRECONDITION_FAILED -> {
                return new PreconditionFailed();
            }
            case PROCEED -> {
            }
        }
        // §14.2: "A server MUST ignore a Range header field received with a request method that is unrecognized or
        // for which range handling is not defined. For this specification, GET is the only method for which range
        // handling is defined." So a HEAD describes the whole representation, Range or not.
        if (request.method() != ByteRequest.Method.GET || request.range().isEmpty()) {
            return new Full();
        }
        // §13.2.2 step 5; §13.1.5: If-Range is looked at only alongside a Range.
        if (request.ifRange().isPresent() && !Preconditions.ifRangeHolds(request.ifRange().get(), current, now)) {
            return new Full();
        }
        Optional<List<RangeSpec>> specs = RangeHeader.parse(request.range().get());
        return specs.isEmpty() ? new Full() : RangeSelection.select(specs.get(), current.lengthBytes());
    }
}
