package org.cyprus.media.flac;

import java.io.ByteArrayOutputStream;

/** Byte-array chores of the format tests: joining parts, finding a structure in a fixture. */
public final class FixtureBytes {
    private FixtureBytes() {
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Offset of the first occurrence of {@code needle}; fails the test when there is none. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found in fixture");
    }
}
