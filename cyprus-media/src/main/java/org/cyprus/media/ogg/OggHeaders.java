package org.cyprus.media.ogg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * The start of an Ogg file: its logical streams, as announced by their beginning-of-stream pages (RFC 3533 §4:
 * all BOS pages come first), and the header packets of the first audio stream, up to the page where its audio
 * begins.
 *
 * @param streams      every stream announced at the start: serial number to what its first packet says it is
 * @param serial       the stream described
 * @param codec        its identification header
 * @param headers      its header packets, the identification header first
 * @param pages        the pages read, for dumps
 * @param audioStart   offset of the first page after the headers
 * @param warnings     problems met on the way
 */
record OggHeaders(Map<Integer, String> streams, int serial, OggCodecHeader codec,
        List<OggPacketAssembler.Packet> headers, List<OggPage> pages, long audioStart, List<String> warnings) {

    /** A header packet larger than this (a comment with a huge embedded picture) is clipped. */
    static final int MAX_HEADER_PACKET_BYTES = 24 * 1024 * 1024;
    private static final int MAX_FLAC_HEADER_PACKETS = 1024;
    private static final int MAX_DUMPED_PAGES = 64;
    /** Pages read before the headers must be complete; a real file needs a few, a huge comment a few hundred. */
    private static final int MAX_HEADER_PAGES = 100_000;

    static OggHeaders read(ByteSource source) throws IOException, MediaException {
        requireCapturePattern(source);
        List<String> warnings = new ArrayList<>();
        List<OggPage> pages = new ArrayList<>();
        Map<Integer, String> streams = new LinkedHashMap<>();
        OggPacketAssembler assembler = new OggPacketAssembler(MAX_HEADER_PACKET_BYTES);
        List<OggPacketAssembler.Packet> headers = new ArrayList<>();
        OggCodecHeader codec = null;
        int serial = 0;
        long offset = 0;
        int badCrcPages = 0;
        int duplicateBos = 0;
        long skippedBytes = 0;
        for (int pageCount = 0; codec == null || !headersComplete(codec, headers); pageCount++) {
            if (pageCount == MAX_HEADER_PAGES) {
                throw new MediaException(MediaError.CORRUPT, "no complete Ogg headers within " + MAX_HEADER_PAGES + " pages");
            }
            if (offset >= source.size()) {
                throw codec == null ? noAudio(streams) : new MediaException(MediaError.TRUNCATED,
                        "the file ends inside the " + codec.codecDetail() + " headers");
            }
            OggPage page = pages.isEmpty() ? OggPage.readPage(source, 0) : OggSync.pageAtOrAfter(source, offset);
            skippedBytes += page.offset() - offset;
            badCrcPages += page.crcValid() ? 0 : 1;
            if (pages.size() < MAX_DUMPED_PAGES) {
                pages.add(page);
            }
            offset = page.endOffset();
            if (page.bos()) {
                byte[] first = firstPacket(page);
                String kind = identify(first);
                if (streams.putIfAbsent(page.serial(), kind) != null) {
                    duplicateBos++;
                } else if (codec == null && isAudio(kind)) {
                    codec = parseIdentification(kind, first);
                    serial = page.serial();
                    headers.add(new OggPacketAssembler.Packet(first, false, page.offset()));
                }
            } else if (codec == null) {
                throw noAudio(streams);
            } else if (page.serial() == serial) {
                List<OggPacketAssembler.Packet> packets = assembler.add(page);
                for (int i = 0; i < packets.size(); i++) {
                    if (headersComplete(codec, headers)) {
                        warnings.add("audio begins on the page that ends the headers, at offset " + page.offset());
                        offset = page.offset();
                        break;
                    }
                    headers.add(packets.get(i));
                }
                if (headersComplete(codec, headers) && assembler.pending() && offset != page.offset()) {
                    warnings.add("audio begins on the page that ends the headers, at offset " + page.offset());
                    offset = page.offset();
                }
            }
        }
        if (badCrcPages > 0) {
            warnings.add(badCrcPages + " Ogg header pages fail their CRC; their contents were used anyway");
        }
        if (skippedBytes > 0) {
            warnings.add("skipped " + skippedBytes + " damaged bytes between Ogg header pages");
        }
        if (duplicateBos > 0) {
            warnings.add(duplicateBos + " beginning-of-stream pages repeat a stream's serial number");
        }
        assembler.warnAboutGaps(warnings);
        if (streams.size() > 1) {
            warnings.add("multiplexed Ogg file with " + streams.size() + " streams " + streams.values()
                    + ": only the first audio stream is described");
        }
        return new OggHeaders(streams, serial, codec, headers, pages, offset, warnings);
    }

    private static void requireCapturePattern(ByteSource source) throws IOException, MediaException {
        byte[] head = source.readBytes(0, (int) Math.min(4, source.size()));
        if (!OggPage.isCapturePattern(head, 0)) {
            throw new MediaException(MediaError.UNRECOGNIZED, "no Ogg capture pattern at offset 0");
        }
    }

    private static MediaException noAudio(Map<Integer, String> streams) {
        if (streams.isEmpty()) {
            return new MediaException(MediaError.CORRUPT, "the first Ogg page does not begin a stream");
        }
        return new MediaException(streams.containsValue("Speex") ? MediaError.UNSUPPORTED : MediaError.NO_AUDIO,
                "no Vorbis, Opus or FLAC stream among the Ogg streams " + streams.values());
    }

    /** What a stream is, from the start of its first packet. */
    static String identify(byte[] packet) {
        if (startsWith(packet, VorbisIdentification.SIGNATURE)) {
            return "Vorbis";
        } else if (startsWith(packet, OpusHead.SIGNATURE)) {
            return "Opus";
        } else if (startsWith(packet, OggFlacHeader.SIGNATURE)) {
            return "FLAC";
        } else if (startsWith(packet, "Speex   ".getBytes())) {
            return "Speex";
        } else if (startsWith(packet, new byte[] {(byte) 0x80, 't', 'h', 'e', 'o', 'r', 'a'})) {
            return "Theora";
        } else if (startsWith(packet, "fishead\0".getBytes())) {
            return "Skeleton";
        }
        return "unknown";
    }

    private static boolean isAudio(String kind) {
        return kind.equals("Vorbis") || kind.equals("Opus") || kind.equals("FLAC");
    }

    private static OggCodecHeader parseIdentification(String kind, byte[] packet) throws MediaException {
        return switch (kind) {
            case "Vorbis" -> VorbisIdentification.parseVorbisIdentification(packet);
            case "Opus" -> OpusHead.parseOpusHead(packet);
            default -> OggFlacHeader.parseOggFlacHeader(packet);
        };
    }

    /**
     * Whether all header packets are in: a fixed count for Vorbis (§4.2) and Opus (RFC 7845 §3); for Ogg FLAC the
     * count the mapping header gives, else up to the metadata block flagged last (RFC 9639 §10.1).
     */
    private static boolean headersComplete(OggCodecHeader codec, List<OggPacketAssembler.Packet> headers)
            throws MediaException {
        if (codec.headerPackets() > 0) {
            return headers.size() >= codec.headerPackets();
        }
        if (headers.size() > MAX_FLAC_HEADER_PACKETS) {
            throw new MediaException(MediaError.CORRUPT, "more than " + MAX_FLAC_HEADER_PACKETS + " Ogg FLAC header packets");
        }
        byte[] last = headers.getLast().bytes();
        return headers.size() > 1 && (last.length == 0 || (last[0] & 0x80) != 0);
    }

    /** The packet a BOS page holds (RFC 3533 §4: the first packet of a stream is alone on its first page). */
    private static byte[] firstPacket(OggPage page) {
        int length = 0;
        for (byte value : page.lacing()) {
            length += value & 0xFF;
            if ((value & 0xFF) < 255) {
                break;
            }
        }
        return Arrays.copyOf(page.body(), Math.min(length, page.body().length));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
