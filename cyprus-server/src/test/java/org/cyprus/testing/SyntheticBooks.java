package org.cyprus.testing;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cyprus.library.AudioFacts;
import org.cyprus.library.AudioFile;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.PublicIds;
import org.cyprus.library.SeriesRef;
import org.cyprus.library.scan.BookDraft;
import org.cyprus.library.scan.ScanStore;
import org.cyprus.media.Chapter;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.Tags;

/** Plausible books written straight into the catalog, for tests and benchmarks that need many of them fast. */
public final class SyntheticBooks {
    private static final String[] WORDS = {"silver", "river", "night", "garden", "stone", "winter", "glass", "crown", "shadow",
            "harbor", "ember", "forest", "iron", "north", "quiet", "storm", "velvet", "wolf", "zephyr", "amber", "beacon",
            "cinder", "delta", "echo", "fable", "granite", "hollow", "island", "jasper", "kestrel", "lantern", "meadow"};
    private static final String[] GIVEN = {"Ada", "Ben", "Cora", "Dev", "Elin", "Finn", "Gia", "Hal", "Ines", "Jon", "Kai", "Lea"};
    private static final String[] FAMILY = {"Abbott", "Brandt", "Castillo", "Dumas", "Ekström", "Fischer", "García", "Haddad",
            "Iversen", "Jónsson", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov"};

    private final ScanStore store;
    private final long libraryId;
    private final long rootId;
    private final Random random;

    public SyntheticBooks(ScanStore store, long libraryId, long rootId, long seed) {
        this.store = store;
        this.libraryId = libraryId;
        this.rootId = rootId;
        this.random = new Random(seed);
    }

    /** Adds one book and returns its id. */
    public String add(String folderKey, long addedAtMs) {
        String title = capitalise(word()) + " " + word() + " " + word();
        String author = GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
        long durationUs = (30L + random.nextInt(40 * 60)) * 60_000_000L / 10;
        List<SeriesRef> series = random.nextInt(3) == 0
                ? List.of(SeriesRef.of(capitalise(word()) + " Saga", Integer.toString(1 + random.nextInt(12))))
                : List.of();
        BookMetadata metadata = BookMetadata.builder().title(title).authors(List.of(author))
                .narrators(List.of(GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)]))
                .series(series).genres(List.of(capitalise(word()))).description("A story of " + word() + " and " + word() + ".")
                .build();
        AudioFacts facts = new AudioFacts(ContainerFormat.MP3, Codec.MP3, "MPEG-1 Layer III", 44_100, 2, 64_000, durationUs,
                durationUs, 0, durationUs / 125, Tags.empty(), List.of(), Optional.empty(), List.of());
        AudioFile file = new AudioFile(PublicIds.next(), rootId, folderKey + "/book.mp3", durationUs / 125, addedAtMs,
                Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()), Optional.of(facts), Optional.empty());
        BookDraft draft = new BookDraft(rootId, folderKey, metadata, List.of(file), List.of(),
                List.of(new Chapter(title, 0, durationUs)), durationUs, Optional.empty(), List.of());
        String id = PublicIds.next();
        store.saveBook(libraryId, id, draft, new ScanStore.BookExtras("synthetic", Optional.empty(), Optional.empty(), true), addedAtMs);
        return id;
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String capitalise(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
