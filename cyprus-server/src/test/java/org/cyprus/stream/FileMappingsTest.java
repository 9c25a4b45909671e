package org.cyprus.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping cache: bounded, one version per path, and never unmapping under a lease. */
class FileMappingsTest {
    @TempDir
    Path dir;

    private FileVersion file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return FileVersion.current(path, "fp").orElseThrow();
    }

    private static String read(FileMappings.Lease lease, long offset, int length) {
        ByteBuffer slice = lease.slice(offset, length);
        byte[] bytes = new byte[length];
        slice.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void aLeaseReadsTheFileAndASecondLeaseReusesTheMapping() throws IOException {
        FileVersion a = file("a", "hello, mapped world");
        try (FileMappings mappings = new FileMappings(4, 1 << 20)) {
            try (FileMappings.Lease one = mappings.lease(a); FileMappings.Lease two = mappings.lease(a)) {
                assertThat(read(one, 7, 6)).isEqualTo("mapped");
                assertThat(read(two, 0, 5)).isEqualTo("hello");
            }
            assertThat(mappings.cached()).containsExactly(a);
            assertThat(mappings.mappedBytes()).isEqualTo(a.sizeBytes());
        }
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenThereAreTooManyFiles() throws IOException {
        FileVersion a = file("a", "aaaa");
        FileVersion b = file("b", "bbbb");
        FileVersion c = file("c", "cccc");
        try (FileMappings mappings = new FileMappings(2, 1 << 20)) {
            mappings.lease(a).close();
            mappings.lease(b).close();
            mappings.lease(a).close();
            mappings.lease(c).close();
            assertThat(mappings.cached()).containsExactly(a, c);
        }
    }

    @Test
    void andWhenTheyMapTooManyBytes() throws IOException {
        FileVersion a = file("a", "a".repeat(600));
        FileVersion b = file("b", "b".repeat(600));
        FileVersion huge = file("huge", "h".repeat(2000));
        try (FileMappings mappings = new FileMappings(10, 1000)) {
            mappings.lease(a).close();
            mappings.lease(b).close();
            assertThat(mappings.cached()).containsExactly(b);
            assertThat(mappings.mappedBytes()).isEqualTo(600);
            try (FileMappings.Lease lease = mappings.lease(huge)) {
                assertThat(read(lease, 1990, 10)).as("larger than the cache: mapped for the lease alone").isEqualTo("h".repeat(10));
            }
            assertThat(mappings.cached()).containsExactly(b);
        }
    }

    @Test
    void aLeaseKeepsItsMappingAfterEvictionAndClose() throws IOException {
        FileVersion a = file("a", "still here");
        FileVersion b = file("b", "bbbb");
        FileMappings mappings = new FileMappings(1, 1 << 20);
        try (FileMappings.Lease held = mappings.lease(a)) {
            mappings.lease(b).close();
            assertThat(mappings.cached()).containsExactly(b);
            mappings.evict(b);
            mappings.close();
            assertThat(mappings.cached()).isEmpty();
            assertThat(read(held, 0, 10)).isEqualTo("still here");
        }
    }

    @Test
    void aNewerVersionOfAPathRetiresTheOlderMappingButNotItsLeases() throws IOException {
        FileVersion first = file("book.mp3", "first version");
        try (FileMappings mappings = new FileMappings(4, 1 << 20); FileMappings.Lease old = mappings.lease(first)) {
            Path replacement = dir.resolve("incoming");
            Files.writeString(replacement, "second, longer version");
            Files.setLastModifiedTime(replacement, FileTime.from(Instant.now().plusSeconds(5)));
            Files.move(replacement, first.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            FileVersion second = FileVersion.current(first.path(), "fp").orElseThrow();

            try (FileMappings.Lease fresh = mappings.lease(second)) {
                assertThat(read(fresh, 0, 22)).isEqualTo("second, longer version");
            }
            assertThat(mappings.cached()).containsExactly(second);
            assertThat(read(old, 0, 13)).as("the replaced file's mapping lives while leased").isEqualTo("first version");
            assertThat(second.entityTag("id")).isNotEqualTo(first.entityTag("id"));
        }
    }

    @Test
    void aFileThatNoLongerHasItsVersionsSizeIsRefused() throws IOException {
        FileVersion a = file("a", "12345");
        Files.writeString(a.path(), "123");
        try (FileMappings mappings = new FileMappings(4, 1 << 20)) {
            assertThatThrownBy(() -> mappings.lease(a)).isInstanceOf(FileChangedException.class);
            assertThat(mappings.cached()).isEmpty();
        }
    }

    @Test
    void symbolicLinksAreNotFollowed() throws IOException {
        FileVersion target = file("target", "secret");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target.path());
        assertThat(FileVersion.current(link, "fp")).as("a link is not a file to serve").isEmpty();
        FileVersion forged = new FileVersion(link, target.sizeBytes(), target.modified(), "fp");
        try (FileMappings mappings = new FileMappings(4, 1 << 20)) {
            assertThatThrownBy(() -> mappings.lease(forged)).isInstanceOf(IOException.class);
        }
        assertThat(FileVersion.current(dir.resolve("missing"), "fp")).isEmpty();
        assertThat(FileVersion.current(dir, "fp")).as("a folder is not a file to serve").isEmpty();
    }

    @Test
    void theEntityTagFollowsEveryPartOfTheVersion() throws IOException {
        FileVersion a = file("a", "content");
        assertThat(a.entityTag("id").weak()).isFalse();
        assertThat(a.entityTag("id")).isEqualTo(a.entityTag("id"));
        assertThat(a.entityTag("other")).isNotEqualTo(a.entityTag("id"));
        assertThat(new FileVersion(a.path(), a.sizeBytes() + 1, a.modified(), "fp").entityTag("id")).isNotEqualTo(a.entityTag("id"));
        assertThat(new FileVersion(a.path(), a.sizeBytes(), a.modified().plusNanos(1), "fp").entityTag("id"))
                .as("a nanosecond counts").isNotEqualTo(a.entityTag("id"));
        assertThat(new FileVersion(a.path(), a.sizeBytes(), a.modified(), "fp2").entityTag("id")).isNotEqualTo(a.entityTag("id"));
    }
}
