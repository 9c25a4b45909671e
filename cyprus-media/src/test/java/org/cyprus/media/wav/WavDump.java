package org.cyprus.media.wav;

import java.io.IOException;
import org.cyprus.media.MediaException;
import org.cyprus.media.flac.MediaInfoDump;
import org.cyprus.media.io.ByteSource;

/** The golden-dump text of a WAV file: form, chunks with offsets and sizes, the format, the data, the result. */
final class WavDump {
    private WavDump() {
    }

    static String dump(ByteSource source) throws IOException, MediaException {
        WavLayout layout = WavLayout.read(source);
        StringBuilder out = new StringBuilder("== ").append(layout.form()).append("/WAVE, ").append(source.size())
                .append(" bytes\n");
        layout.chunks().forEach(c -> out.append("chunk '").append(c.id()).append("' @").append(c.offset()).append(", ")
                .append(c.sizeBytes()).append(" bytes\n"));
        out.append("format: ").append(layout.format()).append('\n');
        out.append("data: ").append(layout.dataBytes()).append(" bytes @").append(layout.dataStart()).append('\n');
        out.append("fact samples: ").append(layout.factSamples().isPresent() ? layout.factSamples().getAsLong() : "none").append('\n');
        return out.append(MediaInfoDump.format(WavProber.probe(source))).toString();
    }
}
