package org.cyprus.media.flac;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;
import org.cyprus.media.io.ByteSource;

/**
 * The metadata blocks of a native FLAC stream, from the {@code fLaC} marker to the first frame (RFC 9639 §8).
 *
 * @param blocks     every block header seen, in file order
 * @param streamInfo the STREAMINFO block
 * @param seekTable  the SEEKTABLE's usable points; empty when there is none
 * @param comment    the VORBIS_COMMENT block, if any
 * @param pictures   the PICTURE blocks, data offsets absolute in the file
 * @param audioStart offset just past the last metadata block: where the first frame should be
 * @param warnings   problems met on the way
 */
record FlacMetadata(List<Block> blocks, StreamInfo streamInfo, List<SeekTablePoint> seekTable,
        Optional<VorbisComment> comment, List<FlacPicture> pictures, long audioStart, List<String> warnings) {

    /** A metadata block header (§8.1): the last-block flag, the type and the body's position and length. */
    record Block(long offset, int type, int lengthBytes, boolean last) {
        String typeName() {
            return type < TYPE_NAMES.size() ? TYPE_NAMES.get(type) : "RESERVED(" + type + ")";
        }
    }

    static final int STREAMINFO = 0;
    static final int SEEKTABLE = 3;
    static final int VORBIS_COMMENT = 4;
    static final int PICTURE = 6;
    /** §8.1: type 127 is forbidden, so that a block header cannot mimic a frame sync code. */
    static final int FORBIDDEN = 127;
    private static final List<String> TYPE_NAMES =
            List.of("STREAMINFO", "PADDING", "APPLICATION", "SEEKTABLE", "VORBIS_COMMENT", "CUESHEET", "PICTURE");
    private static final int MAX_BLOCKS = 4096;

    /** Reads the marker at {@code start} and the blocks after it. */
    static FlacMetadata read(ByteSource source, long start) throws IOException, MediaException {
        ByteReader r = new ByteReader(source, start, source.size());
        if (r.remaining() < 4 || !"fLaC".equals(r.fourCc())) {
            throw new MediaException(MediaError.UNRECOGNIZED, "no fLaC marker at offset " + start);
        }
        List<Block> blocks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        StreamInfo info = null;
        List<SeekTablePoint> seekTable = List.of();
        VorbisComment comment = null;
        List<FlacPicture> pictures = new ArrayList<>();
        boolean last = false;
        while (!last) {
            if (blocks.size() == MAX_BLOCKS) {
                throw new MediaException(MediaError.CORRUPT, "more than " + MAX_BLOCKS + " metadata blocks");
            }
            if (r.remaining() < 4) {
                throw new MediaException(MediaError.TRUNCATED,
                        "the file ends inside the FLAC metadata at offset " + r.position());
            }
            long offset = r.position();
            int head = r.u8();
            Block block = new Block(offset, head & 0x7F, r.u24(), (head & 0x80) != 0);
            last = block.last();
            if (block.type() == FORBIDDEN) {
                throw new MediaException(MediaError.CORRUPT, "metadata block of the forbidden type 127 at offset " + offset);
            }
            if (blocks.isEmpty() && block.type() != STREAMINFO) {
                throw new MediaException(MediaError.CORRUPT, "the first metadata block is " + block.typeName()
                        + ", not STREAMINFO (RFC 9639 §8)");
            }
            long bodyEnd = r.position() + block.lengthBytes();
            if (bodyEnd > r.end()) {
                throw new MediaException(MediaError.TRUNCATED, block.typeName() + " block at offset " + offset + " claims "
                        + block.lengthBytes() + " bytes but the file ends after " + r.remaining());
            }
            blocks.add(block);
            ByteReader body = new ByteReader(source, r.position(), bodyEnd);
            switch (block.type()) {
                case STREAMINFO -> {
                    if (info != null) {
                        warnings.add("a second STREAMINFO block at offset " + offset + " was ignored");
                    } else if (block.lengthBytes() < StreamInfo.LENGTH_BYTES) {
                        throw new MediaException(MediaError.CORRUPT, "STREAMINFO is " + block.lengthBytes() + " bytes, not 34");
                    } else {
                        info = StreamInfo.parseStreamInfo(body);
                    }
                }
                case SEEKTABLE -> seekTable = SeekTablePoint.parseSeekTable(body, block.lengthBytes(), warnings);
                case VORBIS_COMMENT -> {
                    if (comment == null) {
                        comment = VorbisComment.parseVorbisComment(body, warnings);
                    } else {
                        warnings.add("a second VORBIS_COMMENT block at offset " + offset + " was ignored");
                    }
                }
                case PICTURE -> {
                    try {
                        pictures.add(FlacPicture.parsePicture(body));
                    } catch (MediaException e) {
                        warnings.add("PICTURE block at offset " + offset + ": " + e.getMessage());
                    }
                }
                default -> {
                    // PADDING, APPLICATION, CUESHEET and reserved types are skipped whole
                }
            }
            r.seek(bodyEnd);
        }
        return new FlacMetadata(blocks, info, seekTable, Optional.ofNullable(comment), pictures, r.position(), warnings);
    }
}
