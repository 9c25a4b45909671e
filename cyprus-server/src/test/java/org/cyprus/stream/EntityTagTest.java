package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Entity tags, RFC 9110 §8.8.3: syntax and the two comparison functions. */
class EntityTagTest {

    /** §8.8.3.2's own table: ETag 1, ETag 2, strong comparison, weak comparison. */
    static Stream<Arguments> comparisonTable() {
        return Stream.of(
                Arguments.of("W/\"1\"", "W/\"1\"", false, true),
                Arguments.of("W/\"1\"", "W/\"2\"", false, false),
                Arguments.of("W/\"1\"", "\"1\"", false, true),
                Arguments.of("\"1\"", "\"1\"", true, true));
    }

    @ParameterizedTest(name = "§8.8.3.2: {0} vs {1}: strong {2}, weak {3}")
    @MethodSource("comparisonTable")
    void comparesAsTheRfcTableSays(String one, String two, boolean strong, boolean weak) {
        EntityTag a = EntityTag.parse(one).orElseThrow();
        EntityTag b = EntityTag.parse(two).orElseThrow();
        assertThat(a.strongMatch(b)).isEqualTo(strong);
        assertThat(b.strongMatch(a)).isEqualTo(strong);
        assertThat(a.weakMatch(b)).isEqualTo(weak);
        assertThat(b.weakMatch(a)).isEqualTo(weak);
    }

    @Test
    void parsesAndWritesTheTwoForms() {
        assertThat(EntityTag.parse("\"xyzzy\"")).contains(new EntityTag("xyzzy", false));
        assertThat(EntityTag.parse("W/\"xyzzy\"")).contains(new EntityTag("xyzzy", true));
        assertThat(EntityTag.parse("\"\"")).as("§8.8.3: *etagc may be empty").contains(new EntityTag("", false));
        assertThat(new EntityTag("a-b", true)).hasToString("W/\"a-b\"");
        assertThat(EntityTag.strong("a-b")).hasToString("\"a-b\"");
    }

    @Test
    void refusesWhatIsNotAnEntityTag() {
        for (String bad : List.of("xyzzy", "\"open", "w/\"lowercase-weak\"", "W/xyzzy", "\"a\"b", "\"a b\"", "\"a\" \"b\"", "")) {
            assertThat(EntityTag.parse(bad)).as(bad).isEqualTo(Optional.empty());
        }
        assertThatThrownBy(() -> EntityTag.strong("quote\"inside")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsOfTagsAsIfMatchAndIfNoneMatchCarryThem() {
        assertThat(EntityTagList.parse("*")).contains(new EntityTagList.Any());
        assertThat(EntityTagList.parse("\"xyzzy\", \"r2d2xxxx\", \"c3piozzzz\"")).contains(new EntityTagList.Tags(List.of(
                EntityTag.strong("xyzzy"), EntityTag.strong("r2d2xxxx"), EntityTag.strong("c3piozzzz"))));
        assertThat(EntityTagList.parse("W/\"a\",\"b\" ,, ")).as("§5.6.1 empty elements and whitespace")
                .contains(new EntityTagList.Tags(List.of(new EntityTag("a", true), EntityTag.strong("b"))));
        assertThat(EntityTagList.parse("\"a\" \"b\"")).as("a list needs its commas").isEmpty();
        assertThat(EntityTagList.parse("\"a\", *")).as("* stands alone").isEmpty();
        assertThat(EntityTagList.parse(" , ")).isEmpty();
    }
}
