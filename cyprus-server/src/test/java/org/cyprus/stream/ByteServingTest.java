package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.cyprus.stream.ByteRequest.Method;
import org.cyprus.stream.ByteServing.Full;
import org.cyprus.stream.ByteServing.Multipart;
import org.cyprus.stream.ByteServing.NotModified;
import org.cyprus.stream.ByteServing.Partial;
import org.cyprus.stream.ByteServing.PreconditionFailed;
import org.cyprus.stream.ByteServing.Unsatisfiable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole decisions — preconditions in the order of RFC 9110 §13.2.2, then If-Range and Range (§13.1.5, §14) — for a
 * 10,000-byte file with entity tag "v1", modified at 08:49:37.25 on 6 Nov 1994 and looked at an hour later.
 */
class ByteServingTest {
    static final Instant MODIFIED = Instant.parse("1994-11-06T08:49:37.250Z");
    static final Instant NOW = MODIFIED.plus(Duration.ofHours(1));
    static final Representation FILE = new Representation(10_000, EntityTag.strong("v1"), MODIFIED);
    static final String LAST_MODIFIED = "Sun, 06 Nov 1994 08:49:37 GMT";
    static final String EARLIER = "Sun, 06 Nov 1994 08:49:36 GMT";
    static final String LATER = "Sun, 06 Nov 1994 08:49:38 GMT";

    static ByteRequest get() {
        return ByteRequest.plain(Method.GET);
    }

    static ByteRange bytes(long first, long last) {
        return new ByteRange(first, last);
    }

    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of("no conditions, no range: 200", get(), new Full()),
                Arguments.of("HEAD: 200", ByteRequest.plain(Method.HEAD), new Full()),

                // §13.1.1 If-Match, strong comparison
                Arguments.of("§13.1.1 If-Match with the current tag holds", get().withIfMatch("\"v1\""), new Full()),
                Arguments.of("§13.1.1 If-Match with any of a list holds", get().withIfMatch("\"v0\", \"v1\""), new Full()),
                Arguments.of("§13.1.1 If-Match: * holds for an existing file", get().withIfMatch("*"), new Full()),
                Arguments.of("§13.1.1 If-Match with another tag fails: 412", get().withIfMatch("\"v0\""), new PreconditionFailed()),
                Arguments.of("§13.1.1 If-Match compares strongly: a weak tag never matches", get().withIfMatch("W/\"v1\""),
                        new PreconditionFailed()),
                Arguments.of("§13.1.1 a malformed If-Match list matches nothing", get().withIfMatch("v1"), new PreconditionFailed()),

                // §13.1.4 If-Unmodified-Since
                Arguments.of("§13.1.4 If-Unmodified-Since at Last-Modified holds", get().withIfUnmodifiedSince(LAST_MODIFIED), new Full()),
                Arguments.of("§13.1.4 If-Unmodified-Since after Last-Modified holds", get().withIfUnmodifiedSince(LATER), new Full()),
                Arguments.of("§13.1.4 If-Unmodified-Since before Last-Modified fails: 412", get().withIfUnmodifiedSince(EARLIER),
                        new PreconditionFailed()),
                Arguments.of("§13.1.4 an invalid date is ignored", get().withIfUnmodifiedSince("yesterday"), new Full()),
                Arguments.of("§13.1.4 a list of dates is not a valid date: ignored",
                        get().withIfUnmodifiedSince(EARLIER + ", " + EARLIER), new Full()),
                Arguments.of("§13.2.2 step 1: a holding If-Match makes If-Unmodified-Since ignored",
                        get().withIfMatch("\"v1\"").withIfUnmodifiedSince(EARLIER), new Full()),

                // §13.1.2 If-None-Match, weak comparison
                Arguments.of("§13.1.2 If-None-Match with the current tag: 304", get().withIfNoneMatch("\"v1\""), new NotModified()),
                Arguments.of("§13.1.2 If-None-Match compares weakly: W/ matches too", get().withIfNoneMatch("W/\"v1\""), new NotModified()),
                Arguments.of("§13.1.2 If-None-Match: * matches an existing file: 304", get().withIfNoneMatch("*"), new NotModified()),
                Arguments.of("§13.1.2 If-None-Match with other tags: 200", get().withIfNoneMatch("\"v0\", W/\"v2\""), new Full()),
                Arguments.of("§13.1.2 304 for HEAD as for GET", ByteRequest.plain(Method.HEAD).withIfNoneMatch("\"v1\""), new NotModified()),
                Arguments.of("§13.1.2 a malformed If-None-Match matches nothing", get().withIfNoneMatch("v1"), new Full()),

