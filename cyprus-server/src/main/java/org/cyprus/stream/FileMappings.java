package org.cyprus.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Read-only memory mappings of the files served lately, so a range is written to the socket straight from the page
 * cache. At most one version per path is kept — a newer version on disk retires the older mapping — and the cache is
 * bounded in files and in mapped bytes, least recently used first out. Mappings are unmapped only when no response
 * is writing from them ({@link MappedFile}).
 */
public final class FileMappings implements AutoCloseable {
    private final int maxFiles;
    private final long maxMappedBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<Path, MappedFile> byPath = new LinkedHashMap<>(16, 0.75f, true);
    private long mappedBytes;
    private boolean closed;

    /** A cache of at most {@code maxFiles} mappings of at most {@code maxMappedBytes} in all. */
    public FileMappings(int maxFiles, long maxMappedBytes) {
        if (maxFiles < 1 || maxMappedBytes < 1) {
            throw new IllegalArgumentException("the cache must hold something");
        }
        this.maxFiles = maxFiles;
        this.maxMappedBytes = maxMappedBytes;
    }

    /**
     * A lease on the mapping of {@code version}, mapping the file now if it is not cached; close it once the response
     * is written. A file larger than the whole cache is mapped for this lease alone.
     *
     * @throws FileChangedException when the file on disk is no longer {@code version}
     * @throws IOException          when it cannot be opened (gone, a symbolic link, unreadable)
     */
    public Lease lease(FileVersion version) throws IOException {
        lock.lock();
        try {
            MappedFile cached = byPath.get(version.path());
            if (cached != null) {
                if (cached.version().equals(version) && cached.retain()) {
                    return new Lease(cached);
                }
                drop(version.path());
            }
        } finally {
            lock.unlock();
        }
        MappedFile fresh = MappedFile.map(version);
        lock.lock();
        try {
            if (!closed && fresh.sizeBytes() <= maxMappedBytes && fresh.retain()) {
                drop(version.path());
                byPath.put(version.path(), fresh);
                mappedBytes += fresh.sizeBytes();
                trim();
            }
        } finally {
            lock.unlock();
        }
        return new Lease(fresh);
    }

    /** A lease on the mapping of {@code version} if one is cached, without opening or mapping anything. */
    public Optional<Lease> leaseIfMapped(FileVersion version) {
        lock.lock();
        try {
            MappedFile cached = byPath.get(version.path());
            return cached != null && cached.version().equals(version) && cached.retain() ? Optional.of(new Lease(cached)) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the mapping of {@code version}, if it is the one cached (after it failed a response). */
    public void evict(FileVersion version) {
        lock.lock();
        try {
            MappedFile cached = byPath.get(version.path());
            if (cached != null && cached.version().equals(version)) {
                drop(version.path());
            }
        } finally {
            lock.unlock();
        }
    }

    /** The versions cached now, least recently used first. */
    public List<FileVersion> cached() {
        lock.lock();
        try {
            List<FileVersion> versions = new ArrayList<>(byPath.size());
            byPath.values().forEach(m -> versions.add(m.version()));
            return versions;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes mapped by the cache now (leases of uncached mappings aside). */
    public long mappedBytes() {
        lock.lock();
        try {
            return mappedBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Lets go of every cached mapping; leases in use keep theirs until they close. Later leases are not cached. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (Path path : new ArrayList<>(byPath.keySet())) {
                drop(path);
            }
        } finally {
            lock.unlock();
        }
    }

    private void trim() {
        Iterator<Map.Entry<Path, MappedFile>> eldest = byPath.entrySet().iterator();
        while ((byPath.size() > maxFiles || mappedBytes > maxMappedBytes) && byPath.size() > 1) {
            MappedFile evicted = eldest.next().getValue();
            eldest.remove();
            mappedBytes -= evicted.sizeBytes();
            evicted.release();
        }
    }

    private void drop(Path path) {
        MappedFile removed = byPath.remove(path);
        if (removed != null) {
            mappedBytes -= removed.sizeBytes();
            removed.release();
        }
    }

    /** The right to read one mapped file version until closed. */
    public static final class Lease implements AutoCloseable {
        private final MappedFile file;
        private final AtomicBoolean closed = new AtomicBoolean();

        Lease(MappedFile file) {
            this.file = file;
        }

        public FileVersion version() {
            return file.version();
        }

        /** {@code lengthBytes} bytes from {@code offset}, as a buffer over the mapping (no copy). */
        public ByteBuffer slice(long offset, int lengthBytes) {
            return file.segment().asSlice(offset, lengthBytes).asByteBuffer();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                file.release();
            }
        }
    }
}
