package org.cyprus.media.id3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.cyprus.media.CoverArt;
import org.cyprus.media.io.ArrayByteSource;

/** Shortcuts for reading crafted bytes, and the invariants every result must keep whatever the input. */
final class Reads {
    private Reads() {
    }

    static Id3Result read(byte[] file) {
        try {
            return Id3Reader.read(new ArrayByteSource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String dump(byte[] file) {
        try {
            return Id3Reader.dump(new ArrayByteSource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] coverBytes(Id3Result result, byte[] file) {
        try {
            return result.cover().orElseThrow().read(new ArrayByteSource(file));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Audio range inside the file, covers inside the file, warnings bounded. */
    static void assertSane(Id3Result result, long fileSize) {
        assertThat(result.audioStart()).isBetween(0L, fileSize);
        assertThat(result.audioEnd()).isBetween(result.audioStart(), fileSize);
        assertThat(result.warnings()).hasSizeLessThanOrEqualTo(Diagnostics.MAX_WARNINGS + 1);
        result.cover().ifPresent(cover -> {
            assertThat(cover.sizeBytes()).isPositive();
            if (cover.location() instanceof CoverArt.InFile inFile) {
                assertThat(inFile.offset()).isNotNegative();
                assertThat(inFile.offset() + cover.sizeBytes()).isLessThanOrEqualTo(fileSize);
            }
        });
    }
}
