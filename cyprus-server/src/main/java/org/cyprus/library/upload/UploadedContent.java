package org.cyprus.library.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.cyprus.library.scan.MetadataJsonFile;
import org.cyprus.library.scan.OpfFile;
import org.cyprus.media.CoverArt;
import org.cyprus.media.probe.MediaProbe;
import org.cyprus.media.probe.ProbeResult;

/**
 * Judges an uploaded file by its content, not its name: audio the media engine can read, a JPEG/PNG/WebP picture,
 * or one of the known sidecars ({@code desc.txt}, {@code reader.txt}, {@code metadata.json}, an OPF) that parses.
 */
final class UploadedContent {
    static final long MAX_SIDECAR_BYTES = 256 * 1024;

    private UploadedContent() {
    }

    /** What the file is ({@code audio}, {@code image}, {@code sidecar}), or why it is refused. */
    record Verdict(Optional<String> kind, String reason) {
        static Verdict ok(String kind) {
            return new Verdict(Optional.of(kind), "");
        }

        static Verdict refused(String reason) {
            return new Verdict(Optional.empty(), reason);
        }
    }

    static Verdict judge(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.equals("desc.txt") || name.equals("reader.txt")) {
                return Files.size(file) <= MAX_SIDECAR_BYTES ? Verdict.ok("sidecar") : Verdict.refused("larger than " + MAX_SIDECAR_BYTES + " bytes");
            }
            if (name.equals("metadata.json") || name.endsWith(".opf")) {
                if (Files.size(file) > MAX_SIDECAR_BYTES) {
                    return Verdict.refused("larger than " + MAX_SIDECAR_BYTES + " bytes");
                }
                try {
                    if (name.endsWith(".opf")) {
                        OpfFile.read(file);
                    } else {
                        MetadataJsonFile.read(file);
                    }
                    return Verdict.ok("sidecar");
                } catch (IOException e) {
                    return Verdict.refused("not a valid " + (name.endsWith(".opf") ? "OPF" : "metadata.json") + " file: " + e.getMessage());
                }
            }
            byte[] head = new byte[16];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            if (n == 0) {
                return Verdict.refused("the file is empty");
            }
            String image = CoverArt.sniffMimeType(java.util.Arrays.copyOf(head, n), "");
            if (image.equals("image/jpeg") || image.equals("image/png") || image.equals("image/webp")) {
                return Verdict.ok("image");
            }
            return switch (MediaProbe.probe(file)) {
                case ProbeResult.Probed probed -> Verdict.ok("audio");
                case ProbeResult.Failed failed -> Verdict.refused("not audio Cyprus can play, nor a JPEG, PNG or WebP picture ("
                        + failed.error().code() + ": " + failed.message() + ")");
            };
        } catch (IOException e) {
            return Verdict.refused("cannot be read: " + e.getMessage());
        }
    }
}