                // §13.1.3 If-Modified-Since
                Arguments.of("§13.1.3 If-Modified-Since at Last-Modified: 304", get().withIfModifiedSince(LAST_MODIFIED), new NotModified()),
                Arguments.of("§13.1.3 If-Modified-Since after Last-Modified: 304", get().withIfModifiedSince(LATER), new NotModified()),
                Arguments.of("§13.1.3 If-Modified-Since before Last-Modified: 200", get().withIfModifiedSince(EARLIER), new Full()),
                Arguments.of("§13.1.3 an invalid date is ignored", get().withIfModifiedSince("not a date"), new Full()),
                Arguments.of("§5.6.7 the obsolete RFC 850 form is read", get().withIfModifiedSince("Sunday, 06-Nov-94 08:49:37 GMT"),
                        new NotModified()),
                Arguments.of("§5.6.7 the obsolete asctime form is read", get().withIfModifiedSince("Sun Nov  6 08:49:37 1994"),
                        new NotModified()),
                Arguments.of("§13.2.2 step 3: If-None-Match present makes If-Modified-Since ignored",
                        get().withIfNoneMatch("\"v0\"").withIfModifiedSince(LATER), new Full()),

                // §13.2.2 order: 412 before 304
                Arguments.of("§13.2.2 a failing If-Match wins over a matching If-None-Match",
                        get().withIfMatch("\"v0\"").withIfNoneMatch("\"v1\""), new PreconditionFailed()),
                Arguments.of("§13.2.2 a failing If-Unmodified-Since wins over If-Modified-Since",
                        get().withIfUnmodifiedSince(EARLIER).withIfModifiedSince(LATER), new PreconditionFailed()),
                Arguments.of("§13.2.2 a 304 wins over a Range", get().withIfNoneMatch("\"v1\"").withRange("bytes=0-9"), new NotModified()),
                Arguments.of("§13.2.2 a 412 wins over a Range", get().withIfMatch("\"v0\"").withRange("bytes=0-9"), new PreconditionFailed()),
                Arguments.of("§13.2.2 a 412 wins over an unsatisfiable Range", get().withIfMatch("\"v0\"").withRange("bytes=20000-"),
                        new PreconditionFailed()),

                // §14.1.2 ranges
                Arguments.of("§14.1.2 first-pos to last-pos", get().withRange("bytes=0-499"), new Partial(bytes(0, 499))),
                Arguments.of("§14.1.2 from first-pos to the end", get().withRange("bytes=9500-"), new Partial(bytes(9500, 9999))),
                Arguments.of("§14.1.2 the last 500 bytes", get().withRange("bytes=-500"), new Partial(bytes(9500, 9999))),
                Arguments.of("§14.1.2 last-pos past the end is the end", get().withRange("bytes=9000-20000"), new Partial(bytes(9000, 9999))),
                Arguments.of("§14.1.2 a suffix longer than the file is the whole file", get().withRange("bytes=-20000"),
                        new Partial(bytes(0, 9999))),
                Arguments.of("§14.1.2 the last byte", get().withRange("bytes=9999-"), new Partial(bytes(9999, 9999))),
                Arguments.of("§14.1.2 first-pos at the length is unsatisfiable: 416", get().withRange("bytes=10000-"),
                        new Unsatisfiable(10_000)),
                Arguments.of("§14.1.2 a zero suffix is unsatisfiable: 416", get().withRange("bytes=-0"), new Unsatisfiable(10_000)),
                Arguments.of("§14.1.2 huge first-pos is unsatisfiable: 416", get().withRange("bytes=99999999999999999999-"),
                        new Unsatisfiable(10_000)),
                Arguments.of("§14.1.2 one satisfiable spec makes the set satisfiable, the others dropped",
                        get().withRange("bytes=20000-,-0,100-199"), new Partial(bytes(100, 199))),
                Arguments.of("§14.2 a Range of another unit is ignored: 200", get().withRange("seconds=0-5"), new Full()),
                Arguments.of("§14.2 an invalid Range is ignored: 200", get().withRange("bytes=5-1"), new Full()),
                Arguments.of("§14.2 a Range on HEAD is ignored: 200", ByteRequest.plain(Method.HEAD).withRange("bytes=0-9"), new Full()),

