package org.cyprus.library.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.library.AudioFile;
import org.cyprus.library.BookMetadata;
import org.cyprus.media.Chapter;

/**
 * Builds a {@link BookDraft} from what the walk found, what the probes said and the sidecars, merging metadata in
 * rising precedence: folder names, embedded tags, {@code desc.txt}/{@code reader.txt}, OPF, {@code metadata.json}.
 */
public final class BookAssembler {
    private BookAssembler() {
    }

    /** @param files every audio file of the book, readable or not */
    public static BookDraft assemble(long rootId, BookFolder folder, List<AudioFile> files, Sidecars sidecars) {
        List<AudioFile> playable = PlayOrder.sort(files.stream().filter(f -> f.facts().isPresent()).toList());
        List<AudioFile> unreadable = files.stream().filter(f -> f.problem().isPresent()).toList();
        boolean singleFile = playable.size() == 1 && unreadable.isEmpty();

        BookMetadata metadata = FolderNames.parse(folder.segments());
        if (!playable.isEmpty()) {
            metadata = metadata.overriddenBy(TagMetadata.of(playable.getFirst().facts().orElseThrow().tags(), singleFile));
        }
        for (BookMetadata layer : sidecars.layers()) {
            metadata = metadata.overriddenBy(layer);
        }
        if (metadata.title().isEmpty()) {
            metadata = metadata.overriddenBy(BookMetadata.builder().title(folder.segments().getLast()).build());
        }

        List<Chapter> chapters = BookChapters.of(playable, metadata.title().orElseThrow());
        long durationUs = playable.stream().mapToLong(AudioFile::durationUs).sum();

        List<String> warnings = new ArrayList<>(sidecars.warnings());
        for (AudioFile f : unreadable) {
            warnings.add(f.name() + ": " + f.problem().orElseThrow().message());
        }
        return new BookDraft(rootId, folder.key(), metadata, playable, unreadable, chapters, durationUs,
                cover(folder.root(), sidecars, playable), warnings);
    }

    private static Optional<CoverSource> cover(Path root, Sidecars sidecars, List<AudioFile> playable) {
        if (sidecars.coverImage().isPresent()) {
            Path image = sidecars.coverImage().get();
            try {
                return Optional.of(new CoverSource.FolderImage(image, LibraryWalker.relativeKey(root, image), Files.size(image),
                        Files.getLastModifiedTime(image).toMillis()));
            } catch (IOException e) {
                // the picture vanished or cannot be read: fall back to an embedded one
            }
        }
        return playable.stream().filter(f -> f.facts().orElseThrow().cover().isPresent()).findFirst()
                .map(CoverSource.Embedded::new);
    }
}
