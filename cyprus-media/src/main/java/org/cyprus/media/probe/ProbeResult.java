package org.cyprus.media.probe;

import java.util.Objects;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaInfo;

/** The outcome of probing one file: what it holds, or why it cannot be read. */
public sealed interface ProbeResult {

    /** The file was read. */
    record Probed(MediaInfo info) implements ProbeResult {
        public Probed {
            Objects.requireNonNull(info);
        }
    }

    /** The file could not be read as audio; {@code message} says why, for people. */
    record Failed(MediaError error, String message) implements ProbeResult {
        public Failed {
            Objects.requireNonNull(error);
            Objects.requireNonNull(message);
        }
    }
}
