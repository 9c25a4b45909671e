package org.cyprus.library.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cyprus.library.AudioFacts;
import org.cyprus.library.cover.CoverStore;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.probe.MediaProbe;
import org.cyprus.media.probe.ProbeResult;

/** Reads the bytes of a book's cover from where its {@link CoverSource} says they are. */
final class CoverReader {
    private CoverReader() {
    }

    static byte[] read(CoverSource source, Path root) throws IOException {
        return switch (source) {
            case CoverSource.FolderImage image -> {
                if (Files.size(image.file()) > CoverStore.MAX_COVER_BYTES) {
                    throw new IOException(image.file().getFileName() + " is larger than " + CoverStore.MAX_COVER_BYTES + " bytes");
                }
                yield Files.readAllBytes(image.file());
            }
            case CoverSource.Embedded embedded -> readEmbedded(root.resolve(embedded.file().path()),
                    embedded.file().facts().orElseThrow().cover().orElseThrow());
        };
    }

    private static byte[] readEmbedded(Path file, AudioFacts.EmbeddedCover cover) throws IOException {
        if (cover.sizeBytes() <= 0 || cover.sizeBytes() > CoverStore.MAX_COVER_BYTES) {
            throw new IOException("embedded picture of " + cover.sizeBytes() + " bytes refused");
        }
        if (cover.offset().isPresent()) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(cover.sizeBytes());
                long position = cover.offset().getAsLong();
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new IOException("the file ends inside its embedded picture");
                    }
                }
                return buffer.array();
            }
        }
        // The picture had to be decoded (an unsynchronised ID3 tag): probe again and take it from the result.
        try (FileByteSource source = FileByteSource.open(file)) {
            if (MediaProbe.probe(source) instanceof ProbeResult.Probed probed && probed.info().cover().isPresent()) {
                return probed.info().cover().get().read(source);
            }
            throw new IOException("the embedded picture is gone");
        } catch (MediaException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
