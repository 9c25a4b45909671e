package org.cyprus.library.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void roundTripsAndBelongsToItsSort() {
        Cursor cursor = new Cursor(BookSort.TITLE, "the colour of magic\u0001x", 42);

        assertThat(Cursor.decode(cursor.encode(), BookSort.TITLE)).contains(cursor);
        assertThat(Cursor.decode(cursor.encode(), BookSort.AUTHOR)).isEmpty();
    }

    @Test
    void garbageIsNotACursor() {
        assertThat(Cursor.decode("!!!", BookSort.TITLE)).isEmpty();
        assertThat(Cursor.decode("", BookSort.TITLE)).isEmpty();
        assertThat(Cursor.decode("eHl6", BookSort.TITLE)).isEmpty();
        assertThat(Cursor.decode("a".repeat(5000), BookSort.TITLE)).isEmpty();
    }
}
