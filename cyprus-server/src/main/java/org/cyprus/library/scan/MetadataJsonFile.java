package org.cyprus.library.scan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.PersonNames;
import org.cyprus.library.SeriesRef;

/**
 * Book metadata from a {@code metadata.json} beside the audio: Cyprus's own shape, and the shape Audiobookshelf
 * writes, which differs in a few names ({@code publishedYear}, series as {@code "Name #2"} strings).
 *
 * <pre>{@code {"title": "...", "subtitle": "...", "authors": ["..."], "narrators": ["..."],
 *  "series": [{"name": "...", "sequence": "2"}], "genres": ["..."], "year": 1994, "publisher": "...",
 *  "language": "en", "description": "...", "asin": "...", "isbn": "..."}}</pre>
 */
public final class MetadataJsonFile {
    static final long MAX_BYTES = 1L << 20;
    private static final Pattern SERIES_WITH_NUMBER = Pattern.compile("^(.*?)\\s*#\\s*([\\d.]+)\\s*$");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
    }

    private MetadataJsonFile() {
    }

    /** Parses {@code file}; malformed or oversized files are reported as {@link IOException}. */
    public static BookMetadata read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        try {
            return parse(MAPPER.readTree(file.toFile()));
        } catch (JacksonException e) {
            throw new IOException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static BookMetadata parse(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        BookMetadata.Builder builder = BookMetadata.builder()
                .title(text(root, "title"))
                .subtitle(text(root, "subtitle"))
                .authors(people(root.get("authors")))
                .narrators(people(root.get("narrators")))
                .series(series(root.get("series")))
                .genres(strings(root.get("genres")))
                .publisher(text(root, "publisher"))
                .language(text(root, "language"))
                .description(text(root, "description"))
                .asin(text(root, "asin"))
                .isbn(text(root, "isbn"));
        String year = text(root, "year");
        if (year == null) {
            year = text(root, "publishedYear");
        }
        if (year != null) {
            Matcher m = YEAR.matcher(year);
            if (m.find()) {
                builder.year(Integer.valueOf(m.group(1)));
            }
        }
        return builder.build();
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> {
                if (n.isValueNode() && !n.isNull()) {
                    out.add(n.asText());
                } else if (n.isObject() && n.hasNonNull("name")) {
                    out.add(n.get("name").asText());
                }
            });
        } else if (node != null && node.isTextual()) {
            out.add(node.asText());
        }
        return out;
    }

    private static List<String> people(JsonNode node) {
        return PersonNames.splitAll(strings(node));
    }

    private static List<SeriesRef> series(JsonNode node) {
        List<SeriesRef> out = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return out;
        }
        for (JsonNode entry : node) {
            if (entry.isObject() && entry.hasNonNull("name") && !entry.get("name").asText().isBlank()) {
                JsonNode sequence = entry.get("sequence");
                out.add(SeriesRef.of(entry.get("name").asText(),
                        sequence != null && sequence.isValueNode() && !sequence.isNull() ? sequence.asText() : null));
            } else if (entry.isTextual() && !entry.asText().isBlank()) {
                Matcher m = SERIES_WITH_NUMBER.matcher(entry.asText());
                out.add(m.matches() && !m.group(1).isBlank() ? SeriesRef.of(m.group(1), m.group(2)) : SeriesRef.of(entry.asText(), null));
            }
        }
        return out;
    }
}
