package org.cyprus.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonNamesTest {
    @Test
    void splitsOnTheUsualSeparators() {
        assertThat(PersonNames.split("Terry Pratchett & Neil Gaiman")).containsExactly("Terry Pratchett", "Neil Gaiman");
        assertThat(PersonNames.split("Terry Pratchett and Neil Gaiman")).containsExactly("Terry Pratchett", "Neil Gaiman");
        assertThat(PersonNames.split("Stephen King, Peter Straub")).containsExactly("Stephen King", "Peter Straub");
        assertThat(PersonNames.split("A. Author; B. Writer; C. Scribe")).containsExactly("A. Author", "B. Writer", "C. Scribe");
        assertThat(PersonNames.split("Douglas Preston, Lincoln Child & Someone Else"))
                .containsExactly("Douglas Preston", "Lincoln Child", "Someone Else");
    }

    @Test
    void keepsSurnameFirstNamesTogetherAndTurnsThemRound() {
        assertThat(PersonNames.split("King, Stephen")).containsExactly("Stephen King");
        assertThat(PersonNames.split("Tolkien, J. R. R.")).containsExactly("J. R. R. Tolkien");
        assertThat(PersonNames.split("Le Guin, Ursula K.")).containsExactly("Le Guin", "Ursula K.");
        assertThat(PersonNames.split("Pratchett, Terry; Gaiman, Neil")).containsExactly("Terry Pratchett", "Neil Gaiman");
    }

    @Test
    void doesNotSplitInsideWordsOrRepeatPeople() {
        assertThat(PersonNames.split("Alexandra Andersen")).containsExactly("Alexandra Andersen");
        assertThat(PersonNames.split("Ann Leckie & ann leckie")).containsExactly("Ann Leckie");
        assertThat(PersonNames.split("  ")).isEmpty();
        assertThat(PersonNames.splitAll(List.of("A B", "C D & A B"))).containsExactly("A B", "C D");
    }

    @Test
    void sortNamesPutTheSurnameFirst() {
        assertThat(PersonNames.sortName("Terry Pratchett")).isEqualTo("Pratchett, Terry");
        assertThat(PersonNames.sortName("Plato")).isEqualTo("Plato");
    }
}
