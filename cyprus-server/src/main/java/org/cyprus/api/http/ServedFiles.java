package org.cyprus.api.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cyprus.library.media.AudioShape;
import org.cyprus.library.media.PlayableFile;
import org.cyprus.stream.ContentDisposition;
import org.cyprus.stream.FileVersion;
import org.cyprus.stream.HttpDate;
import org.cyprus.stream.Representation;

/**
 * {@link ServedFile}s remembered by file and version, so that a player's range after range of the same file does not
 * hash, format and encode the same values each time. A new version on disk is a new key; the memory is bounded.
 */
final class ServedFiles {
    private static final int MAX_ENTRIES = 1024;
    private static final String OCTET_STREAM = "application/octet-stream";

    private final Map<Key, ServedFile> known = new ConcurrentHashMap<>();

    private record Key(String fileId, FileVersion version) {
    }

    ServedFile of(PlayableFile file, FileVersion version) {
        Key key = new Key(file.id(), version);
        ServedFile served = known.get(key);
        if (served == null) {
            if (known.size() >= MAX_ENTRIES) {
                known.clear();
            }
            served = describe(file, version);
            known.put(key, served);
        }
        return served;
    }

    private static ServedFile describe(PlayableFile file, FileVersion version) {
        Representation representation = new Representation(version.sizeBytes(), version.entityTag(file.id()), version.modified());
        return new ServedFile(version, representation, file.audio().map(AudioShape::mimeType).orElse(OCTET_STREAM),
                representation.entityTag().toString(), HttpDate.format(representation.lastModified()),
                ContentDisposition.inline(file.name()), ContentDisposition.attachment(file.name()));
    }
}
