package org.cyprus.media.flac;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * Where a FLAC stream's frames lie and how many samples they hold: the first frame header right after the
 * metadata, the last complete frame found by {@link FlacTail}, and the sample count both STREAMINFO and the
 * frames agree on.
 *
 * @param firstFrame   the header at the audio start, if one is there
 * @param lastFrame    the last frame that checks out, if found
 * @param audioLimit   end of the bytes that may hold frames: the file's end less an ID3v1 or APEv2 tag
 * @param endOffset    offset just past the audio
 * @param totalSamples samples that play; 0 when unknown
 */
record FlacAudio(Optional<FrameHeader> firstFrame, Optional<FlacTail.LastFrame> lastFrame, long audioLimit,
        long endOffset, long totalSamples) {

    static FlacAudio locate(ByteSource source, FlacMetadata metadata, List<String> warnings)
            throws IOException, MediaException {
        StreamInfo info = metadata.streamInfo();
        long audioStart = metadata.audioStart();
        long limit = audioLimit(source, audioStart);
        if (limit <= audioStart) {
            throw FlacProber.noFrames(metadata);
        }
        byte[] head = source.readBytes(audioStart, (int) Math.min(FrameHeader.MAX_BYTES, limit - audioStart));
        Optional<FrameHeader> first = Optional.ofNullable(FrameHeader.parseFrameHeader(head, 0, head.length, audioStart))
                .filter(h -> h.agreesWith(info));
        if (first.isEmpty()) {
            warnings.add("no valid FLAC frame header right after the metadata, at offset " + audioStart);
        }
        Optional<FlacTail.LastFrame> last = first.isPresent()
                ? FlacTail.findLastFrame(source, audioStart, limit, info, first.get())
                : Optional.empty();
        long total = info.totalSamples();
        long end = limit;
        if (last.isPresent()) {
            long counted = last.get().endSample();
            end = last.get().endOffset();
            if (total == 0) {
                warnings.add("STREAMINFO does not give the total samples; " + counted
                        + " counted from the last frame header");
                total = counted;
            } else if (counted != total) {
                warnings.add("STREAMINFO promises " + total + " samples but the last complete frame ends at sample "
                        + counted + (counted < total ? " (the file is truncated)" : ""));
                total = Math.min(total, counted);
            }
            if (end < limit) {
                warnings.add((limit - end) + " bytes after the last complete frame (offset " + end
                        + ") are an incomplete or corrupt frame");
            }
        } else if (total == 0) {
            warnings.add("STREAMINFO does not give the total samples and no complete last frame was found: "
                    + "the duration is unknown");
        } else {
            warnings.add("no complete frame found at the end of the file; the duration is STREAMINFO's, unverified");
        }
        return new FlacAudio(first, last, limit, end, total);
    }

    /** The file's end less an ID3v1 tag ({@code TAG}, 128 bytes) and an APEv2 tag (footer {@code APETAGEX}). */
    static long audioLimit(ByteSource source, long audioStart) throws IOException, MediaException {
        long limit = source.size();
        if (limit - audioStart >= 128) {
            byte[] tag = source.readBytes(limit - 128, 3);
            if (tag[0] == 'T' && tag[1] == 'A' && tag[2] == 'G') {
                limit -= 128;
            }
        }
        if (limit - audioStart >= 32) {
            ByteBuffer footer = ByteBuffer.wrap(source.readBytes(limit - 32, 32)).order(ByteOrder.LITTLE_ENDIAN);
            if ("APETAGEX".equals(new String(footer.array(), 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1))) {
                long size = Integer.toUnsignedLong(footer.getInt(12));
                boolean hasHeader = (footer.getInt(20) & 0x8000_0000) != 0;
                long tagBytes = size + (hasHeader ? 32 : 0);
                if (size >= 32 && tagBytes <= limit - audioStart) {
                    limit -= tagBytes;
                }
            }
        }
        return limit;
    }
}
