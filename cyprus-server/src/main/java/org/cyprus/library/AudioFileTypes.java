package org.cyprus.library;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Which file names a library treats as audio, judged by extension before any content is read. */
public final class AudioFileTypes {
    private static final Set<String> AUDIO_EXTENSIONS = Set.of(
            "mp3", "m4b", "m4a", "mp4", "aac", "flac", "ogg", "oga", "opus", "wav", "wma", "wv", "webm", "mka");

    private AudioFileTypes() {
    }

    /** True when the file name carries an audio extension (case-insensitive). */
    public static boolean isAudio(Path file) {
        Path name = file.getFileName();
        return name != null && AUDIO_EXTENSIONS.contains(extension(name.toString()));
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
