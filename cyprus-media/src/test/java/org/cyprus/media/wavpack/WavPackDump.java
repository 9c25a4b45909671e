package org.cyprus.media.wavpack;

import java.io.IOException;
import org.cyprus.media.MediaException;
import org.cyprus.media.flac.MediaInfoDump;
import org.cyprus.media.io.ByteSource;

/** The golden-dump text of a WavPack file: every block header in file order, then the result. */
final class WavPackDump {
    private WavPackDump() {
    }

    static String dump(ByteSource source) throws IOException, MediaException {
        WavPackBlocks blocks = new WavPackBlocks(source, source.size());
        StringBuilder out = new StringBuilder("== WavPack, ").append(source.size()).append(" bytes\n");
        WavPackBlockHeader header = blocks.headerAt(0);
        while (header != null) {
            out.append("block @").append(header.offset()).append(", ").append(header.blockBytes()).append(" bytes, version 0x")
                    .append(Integer.toHexString(header.version())).append(", samples ").append(header.blockIndex()).append('+')
                    .append(header.blockSamples()).append(" of ").append(header.totalSamples()).append(", flags 0x")
                    .append(Integer.toHexString(header.flags())).append(" (").append(header.channels()).append(" ch, ")
                    .append(header.bitsPerSample()).append(" bits, rate index ").append((header.flags() >>> 23) & 0xF)
                    .append(header.has(WavPackBlockHeader.INITIAL_BLOCK) ? ", initial" : "")
                    .append(header.has(WavPackBlockHeader.FINAL_BLOCK) ? ", final" : "").append(")\n");
            header = blocks.headerAt(header.endOffset());
        }
        return out.append(MediaInfoDump.format(WavPackProber.probe(source, 0, source.size()))).toString();
    }
}
