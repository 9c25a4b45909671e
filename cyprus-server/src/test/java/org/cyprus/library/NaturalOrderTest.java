package org.cyprus.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void numbersCompareByValue() {
        List<String> names = new ArrayList<>(List.of("Part 10.mp3", "Part 2.mp3", "Part 1.mp3", "part 3.mp3", "Part 01b.mp3"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("Part 1.mp3", "Part 01b.mp3", "Part 2.mp3", "part 3.mp3", "Part 10.mp3");
    }

    @Test
    void discFoldersOrderBeforeTheirTracks() {
        List<String> names = new ArrayList<>(List.of("CD10/01.mp3", "CD2/10.mp3", "CD2/9.mp3", "CD1/02.mp3"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("CD1/02.mp3", "CD2/9.mp3", "CD2/10.mp3", "CD10/01.mp3");
    }

    @Test
    void isConsistentForEqualLookingNames() {
        assertThat(NaturalOrder.INSTANCE.compare("a01", "a1")).isNotZero();
        assertThat(Integer.signum(NaturalOrder.INSTANCE.compare("a01", "a1")))
                .isEqualTo(-Integer.signum(NaturalOrder.INSTANCE.compare("a1", "a01")));
        assertThat(NaturalOrder.INSTANCE.compare("Élan 2", "elan 10")).isNegative();
        assertThat(NaturalOrder.INSTANCE.compare("x99999999999999999999", "x100000000000000000000")).isNegative();
    }
}
