package org.cyprus.stream;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One file version mapped read-only into memory, unmapped when the last holder lets go: the cache holds one
 * reference while the mapping is cached, and each response writing from it holds one, so a mapping is never
 * unmapped under a response (which would fault) and never outlives both.
 */
final class MappedFile {
    private final FileVersion version;
    private final Arena arena;
    private final MemorySegment segment;
    private final AtomicInteger references = new AtomicInteger(1);

    private MappedFile(FileVersion version, Arena arena, MemorySegment segment) {
        this.version = version;
        this.arena = arena;
        this.segment = segment;
    }

    /**
     * Maps {@code version}, holding one reference for the caller. Symbolic links are not followed.
     *
     * @throws FileChangedException when the file's size is no longer the version's
     */
    static MappedFile map(FileVersion version) throws IOException {
        try (FileChannel channel = FileChannel.open(version.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size != version.sizeBytes()) {
                throw new FileChangedException(version.path(), "its size is " + size + " bytes, not " + version.sizeBytes());
            }
            Arena arena = Arena.ofShared();
            try {
                return new MappedFile(version, arena, channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena));
            } catch (IOException | RuntimeException e) {
                arena.close();
                throw e;
            }
        }
    }

    FileVersion version() {
        return version;
    }

    MemorySegment segment() {
        return segment;
    }

    long sizeBytes() {
        return version.sizeBytes();
    }

    /** Takes a reference unless the mapping is already unmapped; returns whether it did. */
    boolean retain() {
        while (true) {
            int held = references.get();
            if (held == 0) {
                return false;
            }
            if (references.compareAndSet(held, held + 1)) {
                return true;
            }
        }
    }

    /** Lets go of a reference; the last one unmaps. */
    void release() {
        if (references.decrementAndGet() == 0) {
            try {
                arena.close();
            } catch (IllegalStateException e) {
                // Still acquired by an I/O operation, which cannot be: every writer holds a reference until its write
                // returns. Leaving it mapped is the safe side.
            }
        }
    }
}
