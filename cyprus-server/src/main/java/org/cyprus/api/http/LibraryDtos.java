package org.cyprus.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.cyprus.library.Library;
import org.cyprus.library.SeriesRef;
import org.cyprus.library.catalog.BookDetail;
import org.cyprus.library.catalog.BookSummary;
import org.cyprus.library.catalog.Facet;
import org.cyprus.media.Chapter;

/** The JSON shapes of libraries, books and facets. Times are seconds as decimals; instants are epoch milliseconds. */
final class LibraryDtos {
    private LibraryDtos() {
    }

    /** A library; its folders (server paths) only for administrators. */
    record LibraryDto(long id, String name, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> folders, long bookCount) {
        static LibraryDto of(Library library, long bookCount, boolean withFolders) {
            return new LibraryDto(library.id(), library.name(),
                    withFolders ? library.roots().stream().map(r -> r.path().toString()).toList() : null, bookCount);
        }
    }

    record SeriesDto(String name, String sequence) {
        static List<SeriesDto> of(List<SeriesRef> series) {
            return series.stream().map(s -> new SeriesDto(s.name(), s.sequence().orElse(null))).toList();
        }
    }

    record ChapterDto(String title, double startSeconds, double endSeconds) {
        static List<ChapterDto> of(List<Chapter> chapters) {
            return chapters.stream().map(c -> new ChapterDto(c.title(), seconds(c.startUs()), seconds(c.endUs()))).toList();
        }
    }

    record ProblemDto(String code, String message) {
    }

    record FileDto(String id, String name, String mimeType, long sizeBytes, double durationSeconds, double startSeconds,
                   ProblemDto problem) {
    }

    record BookSummaryDto(String id, long libraryId, String title, String subtitle, List<String> authors, List<String> narrators,
                          List<SeriesDto> series, double durationSeconds, String coverUrl, long addedAt, boolean missing) {
        static BookSummaryDto of(BookSummary b) {
            return new BookSummaryDto(b.id(), b.libraryId(), b.title(), b.subtitle().orElse(null), b.authors(), b.narrators(),
                    SeriesDto.of(b.series()), seconds(b.durationUs()), coverPath(b.id(), b.coverHash().orElse(null)), b.addedAtMs(),
                    b.missing());
        }
    }

    record BookDto(String id, long libraryId, String title, String subtitle, List<String> authors, List<String> narrators,
                   List<SeriesDto> series, List<String> genres, Integer year, String publisher, String language,
                   String description, String asin, String isbn, double durationSeconds, List<ChapterDto> chapters,
                   List<FileDto> files, String coverUrl, long addedAt, long updatedAt, boolean missing, List<String> warnings) {
        static BookDto of(BookDetail b) {
            return new BookDto(b.id(), b.libraryId(), b.title(), b.subtitle().orElse(null), b.authors(), b.narrators(),
                    SeriesDto.of(b.series()), b.genres(), b.year().orElse(null), b.publisher().orElse(null),
                    b.language().orElse(null), b.description().orElse(null), b.asin().orElse(null), b.isbn().orElse(null),
                    seconds(b.durationUs()), ChapterDto.of(b.chapters()),
                    b.files().stream().map(f -> new FileDto(f.id(), f.name(), f.mimeType(), f.sizeBytes(), seconds(f.durationUs()),
                            seconds(f.startUs()), f.problem().map(p -> new ProblemDto(p.code(), p.message())).orElse(null))).toList(),
                    coverPath(b.id(), b.coverHash().orElse(null)), b.addedAtMs(), b.updatedAtMs(), b.missing(), b.warnings());
        }
    }

    record PageDto<T>(List<T> items, String nextCursor) {
    }

    record FacetDto(long id, String name, long bookCount) {
        static FacetDto of(Facet f) {
            return new FacetDto(f.id(), f.name(), f.bookCount());
        }
    }

    /** Microseconds as seconds with millisecond precision. */
    static double seconds(long us) {
        return Math.round(us / 1000.0) / 1000.0;
    }

    /** A cover URL that changes when the cover does, so clients may cache it for good. */
    static String coverPath(String bookId, String coverHash) {
        return coverHash == null ? null : "/api/v1/books/" + bookId + "/cover?v=" + coverHash.substring(0, 12);
    }
}
