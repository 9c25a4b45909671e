package org.cyprus.media.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.adts.AdtsProber;
import org.cyprus.media.flac.FlacProber;
import org.cyprus.media.id3.Id3Reader;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.mp3.Mp3Prober;
import org.cyprus.media.mp4.Mp4Prober;
import org.cyprus.media.ogg.OggProber;
import org.cyprus.media.wav.WavProber;
import org.cyprus.media.wavpack.WavPackProber;

/**
 * Identifies a file by its content, never its name: container signatures first (MP4 boxes, {@code OggS},
 * {@code RIFF/WAVE}, ASF, EBML), then — after any leading ID3v2 tags, which MP3, raw AAC, FLAC and WavPack files may
 * carry — {@code fLaC}, {@code wvpk}, and MPEG audio or ADTS frame runs confirmed over several frames, so that a
 * text file renamed {@code .mp3} is recognised as what it is.
 */
final class Sniffer {
    /** How far into the audio the first MPEG frame run is searched for (junk happens; whole files of junk do not). */
    static final int MPEG_SEARCH_BYTES = 2 << 20;
    private static final byte[] ASF_HEADER = {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11};
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    private static final FormatProber MP4 = new Mp4Format();
    private static final FormatProber FLAC = new WholeFileFormat(ContainerFormat.FLAC, FlacProber::probe);
    private static final FormatProber OGG = new WholeFileFormat(ContainerFormat.OGG, (source, start) -> OggProber.probe(source));
    private static final FormatProber WAV = new WholeFileFormat(ContainerFormat.WAV, (source, start) -> WavProber.probe(source));
    private static final FormatProber ADTS = new TaggedStreamFormat(ContainerFormat.AAC_ADTS, AdtsProber::probe);
    private static final FormatProber WAVPACK = new TaggedStreamFormat(ContainerFormat.WAVPACK, WavPackProber::probe);
    private static final FormatProber WMA = new UnreadableFormat(ContainerFormat.WMA, "Windows Media Audio (ASF)");
    private static final FormatProber MATROSKA = new UnreadableFormat(ContainerFormat.MATROSKA, "Matroska/WebM audio");

    private Sniffer() {
    }

    static Sniffed sniff(ByteSource source) throws IOException, MediaException {
        if (source.size() == 0) {
            throw new MediaException(MediaError.EMPTY, "the file is empty");
        }
        byte[] head = head(source, 0);
        if (Mp4Prober.looksLikeMp4(source)) {
            return new Sniffed(ContainerFormat.MP4, 0, MP4);
        }
        if (OggProber.looksLikeOgg(source, 0)) {
            return new Sniffed(ContainerFormat.OGG, 0, OGG);
        }
        if (WavProber.looksLikeWav(source, 0)) {
            return new Sniffed(ContainerFormat.WAV, 0, WAV);
        }
        if (startsWith(head, ASF_HEADER)) {
            return new Sniffed(ContainerFormat.WMA, 0, WMA);
        }
        if (startsWith(head, EBML)) {
            return new Sniffed(ContainerFormat.MATROSKA, 0, MATROSKA);
        }
        long start = Id3Reader.skipLeadingTags(source);
        byte[] content = start == 0 ? head : head(source, start);
        // The usual case: an MPEG audio frame header right where the tags end. The prober confirms it over several
        // frames (and refuses the file if it cannot), so there is no need to search further here.
        if (looksLikeMpegAudioHeader(content)) {
            return new Sniffed(ContainerFormat.MP3, start, Mp3Format.INSTANCE);
        }
        if (FlacProber.looksLikeFlac(source, start)) {
            return new Sniffed(ContainerFormat.FLAC, start, FLAC);
        }
        if (WavPackProber.looksLikeWavPack(source, start)) {
            return new Sniffed(ContainerFormat.WAVPACK, start, WAVPACK);
        }
        if (AdtsProber.looksLikeAdts(source, start)) {
            return new Sniffed(ContainerFormat.AAC_ADTS, start, ADTS);
        }
        if (Mp3Prober.looksLikeMpegAudio(source, start, source.size(), MPEG_SEARCH_BYTES)) {
            return new Sniffed(ContainerFormat.MP3, start, Mp3Format.INSTANCE);
        }
        throw new MediaException(MediaError.UNRECOGNIZED, "the content is not an audio format Cyprus knows"
                + (looksLikeText(head) ? " (it looks like text)" : ""));
    }

    private static byte[] head(ByteSource source, long at) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        while (buffer.hasRemaining() && source.read(at + buffer.position(), buffer) > 0) {
            // keep reading: sources may return short reads
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    /**
     * A plausible MPEG audio frame header (ISO/IEC 11172-3 §2.4.2.3): 11 sync bits, a version other than reserved, a
     * layer other than reserved (which also rules out ADTS, whose layer bits are 00), and valid bitrate and
     * sampling-frequency indexes.
     */
    static boolean looksLikeMpegAudioHeader(byte[] bytes) {
        if (bytes.length < 4) {
            return false;
        }
        int b1 = bytes[1] & 0xFF;
        int b2 = bytes[2] & 0xFF;
        return (bytes[0] & 0xFF) == 0xFF && (b1 & 0xE0) == 0xE0 && ((b1 >> 3) & 3) != 1 && ((b1 >> 1) & 3) != 0
                && (b2 >> 4) != 15 && ((b2 >> 2) & 3) != 3;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
