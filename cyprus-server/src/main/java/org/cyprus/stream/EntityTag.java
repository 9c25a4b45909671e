package org.cyprus.stream;

import java.util.Objects;
import java.util.Optional;

/**
 * An entity tag (RFC 9110 §8.8.3): {@code [ W/ ] DQUOTE *etagc DQUOTE}, compared strongly or weakly (§8.8.3.2).
 *
 * @param opaqueTag the characters between the quotes
 * @param weak      whether it was marked {@code W/}
 */
public record EntityTag(String opaqueTag, boolean weak) {
    public EntityTag {
        Objects.requireNonNull(opaqueTag);
        for (int i = 0; i < opaqueTag.length(); i++) {
            if (!isEtagc(opaqueTag.charAt(i))) {
                throw new IllegalArgumentException("not an etagc character at " + i + " of " + opaqueTag);
            }
        }
    }

    public static EntityTag strong(String opaqueTag) {
        return new EntityTag(opaqueTag, false);
    }

    /** The tag as a field value: {@code "opaque"} or {@code W/"opaque"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaqueTag + "\"";
    }

    /** §8.8.3.2: strong comparison — neither tag is weak and the opaque tags are identical. */
    public boolean strongMatch(EntityTag other) {
        return !weak && !other.weak && opaqueTag.equals(other.opaqueTag);
    }

    /** §8.8.3.2: weak comparison — the opaque tags are identical, whether or not either is weak. */
    public boolean weakMatch(EntityTag other) {
        return opaqueTag.equals(other.opaqueTag);
    }

    /** One entity tag that is the whole of {@code value} (as in {@code If-Range}), or nothing if it is not one. */
    public static Optional<EntityTag> parse(String value) {
        TagCursor cursor = new TagCursor(value.strip());
        Optional<EntityTag> tag = cursor.tag();
        return tag.isPresent() && cursor.atEnd() ? tag : Optional.empty();
    }

    /** {@code etagc = %x21 / %x23-7E / obs-text}: visible characters but the double quote, or obs-text. */
    static boolean isEtagc(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }
}
