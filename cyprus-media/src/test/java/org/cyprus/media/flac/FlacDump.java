package org.cyprus.media.flac;

import java.io.IOException;
import java.util.ArrayList;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/** The golden-dump text of a FLAC file: every metadata block with its offset and fields, the frames found, the result. */
final class FlacDump {
    private FlacDump() {
    }

    static String dump(ByteSource source, long start) throws IOException, MediaException {
        FlacMetadata m = FlacMetadata.read(source, start);
        StringBuilder out = new StringBuilder("== FLAC, ").append(source.size()).append(" bytes, marker at ")
                .append(start).append('\n');
        for (FlacMetadata.Block b : m.blocks()) {
            out.append("block @").append(b.offset()).append(' ').append(b.typeName()).append(", ")
                    .append(b.lengthBytes()).append(" bytes").append(b.last() ? ", last" : "").append('\n');
            switch (b.type()) {
                case FlacMetadata.STREAMINFO -> out.append("  ").append(m.streamInfo()).append('\n');
                case FlacMetadata.SEEKTABLE -> m.seekTable().forEach(p -> out.append("  ").append(p).append('\n'));
                case FlacMetadata.VORBIS_COMMENT -> out.append(comment(m.comment().orElseThrow()));
                case FlacMetadata.PICTURE -> m.pictures().stream()
                        .filter(p -> p.dataOffset() > b.offset() && p.dataOffset() <= b.offset() + 4 + b.lengthBytes())
                        .forEach(p -> out.append("  ").append(p).append('\n'));
                default -> {
                }
            }
        }
        out.append("audio start @").append(m.audioStart()).append('\n');
        FlacAudio audio = FlacAudio.locate(source, m, new ArrayList<>());
        out.append("first frame: ").append(audio.firstFrame().map(Object::toString).orElse("none")).append('\n');
        out.append("last frame: ").append(audio.lastFrame().map(Object::toString).orElse("none")).append('\n');
        out.append("audio limit @").append(audio.audioLimit()).append(", total samples ").append(audio.totalSamples()).append('\n');
        return out.append(MediaInfoDump.format(FlacProber.probe(source, start))).toString();
    }

    static String comment(VorbisComment comment) {
        StringBuilder out = new StringBuilder("  vendor: ").append(comment.vendor()).append('\n');
        comment.fields().forEach(f -> out.append("  ").append(f.name()).append('=').append(f.value()).append('\n'));
        return out.toString();
    }
}
