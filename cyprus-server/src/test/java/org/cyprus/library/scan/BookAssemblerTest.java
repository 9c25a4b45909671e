package org.cyprus.library.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cyprus.library.AudioFacts;
import org.cyprus.library.AudioFile;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.SeriesRef;
import org.cyprus.media.Chapter;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;
import org.junit.jupiter.api.Test;

class BookAssemblerTest {
    private static final Path ROOT = Path.of("/lib");

    private static AudioFile file(String path, long durationUs, Tags tags, List<Chapter> chapters) {
        AudioFacts facts = new AudioFacts(ContainerFormat.MP3, Codec.MP3, "MPEG-1 Layer III", 44_100, 2, 64_000, durationUs,
                durationUs, 0, 1, tags, chapters, Optional.empty(), List.of());
        return new AudioFile(path.hashCode() + "", 1, path, 1, 1, "fp-" + path, Optional.of(facts), Optional.empty());
    }

    private static BookFolder folder(String key, List<String> segments) {
        return new BookFolder(ROOT, key, ROOT.resolve(key), segments, List.of(), false);
    }

    @Test
    void tagsOverrideFolderNamesAndSidecarsOverrideTags() {
        Tags tags = Tags.builder().add(TagKey.ALBUM, "Tag Title").add(TagKey.ARTIST, "Tag Author").add(TagKey.COMPOSER, "Tag Narrator")
                .add(TagKey.GENRE, "Fantasy; Adventure").date("2001-02-03").build();
        List<AudioFile> files = List.of(file("A/S/2 - Folder Title/01.mp3", 1_000_000, tags, List.of()),
                file("A/S/2 - Folder Title/02.mp3", 2_000_000, tags, List.of()));
        Sidecars sidecars = new Sidecars(List.of(BookMetadata.builder().narrators(List.of("Sidecar Narrator")).build()),
                Optional.empty(), List.of());

        BookDraft draft = BookAssembler.assemble(1, folder("A/S/2 - Folder Title", List.of("Folder Author", "Folder Series", "2 - Folder Title")),
                files, sidecars);

        assertThat(draft.title()).isEqualTo("Tag Title");
        assertThat(draft.metadata().authors()).containsExactly("Tag Author");
        assertThat(draft.metadata().narrators()).containsExactly("Sidecar Narrator");
        assertThat(draft.metadata().series()).containsExactly(SeriesRef.of("Folder Series", "2"));
        assertThat(draft.metadata().genres()).containsExactly("Fantasy", "Adventure");
        assertThat(draft.metadata().year()).contains(2001);
        assertThat(draft.durationUs()).isEqualTo(3_000_000);
    }

    @Test
    void multiFileChaptersShiftOntoTheBookTimeline() {
        AudioFile one = file("B/1.mp3", 10_000_000, Tags.builder().add(TagKey.TITLE, "Intro").build(), List.of());
        AudioFile two = file("B/2.mp3", 20_000_000, Tags.empty(),
                List.of(new Chapter("Inner A", 0, 5_000_000), new Chapter("Inner B", 5_000_000, 25_000_000)));

        BookDraft draft = BookAssembler.assemble(1, folder("B", List.of("B")), List.of(one, two), Sidecars.NONE);

        assertThat(draft.chapters()).containsExactly(new Chapter("Intro", 0, 10_000_000), new Chapter("Inner A", 10_000_000, 15_000_000),
                new Chapter("Inner B", 15_000_000, 30_000_000));
    }

    @Test
    void aSingleFileUsesItsTitleTagAndFallsBackToTheFolderName() {
        BookDraft tagged = BookAssembler.assemble(1, folder("X/Y", List.of("X", "Y")),
                List.of(file("X/Y/a.m4b", 5, Tags.builder().add(TagKey.TITLE, "Real Title").add(TagKey.ALBUM, "Album").build(), List.of())),
                Sidecars.NONE);
        BookDraft untagged = BookAssembler.assemble(1, folder("X/Folder Name", List.of("X", "Folder Name")),
                List.of(file("X/Folder Name/a.mp3", 5, Tags.empty(), List.of())), Sidecars.NONE);

        assertThat(tagged.title()).isEqualTo("Real Title");
        assertThat(untagged.title()).isEqualTo("Folder Name");
        assertThat(untagged.metadata().authors()).containsExactly("X");
        assertThat(untagged.chapters()).containsExactly(new Chapter("Folder Name", 0, 5));
    }
}
