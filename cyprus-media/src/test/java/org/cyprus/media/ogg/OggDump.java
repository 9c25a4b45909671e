package org.cyprus.media.ogg;

import java.io.IOException;
import java.util.ArrayList;
import org.cyprus.media.MediaException;
import org.cyprus.media.flac.MediaInfoDump;
import org.cyprus.media.flac.VorbisComment;
import org.cyprus.media.io.ByteSource;

/** The golden-dump text of an Ogg file: header pages, streams, identification and comment headers, last page, result. */
final class OggDump {
    private OggDump() {
    }

    static String dump(ByteSource source) throws IOException, MediaException {
        OggHeaders h = OggHeaders.read(source);
        StringBuilder out = new StringBuilder("== Ogg, ").append(source.size()).append(" bytes\n");
        h.pages().forEach(p -> out.append(p.describe()).append('\n'));
        h.streams().forEach((serial, kind) -> out.append("stream ").append(Integer.toHexString(serial)).append(": ")
                .append(kind).append(serial == h.serial() ? " (described)" : "").append('\n'));
        out.append("identification: ").append(h.codec()).append('\n');
        for (int i = 0; i < h.headers().size(); i++) {
            OggPacketAssembler.Packet p = h.headers().get(i);
            out.append("header packet ").append(i).append(": ").append(p.bytes().length).append(" bytes, ends on page @")
                    .append(p.endPageOffset()).append(p.clipped() ? ", clipped" : "").append('\n');
        }
        OggComments comments = OggComments.parse(h, new ArrayList<>());
        VorbisComment c = comments.comment();
        out.append("comment vendor: ").append(c.vendor()).append('\n');
        c.fields().forEach(f -> out.append("  ").append(f.name()).append('=').append(clip(f.value())).append('\n'));
        out.append("audio start @").append(h.audioStart()).append('\n');
        out.append("last page: ").append(OggEnd.lastPage(source, h, new ArrayList<>()).map(OggPage::describe).orElse("none"))
                .append('\n');
        return out.append(MediaInfoDump.format(OggProber.probe(source))).toString();
    }

    private static String clip(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "... (" + value.length() + " chars)";
    }
}
