package org.cyprus.library.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.SeriesRef;
import org.junit.jupiter.api.Test;

class FolderNamesTest {
    @Test
    void authorSeriesAndNumberedTitle() {
        BookMetadata m = FolderNames.parse(List.of("Terry Pratchett", "Discworld", "01 - The Colour of Magic"));

        assertThat(m.authors()).containsExactly("Terry Pratchett");
        assertThat(m.series()).containsExactly(SeriesRef.of("Discworld", "1"));
        assertThat(m.title()).contains("The Colour of Magic");
    }

    @Test
    void authorAndTitle() {
        BookMetadata m = FolderNames.parse(List.of("Jane Austen", "Pride and Prejudice"));

        assertThat(m.authors()).containsExactly("Jane Austen");
        assertThat(m.title()).contains("Pride and Prejudice");
        assertThat(m.series()).isEmpty();
    }

    @Test
    void deeperPathsUseTheirLastThreeFolders() {
        BookMetadata m = FolderNames.parse(List.of("Fantasy", "Ursula K. Le Guin", "Earthsea", "Book 2 - The Tombs of Atuan"));

        assertThat(m.authors()).containsExactly("Ursula K. Le Guin");
        assertThat(m.series()).containsExactly(SeriesRef.of("Earthsea", "2"));
        assertThat(m.title()).contains("The Tombs of Atuan");
    }

    @Test
    void titleFolderConventions() {
        var t = FolderNames.parseTitleFolder("Vol. 3 - 1994 - The Title {Jim Dale} [B00ABCDEFG]");
        assertThat(t.title()).isEqualTo("The Title");
        assertThat(t.sequence()).isEqualTo("3");
        assertThat(t.year()).isEqualTo(1994);
        assertThat(t.narrators()).containsExactly("Jim Dale");
        assertThat(t.asin()).isEqualTo("B00ABCDEFG");

        assertThat(FolderNames.parseTitleFolder("0.5 - Prequel").sequence()).isEqualTo("0.5");
        assertThat(FolderNames.parseTitleFolder("1994 - Title").year()).isEqualTo(1994);
        assertThat(FolderNames.parseTitleFolder("1994 - Title").sequence()).isNull();
        assertThat(FolderNames.parseTitleFolder("Title (2001)").year()).isEqualTo(2001);
        assertThat(FolderNames.parseTitleFolder("Title (2001)").title()).isEqualTo("Title");
        assertThat(FolderNames.parseTitleFolder("1984").title()).isEqualTo("1984");
        assertThat(FolderNames.parseTitleFolder("1984").year()).isNull();
        assertThat(FolderNames.parseTitleFolder("Catch-22").title()).isEqualTo("Catch-22");
        assertThat(FolderNames.parseTitleFolder("Book 12: The End").sequence()).isEqualTo("12");
        assertThat(FolderNames.parseTitleFolder("#4 - Four").sequence()).isEqualTo("4");
    }

    @Test
    void narratorsInBracesMaySeveral() {
        BookMetadata m = FolderNames.parse(List.of("Title {Ann Reader, Bob Voice}"));

        assertThat(m.narrators()).containsExactly("Ann Reader", "Bob Voice");
        assertThat(m.authors()).isEmpty();
        assertThat(m.year()).isEqualTo(Optional.empty());
    }
}
