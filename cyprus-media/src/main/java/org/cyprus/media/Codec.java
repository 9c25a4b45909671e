package org.cyprus.media;

/** The audio coding inside a container. */
public enum Codec {
    MP3("mp3"),
    MP2("mp2"),
    MP1("mp1"),
    AAC("aac"),
    ALAC("alac"),
    FLAC("flac"),
    VORBIS("vorbis"),
    OPUS("opus"),
    PCM("pcm"),
    WMA("wma"),
    WAVPACK("wavpack"),
    UNKNOWN("unknown");

    private final String id;

    Codec(String id) {
        this.id = id;
    }

    /** The short name used in JSON, e.g. {@code aac}. */
    public String id() {
        return id;
    }
}
