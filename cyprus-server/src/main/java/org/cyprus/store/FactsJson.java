package org.cyprus.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.cyprus.library.AudioFacts;
import org.cyprus.media.Chapter;
import org.cyprus.media.TagKey;
import org.cyprus.media.Tags;

/** The JSON columns of {@code audio_files} and {@code books}: tags, chapters, embedded covers and warnings. */
final class FactsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FactsJson() {
    }

    record ChapterJson(String t, long s, long e) {
    }

    record CoverJson(String mime, int size, Long offset) {
    }

    static String tags(Tags tags) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        tags.asMap().forEach((k, v) -> map.put(k.jsonName(), v));
        return write(map);
    }

    static Tags tags(String json) {
        Map<String, List<String>> map = read(json, new TypeReference<>() { });
        Tags.Builder builder = Tags.builder();
        for (TagKey key : TagKey.values()) {
            List<String> values = map.get(key.jsonName());
            if (values != null) {
                values.forEach(v -> builder.add(key, v));
            }
        }
        return builder.build();
    }

    static String chapters(List<Chapter> chapters) {
        return write(chapters.stream().map(c -> new ChapterJson(c.title(), c.startUs(), c.endUs())).toList());
    }

    static List<Chapter> chapters(String json) {
        List<ChapterJson> list = read(json, new TypeReference<>() { });
        List<Chapter> out = new ArrayList<>(list.size());
        for (ChapterJson c : list) {
            out.add(new Chapter(c.t() == null ? "" : c.t(), c.s(), Math.max(c.s(), c.e())));
        }
        return out;
    }

    static String cover(Optional<AudioFacts.EmbeddedCover> cover) {
        return cover.map(c -> write(new CoverJson(c.mimeType(), c.sizeBytes(),
                c.offset().isPresent() ? c.offset().getAsLong() : null))).orElse(null);
    }

    static Optional<AudioFacts.EmbeddedCover> cover(String json) {
        if (json == null) {
            return Optional.empty();
        }
        CoverJson c = read(json, new TypeReference<>() { });
        return Optional.of(new AudioFacts.EmbeddedCover(c.mime(), c.size(),
                c.offset() == null ? OptionalLong.empty() : OptionalLong.of(c.offset())));
    }

    static String strings(List<String> strings) {
        return write(strings);
    }

    static List<String> strings(String json) {
        return read(json, new TypeReference<List<String>>() { });
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
