package org.cyprus.media.mp3;

/** The de-emphasis a frame header asks for (ISO/IEC 11172-3 §2.4.2.3); {@code 10} is reserved but decodable. */
public enum Emphasis {
    NONE,
    MS_50_15,
    RESERVED,
    CCITT_J17;

    static Emphasis fromBits(int bits) {
        return values()[bits & 3];
    }
}
