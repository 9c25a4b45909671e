package org.cyprus.media.adts;

import java.io.IOException;
import org.cyprus.media.FrameTable;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.flac.MediaInfoDump;
import org.cyprus.media.io.ByteSource;

/** The golden-dump text of an ADTS stream: the first header, every frame with offset, size and time, the result. */
final class AdtsDump {
    private AdtsDump() {
    }

    static String dump(ByteSource source) throws IOException, MediaException {
        MediaInfo info = AdtsProber.probe(source, 0, source.size());
        AdtsScan scan = new AdtsScan(source, 0, source.size());
        StringBuilder out = new StringBuilder("== ADTS, ").append(source.size()).append(" bytes\n");
        out.append("first header: ").append(scan.headerAt(info.audioStartByte())).append('\n');
        FrameTable frames = (FrameTable) info.seekIndex();
        for (int i = 0; i < frames.frameCount(); i++) {
            out.append("frame ").append(i).append(" @").append(frames.frameOffset(i)).append(", ")
                    .append(frames.frameSize(i)).append(" bytes, samples ").append(frames.frameTime(i)).append("+")
                    .append(frames.frameDuration(i)).append('\n');
        }
        return out.append(MediaInfoDump.format(info)).toString();
    }
}
