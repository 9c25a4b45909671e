package org.cyprus.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The conditional request header fields of a GET or HEAD, evaluated in the order of RFC 9110 §13.2.2. */
public final class Preconditions {
    /**
     * How long a modification time must lie in the past before a date may stand for a strong validator in
     * {@code If-Range}: within the same second a file could have changed twice (§8.8.2.2).
     */
    static final Duration DATE_STRENGTH = Duration.ofSeconds(1);

    private Preconditions() {
    }

    /** What the conditions say about going on with the request. */
    public enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

    /** Steps 1 to 4 of §13.2.2 for a GET or HEAD of {@code current}. */
    public static Outcome evaluate(ByteRequest request, Representation current, Instant now) {
        if (request.ifMatch().isPresent()) {
            // Step 1, §13.1.1: strong comparison; "*" holds, for the file exists. A malformed list matches nothing.
            boolean holds = EntityTagList.parse(request.ifMatch().get())
                    .map(list -> list.matches(current.entityTag(), true)).orElse(false);
            if (!holds) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (request.ifUnmodifiedSince().isPresent()) {
            // Step 2, §13.1.4: ignored when If-Match is present, or when the value is not one valid HTTP-date.
            Optional<Instant> date = HttpDate.parse(request.ifUnmodifiedSince().get(), now);
            if (date.isPresent() && current.lastModified().isAfter(date.get())) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        if (request.ifNoneMatch().isPresent()) {
            // Step 3, §13.1.2: weak comparison; false for GET and HEAD means 304. A malformed list matches nothing.
            boolean matches = EntityTagList.parse(request.ifNoneMatch().get())
                    .map(list -> list.matches(current.entityTag(), false)).orElse(false);
            if (matches) {
                return Outcome.NOT_MODIFIED;
            }
        } else if (request.ifModifiedSince().isPresent()) {
            // Step 4, §13.1.3: ignored when If-None-Match is present, or when the value is not one valid HTTP-date.
            Optional<Instant> date = HttpDate.parse(request.ifModifiedSince().get(), now);
            if (date.isPresent() && !current.lastModified().isAfter(date.get())) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * Step 5, §13.1.5: whether an {@code If-Range} validator lets the Range apply. An entity tag must match by strong
     * comparison, so a weak tag never does; a date must equal {@code Last-Modified} exactly and be a strong validator,
     * which §8.8.2.2 allows when the server knows the representation did not change twice within that second — taken
     * here as: its modification time lies at least a second in the past. Anything else is false, and the whole
     * representation is sent.
     */
    public static boolean ifRangeHolds(String fieldValue, Representation current, Instant now) {
        String value = fieldValue.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return EntityTag.parse(value).map(tag -> tag.strongMatch(current.entityTag())).orElse(false);
        }
        Optional<Instant> date = HttpDate.parse(value, now);
        boolean strong = !current.modified().plus(DATE_STRENGTH).isAfter(now);
        return strong && date.isPresent() && date.get().equals(current.lastModified());
    }
}
