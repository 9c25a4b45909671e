package org.cyprus.stream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.cyprus.library.media.PlayableFile;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.FileByteSource;
import org.cyprus.media.mux.AudioStream;
import org.cyprus.media.mux.AudioStreamFile;
import org.cyprus.media.probe.MediaProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exact frame tables of audio files, built once per version of a file's content and kept: in memory (the most
 * recently used, up to a frame budget) and on disk (so a restart does not read every book again). A version is the
 * file's id with its size and modification time as they are on disk now — a file replaced since the last scan gets
 * a fresh table, never the old one.
 */
public final class AudioStreams {
    private static final Logger log = LoggerFactory.getLogger("stream");

    private final Path cacheDir;
    private final long maxFramesInMemory;
    private final Map<StreamKey, CompletableFuture<AudioStream>> building = new ConcurrentHashMap<>();
    private final LinkedHashMap<StreamKey, AudioStream> memory = new LinkedHashMap<>(64, 0.75f, true);
    private long framesInMemory;

    /** A version of one file's content. */
    public record StreamKey(String fileId, Path path, long sizeBytes, long mtimeNanos) {
        String fileName() {
            return fileId + "-" + HexFormat.of().toHexDigits(sizeBytes) + "-" + HexFormat.of().toHexDigits(mtimeNanos) + ".frames";
        }
    }

    /**
     * @param cacheDir          where tables are kept between runs
     * @param maxFramesInMemory how many frames' entries to keep in memory (about 10–20 bytes each)
     */
    public AudioStreams(Path cacheDir, long maxFramesInMemory) {
        this.cacheDir = cacheDir;
        this.maxFramesInMemory = maxFramesInMemory;
    }

    /**
     * The file's version as it is on disk now.
     *
     * @throws StreamException {@code GONE} when the file is no longer there (or has become a link)
     */
    public StreamKey keyOf(PlayableFile file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new StreamException(StreamException.Kind.GONE, "The file " + file.name() + " is not there any more.");
            }
            return new StreamKey(file.id(), file.path(), attributes.size(), attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        } catch (NoSuchFileException e) {
            throw new StreamException(StreamException.Kind.GONE, "The file " + file.name() + " is not there any more.");
        } catch (IOException e) {
            throw new StreamException(StreamException.Kind.GONE, "The file " + file.name() + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * The frame table of this version of a file: from memory, from the disk cache, or read from the file (once, however
     * many ask at the same time).
     *
     * @throws StreamException {@code UNSUPPORTED} for formats that cannot be streamed frame by frame, {@code GONE} when
     *                         the file cannot be read
     */
    public AudioStream stream(StreamKey key) {
        synchronized (this) {
            AudioStream cached = memory.get(key);
            if (cached != null) {
                return cached;
            }
        }
        CompletableFuture<AudioStream> mine = new CompletableFuture<>();
        CompletableFuture<AudioStream> theirs = building.putIfAbsent(key, mine);
        if (theirs != null) {
            return join(theirs);
        }
        try {
            AudioStream stream = load(key);
            remember(key, stream);
            mine.complete(stream);
            return stream;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(key);
        }
    }

    private static AudioStream join(CompletableFuture<AudioStream> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private synchronized void remember(StreamKey key, AudioStream stream) {
        if (memory.put(key, stream) == null) {
            framesInMemory += stream.frames().frameCount();
        }
        var eldest = memory.entrySet().iterator();
        while (framesInMemory > maxFramesInMemory && memory.size() > 1 && eldest.hasNext()) {
            var entry = eldest.next();
            if (entry.getKey().equals(key)) {
                continue;
            }
            framesInMemory -= entry.getValue().frames().frameCount();
            eldest.remove();
        }
    }

    private AudioStream load(StreamKey key) {
        Path cached = cacheDir.resolve(key.fileName());
        if (Files.isRegularFile(cached)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cached), 1 << 16))) {
                return AudioStreamFile.read(in);
            } catch (IOException | MediaException e) {
                log.warn("Frame table cache {} is unreadable ({}); reading the file again", cached, e.getMessage());
            }
        }
        AudioStream stream = build(key);
        save(cached, stream);
        return stream;
    }

    private static AudioStream build(StreamKey key) {
        try (FileByteSource source = FileByteSource.open(key.path())) {
            if (source.size() != key.sizeBytes()) {
                throw new StreamException(StreamException.Kind.GONE, "The file " + key.path().getFileName() + " changed while it was being read.");
            }
            return MediaProbe.audioStream(source);
        } catch (MediaException e) {
            throw new StreamException(StreamException.Kind.UNSUPPORTED, key.path().getFileName() + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new StreamException(StreamException.Kind.GONE, "The file " + key.path().getFileName() + " is not there any more.");
        } catch (IOException e) {
            throw new StreamException(StreamException.Kind.GONE, "The file " + key.path().getFileName() + " cannot be read: " + e.getMessage());
        }
    }

    private void save(Path target, AudioStream stream) {
        try {
            Files.createDirectories(cacheDir);
            Path temporary = Files.createTempFile(cacheDir, ".frames-", ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
                    AudioStreamFile.write(stream, out);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | UncheckedIOException | MediaException e) {
            log.warn("Cannot keep the frame table in {}: {}", cacheDir, e.getMessage());
        }
    }
}
