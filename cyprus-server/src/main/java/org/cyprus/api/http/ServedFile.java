package org.cyprus.api.http;

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
}
