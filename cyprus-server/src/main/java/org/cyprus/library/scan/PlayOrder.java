package org.cyprus.library.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cyprus.library.AudioFile;
import org.cyprus.library.NaturalOrder;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;

/**
 * The order a book's files play in: by disc then track number when every file has a track number and no two
 * share a disc and track; otherwise by a natural sort of their paths ({@code Part 2} before {@code Part 10}).
 */
public final class PlayOrder {
    private PlayOrder() {
    }

    public static List<AudioFile> sort(List<AudioFile> files) {
        List<AudioFile> sorted = new ArrayList<>(files);
        Comparator<AudioFile> byPath = Comparator.comparing(AudioFile::path, NaturalOrder.INSTANCE);
        if (tracksUsable(files)) {
            sorted.sort(Comparator.comparingInt((AudioFile f) -> disc(f)).thenComparingInt(PlayOrder::track).thenComparing(byPath));
        } else {
            sorted.sort(byPath);
        }
        return sorted;
    }

    private static boolean tracksUsable(List<AudioFile> files) {
        if (files.size() < 2) {
            return false;
        }
        Set<Long> seen = new HashSet<>();
        for (AudioFile f : files) {
            if (track(f) <= 0 || !seen.add(((long) disc(f) << 32) | track(f))) {
                return false;
            }
        }
        return true;
    }

    private static Tags tags(AudioFile f) {
        return f.facts().map(facts -> facts.tags()).orElse(Tags.empty());
    }

    private static int disc(AudioFile f) {
        return tags(f).number(TagKey.DISC).orElse(1);
    }

    private static int track(AudioFile f) {
        return tags(f).number(TagKey.TRACK).orElse(0);
    }
}
