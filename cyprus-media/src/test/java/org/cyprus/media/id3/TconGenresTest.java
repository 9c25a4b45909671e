package org.cyprus.media.id3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TconGenresTest {

    @Test
    void numericReferences() {
        assertThat(TconGenres.parseTcon(List.of("(101)"))).containsExactly("Speech");
        assertThat(TconGenres.parseTcon(List.of("101"))).containsExactly("Speech");
        assertThat(TconGenres.parseTcon(List.of("(183)"))).containsExactly("Audiobook");
        assertThat(TconGenres.parseTcon(List.of("(0)"))).containsExactly("Blues");
    }

    @Test
    void referenceWithRefinementKeepsBothUnlessTheyAreTheSame() {
        assertThat(TconGenres.parseTcon(List.of("(101)Speech"))).containsExactly("Speech");
        assertThat(TconGenres.parseTcon(List.of("(4)(9)Eurodisco"))).containsExactly("Disco", "Metal", "Eurodisco");
    }

    @Test
    void remixCoverAndEscapedParenthesis() {
        assertThat(TconGenres.parseTcon(List.of("(RX)(CR)"))).containsExactly("Remix", "Cover");
        assertThat(TconGenres.parseTcon(List.of("RX", "CR"))).containsExactly("Remix", "Cover");
        assertThat(TconGenres.parseTcon(List.of("((Parenthesised) genre"))).containsExactly("(Parenthesised) genre");
    }

    @Test
    void v24ListsAndPlainNames() {
        assertThat(TconGenres.parseTcon(List.of("101", "Fantasy", "Speech"))).containsExactly("Speech", "Fantasy");
        assertThat(TconGenres.parseTcon(List.of("Audiobook"))).containsExactly("Audiobook");
    }

    @Test
    void unknownNumbersNameNothingAndOddTextIsKept() {
        assertThat(TconGenres.parseTcon(List.of("(999)", "255", "99999999999999999999"))).isEmpty();
        assertThat(TconGenres.parseTcon(List.of("(Live) set"))).containsExactly("(Live) set");
        assertThat(TconGenres.parseTcon(List.of("(12"))).containsExactly("(12");
        assertThat(TconGenres.parseTcon(List.of("", "  "))).isEmpty();
    }
}
