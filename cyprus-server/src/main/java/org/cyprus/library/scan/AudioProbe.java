package org.cyprus.library.scan;

import java.nio.file.Path;
import org.cyprus.library.AudioFacts;
import org.cyprus.library.AudioFile;

/** Reads one audio file for the scanner: its facts (or why it cannot be read) and its content fingerprint. */
@FunctionalInterface
public interface AudioProbe {

    ProbedAudio probe(Path file);

    /** The outcome of probing one file. */
    sealed interface ProbedAudio {
        String fingerprint();
    }

    /** The file was read. */
    record Readable(AudioFacts facts, String fingerprint) implements ProbedAudio {
    }

    /** The file could not be read as audio. */
    record Unreadable(AudioFile.FileProblem problem, String fingerprint) implements ProbedAudio {
    }
}
