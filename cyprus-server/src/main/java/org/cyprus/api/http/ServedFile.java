package org.cyprus.api.http;

import java.util.function.BiConsumer;
import org.cyprus.stream.FileVersion;
import org.cyprus.stream.Representation;

/**
 * What every answer about one version of a file repeats: the version on disk, its representation and validators,
 * and its header values, as written.
 *
 * @param entityTagField    the {@code ETag} value
 * @param lastModifiedField the {@code Last-Modified} value (IMF-fixdate)
 * @param inline            the {@code Content-Disposition} for streaming
 * @param attachment        the {@code Content-Disposition} for a download to keep
 */
record ServedFile(FileVersion version, Representation representation, String mimeType, String entityTagField,
                  String lastModifiedField, String inline, String attachment) {

    /** The validators and caching a 304 repeats (RFC 9110 §15.4.5). */
    void validators(BiConsumer<String, String> header) {
        header.accept("ETag", entityTagField);
        header.accept("Last-Modified", lastModifiedField);
        header.accept("Cache-Control", "private");
    }

    /** What a 200 or 206 of this file says of it besides its type and length: the validators, ranges, its name. */
    void described(boolean download, BiConsumer<String, String> header) {
        validators(header);
        header.accept("Accept-Ranges", "bytes");
        header.accept("Content-Disposition", download ? attachment : inline);
    }
}