                // §14.6 several ranges
                Arguments.of("§14.6 two ranges: multipart, in the order asked", get().withRange("bytes=0-9,100-109"),
                        new Multipart(List.of(bytes(0, 9), bytes(100, 109)))),
                Arguments.of("§14.6 parts keep the order of the request", get().withRange("bytes=100-109,0-9"),
                        new Multipart(List.of(bytes(100, 109), bytes(0, 9)))),
                Arguments.of("§14.2 overlapping ranges are coalesced", get().withRange("bytes=0-99,50-149"), new Partial(bytes(0, 149))),
                Arguments.of("§14.2 adjacent ranges are coalesced", get().withRange("bytes=0-99,100-199"), new Partial(bytes(0, 199))),
                Arguments.of("§14.2 a contained range is coalesced", get().withRange("bytes=0-999,10-19,5000-5009"),
                        new Multipart(List.of(bytes(0, 999), bytes(5000, 5009)))),
                Arguments.of("§14.6 a coalesced range stands where its first member was asked",
                        get().withRange("bytes=5000-5009,0-9,10-19"), new Multipart(List.of(bytes(5000, 5009), bytes(0, 19)))),
                Arguments.of("§14.2 ranges joined by a later one become one", get().withRange("bytes=0-9,20-29,10-19"),
                        new Partial(bytes(0, 29))),
                Arguments.of("§14.2 more than two overlapping ranges: ignored, 200", get().withRange("bytes=0-99,50-149,100-199"),
                        new Full()),
                Arguments.of("§14.2 the same range thrice: ignored, 200", get().withRange("bytes=0-,0-,0-"), new Full()),
                Arguments.of("§14.2 32 ranges are served", get().withRange(manyRanges(32)), new Multipart(expectedRanges(32))),
                Arguments.of("§14.2 more than 32 ranges: ignored, 200", get().withRange(manyRanges(33)), new Full()),

                // §13.1.5 If-Range
                Arguments.of("§13.1.5 If-Range with the current strong tag: ranges apply",
                        get().withIfRange("\"v1\"").withRange("bytes=0-9"), new Partial(bytes(0, 9))),
                Arguments.of("§13.1.5 If-Range with a stale tag: the whole file",
                        get().withIfRange("\"v0\"").withRange("bytes=0-9"), new Full()),
                Arguments.of("§13.1.5 If-Range with a weak tag never matches",
                        get().withIfRange("W/\"v1\"").withRange("bytes=0-9"), new Full()),
                Arguments.of("§13.1.5 If-Range with exactly Last-Modified: ranges apply",
                        get().withIfRange(LAST_MODIFIED).withRange("bytes=0-9"), new Partial(bytes(0, 9))),
                Arguments.of("§13.1.5 If-Range with a later date is not an exact match: the whole file",
                        get().withIfRange(LATER).withRange("bytes=0-9"), new Full()),
                Arguments.of("§13.1.5 If-Range with an earlier date: the whole file",
                        get().withIfRange(EARLIER).withRange("bytes=0-9"), new Full()),
                Arguments.of("§13.1.5 If-Range that is neither tag nor date: the whole file",
                        get().withIfRange("v1").withRange("bytes=0-9"), new Full()),
                Arguments.of("§13.1.5 If-Range without Range is ignored", get().withIfRange("\"v0\""), new Full()),
                Arguments.of("§13.1.5 a stale If-Range also drops an unsatisfiable Range",
                        get().withIfRange("\"v0\"").withRange("bytes=20000-"), new Full()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decides(String clause, ByteRequest request, ByteServing expected) {
        assertThat(ByteServing.decide(request, FILE, NOW)).as(clause).isEqualTo(expected);
    }

    static Stream<Arguments> edgeFiles() {
        Representation empty = new Representation(0, EntityTag.strong("e"), MODIFIED);
        Representation justChanged = new Representation(10_000, EntityTag.strong("v1"), NOW.minusMillis(300));
        String justChangedDate = HttpDate.format(justChanged.lastModified());
        return Stream.of(
                Arguments.of("§14.1.2 an int-range of an empty file is unsatisfiable: 416", empty, get().withRange("bytes=0-"),
                        new Unsatisfiable(0)),
                Arguments.of("§14.1.2 a non-zero suffix of an empty file is satisfiable, but names no byte: the (empty) whole",
                        empty, get().withRange("bytes=-5"), new Full()),
                Arguments.of("§14.1.2 a zero suffix of an empty file: 416", empty, get().withRange("bytes=-0"), new Unsatisfiable(0)),
                Arguments.of("§8.8.2.2 a date within the second the file changed is weak: If-Range fails", justChanged,
                        get().withIfRange(justChangedDate).withRange("bytes=0-9"), new Full()),
                Arguments.of("§8.8.2.2 the tag of a just-changed file still matches", justChanged,
                        get().withIfRange("\"v1\"").withRange("bytes=0-9"), new Partial(bytes(0, 9))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeFiles")
    void decidesForEdgeFiles(String clause, Representation file, ByteRequest request, ByteServing expected) {
        assertThat(ByteServing.decide(request, file, NOW)).as(clause).isEqualTo(expected);
    }

    private static String manyRanges(int n) {
        StringBuilder field = new StringBuilder("bytes=");
        for (int i = 0; i < n; i++) {
            field.append(i == 0 ? "" : ",").append(i * 100).append('-').append(i * 100 + 9);
        }
        return field.toString();
    }

    private static List<ByteRange> expectedRanges(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> bytes(i * 100L, i * 100L + 9)).toList();
    }
}
