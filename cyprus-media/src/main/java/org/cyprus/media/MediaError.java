package org.cyprus.media;

/** Why a file could not be read as audio; {@link #code()} is stable and appears in JSON output. */
public enum MediaError {
    /** The file has no bytes at all. */
    EMPTY("empty_file"),
    /** The content matches no audio format Cyprus knows (whatever its extension says). */
    UNRECOGNIZED("unrecognized_format"),
    /** The format is recognised but Cyprus cannot read its details. */
    UNSUPPORTED("unsupported_format"),
    /** The file ends before a structure it declares. */
    TRUNCATED("truncated"),
    /** A structure is self-contradictory or out of bounds. */
    CORRUPT("corrupt"),
    /** The container holds no playable audio. */
    NO_AUDIO("no_audio"),
    /** The file could not be read. */
    IO("io_error");

    private final String code;

    MediaError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
