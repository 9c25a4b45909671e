package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Range header field's grammar, RFC 9110 §14.1.1 and §14.2, one case per clause. */
class RangeHeaderTest {

    private static RangeSpec from(long first) {
        return new RangeSpec.IntRange(first, OptionalLong.empty());
    }

    private static RangeSpec fromTo(long first, long last) {
        return new RangeSpec.IntRange(first, OptionalLong.of(last));
    }

    private static RangeSpec suffix(long length) {
        return new RangeSpec.SuffixRange(length);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("§14.1.2 int-range with first-pos and last-pos", "bytes=0-499", List.of(fromTo(0, 499))),
                Arguments.of("§14.1.2 int-range without last-pos", "bytes=9500-", List.of(from(9500))),
                Arguments.of("§14.1.2 suffix-range", "bytes=-500", List.of(suffix(500))),
                Arguments.of("§14.1.2 suffix-range of zero is valid syntax", "bytes=-0", List.of(suffix(0))),
                Arguments.of("§14.1.2 a single byte", "bytes=5-5", List.of(fromTo(5, 5))),
                Arguments.of("§14.1.1 range-set is a list, order kept", "bytes=500-600,0-99", List.of(fromTo(500, 600), fromTo(0, 99))),
                Arguments.of("§5.6.1 optional whitespace around list commas", "bytes=0-1 ,\t2-3", List.of(fromTo(0, 1), fromTo(2, 3))),
                Arguments.of("§5.6.1 empty list elements are ignored", "bytes=,0-1,,2-3,", List.of(fromTo(0, 1), fromTo(2, 3))),
                Arguments.of("§14.1 range units are case-insensitive", "Bytes=0-1", List.of(fromTo(0, 1))),
                Arguments.of("§14.1 range units are case-insensitive", "BYTES=-7", List.of(suffix(7))),
                Arguments.of("§14.1.2 huge numerals saturate instead of overflowing", "bytes=99999999999999999999999-",
                        List.of(from(Long.MAX_VALUE))),
                Arguments.of("§14.1.2 huge last-pos saturates", "bytes=0-99999999999999999999999", List.of(fromTo(0, Long.MAX_VALUE))),
                Arguments.of("§14.1.2 huge suffix-length saturates", "bytes=-99999999999999999999999", List.of(suffix(Long.MAX_VALUE))),
                Arguments.of("leading zeros are digits like any other", "bytes=007-010", List.of(fromTo(7, 10))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("valid")
    void parsesValidRangesSpecifiers(String clause, String field, List<RangeSpec> expected) {
        assertThat(RangeHeader.parse(field)).as(clause).contains(expected);
    }

    static Stream<Arguments> ignored() {
        return Stream.of(
                Arguments.of("§14.2 another range unit must be ignored", "items=0-5"),
                Arguments.of("§14.2 a unit that merely starts with bytes", "bytesx=0-5"),
                Arguments.of("§14.1.1 an int-range with last-pos below first-pos is invalid", "bytes=5-4"),
                Arguments.of("§14.1.1 one invalid spec makes the whole set invalid", "bytes=0-1,5-4"),
                Arguments.of("§14.1.1 range-set needs at least one range-spec", "bytes="),
                Arguments.of("§14.1.1 range-set needs at least one non-empty element", "bytes= , ,"),
                Arguments.of("§14.1.2 first-pos is 1*DIGIT", "bytes=a-5"),
                Arguments.of("§14.1.2 negative numbers are not numerals", "bytes=--5"),
                Arguments.of("§14.1.2 a dash alone is neither form", "bytes=-"),
                Arguments.of("§14.1.2 no whitespace inside a range-spec", "bytes=0 - 5"),
                Arguments.of("§14.1.1 no whitespace before '='", "bytes =0-5"),
                Arguments.of("§14.1.2 junk after a range-spec", "bytes=0-5 x"),
                Arguments.of("§14.1.2 a spec needs its dash", "bytes=5"),
                Arguments.of("§14.1.2 two dashes", "bytes=0-1-2"),
                Arguments.of("§14.1.1 no unit at all", "0-5"),
                Arguments.of("§14.1.2 digits only, not signs", "bytes=+1-2"),
                Arguments.of("§14.1.2 fractions are not numerals", "bytes=1.5-2"),
                Arguments.of("§5.3 two Range lines joined by a comma", "bytes=0-1, bytes=2-3"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ignored")
    void ignoresWhatIsNotAValidByteRangesSpecifier(String clause, String field) {
        assertThat(RangeHeader.parse(field)).as(clause).isEqualTo(Optional.empty());
    }
}
