package org.cyprus.media.ogg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.CoverArt;
import org.cyprus.media.MediaException;
import org.cyprus.media.flac.FlacPicture;
import org.cyprus.media.flac.VorbisComment;
import org.cyprus.media.flac.VorbisCommentCover;
import org.cyprus.media.io.ArrayByteSource;
import org.cyprus.media.io.ByteReader;

/**
 * The comment header of an Ogg stream: for Vorbis the packet {@code 0x03 "vorbis"} (Vorbis I §5.2.1), for Opus
 * {@code "OpusTags"} (RFC 7845 §5.2), each followed by a Vorbis comment; for FLAC the VORBIS_COMMENT metadata
 * block, plus any PICTURE blocks, among the header packets (RFC 9639 §10.1).
 *
 * @param comment           the stream's comment, empty when it has none or it is unreadable
 * @param pictureBlockCover a cover from an Ogg FLAC PICTURE block
 */
record OggComments(VorbisComment comment, Optional<CoverArt> pictureBlockCover) {
    private static final byte[] VORBIS = {3, 'v', 'o', 'r', 'b', 'i', 's'};
    private static final byte[] OPUS = {'O', 'p', 'u', 's', 'T', 'a', 'g', 's'};
    private static final int FLAC_VORBIS_COMMENT = 4;
    private static final int FLAC_PICTURE = 6;

    static OggComments parse(OggHeaders headers, List<String> warnings) throws IOException, MediaException {
        VorbisComment empty = new VorbisComment("", List.of());
        List<OggPacketAssembler.Packet> packets = headers.headers();
        for (OggPacketAssembler.Packet packet : packets.subList(1, packets.size())) {
            if (packet.clipped()) {
                warnings.add("a header packet larger than " + OggHeaders.MAX_HEADER_PACKET_BYTES + " bytes was cut short");
            }
        }
        return switch (headers.codec()) {
            case VorbisIdentification v ->
                    new OggComments(comment(packets.get(1).bytes(), VORBIS, warnings).orElse(empty), Optional.empty());
            case OpusHead o ->
                    new OggComments(comment(packets.get(1).bytes(), OPUS, warnings).orElse(empty), Optional.empty());
            case OggFlacHeader f -> flacBlocks(packets.subList(1, packets.size()), warnings);
        };
    }

    private static Optional<VorbisComment> comment(byte[] packet, byte[] signature, List<String> warnings)
            throws IOException, MediaException {
        if (packet.length < signature.length || !Arrays.equals(packet, 0, signature.length, signature, 0, signature.length)) {
            warnings.add("the second header packet is not a comment header");
            return Optional.empty();
        }
        ByteReader r = new ByteReader(new ArrayByteSource(packet), signature.length, packet.length);
        return Optional.of(VorbisComment.parseVorbisComment(r, warnings));
    }

    private static OggComments flacBlocks(List<OggPacketAssembler.Packet> packets, List<String> warnings)
            throws IOException, MediaException {
        VorbisComment comment = null;
        List<FlacPicture> pictures = new ArrayList<>();
        List<byte[]> pictureBlocks = new ArrayList<>();
        for (OggPacketAssembler.Packet packet : packets) {
            byte[] block = packet.bytes();
            if (block.length < 4) {
                warnings.add("an Ogg FLAC header packet of " + block.length + " bytes is not a metadata block");
                continue;
            }
            int type = block[0] & 0x7F;
            ByteReader body = new ByteReader(new ArrayByteSource(block), 4, block.length);
            if (type == FLAC_VORBIS_COMMENT && comment == null) {
                comment = VorbisComment.parseVorbisComment(body, warnings);
            } else if (type == FLAC_PICTURE) {
                try {
                    pictures.add(FlacPicture.parsePicture(body));
                    pictureBlocks.add(block);
                } catch (MediaException e) {
                    warnings.add("Ogg FLAC PICTURE block: " + e.getMessage());
                }
            }
        }
        Optional<CoverArt> cover = FlacPicture.best(pictures).map(p -> {
            byte[] block = pictureBlocks.get(pictures.indexOf(p));
            byte[] data = Arrays.copyOfRange(block, (int) p.dataOffset(), (int) p.dataOffset() + p.dataLength());
            return VorbisCommentCover.inline(data, p.mimeType());
        });
        return new OggComments(comment == null ? new VorbisComment("", List.of()) : comment, cover);
    }
}
