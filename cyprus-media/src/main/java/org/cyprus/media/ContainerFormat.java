package org.cyprus.media;

/** The container a file's content was identified as, by its bytes rather than its name. */
public enum ContainerFormat {
    MP3("mp3", "audio/mpeg"),
    MP4("mp4", "audio/mp4"),
    AAC_ADTS("aac", "audio/aac"),
    FLAC("flac", "audio/flac"),
    OGG("ogg", "audio/ogg"),
    WAV("wav", "audio/wav"),
    WMA("wma", "audio/x-ms-wma"),
    WAVPACK("wavpack", "audio/x-wavpack"),
    MATROSKA("matroska", "audio/webm");

    private final String id;
    private final String mimeType;

    ContainerFormat(String id, String mimeType) {
        this.id = id;
        this.mimeType = mimeType;
    }

    /** The short name used in JSON, e.g. {@code mp3}. */
    public String id() {
        return id;
    }

    /** The media type to serve the file with. */
    public String mimeType() {
        return mimeType;
    }
}
