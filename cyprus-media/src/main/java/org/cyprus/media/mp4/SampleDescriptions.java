package org.cyprus.media.mp4;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteReader;

/** Parses sample descriptions: {@code stsd}, audio sample entries, {@code esds} and the ALAC configuration. */
final class SampleDescriptions {
    private static final int MAX_ENTRIES = 16;
    private static final int ES_DESCRIPTOR_TAG = 0x03;
    private static final int DECODER_CONFIG_TAG = 0x04;
    private static final int DECODER_SPECIFIC_INFO_TAG = 0x05;
    /** SampleEntry (8 bytes) plus the version 0 audio fields (20 bytes). */
    private static final int AUDIO_ENTRY_V0_BYTES = 28;
    private static final int QUICKTIME_V1_EXTRA_BYTES = 16;
    private static final int QUICKTIME_V2_EXTRA_BYTES = 36;

    private SampleDescriptions() {
    }

    /**
     * ISO/IEC 14496-12 §8.5.2: a full box with an entry count and the entries as boxes. Audio tracks' entries are
     * read as audio sample entries whatever their code; other tracks' entries only by code.
     */
    static List<SampleEntry> parseStsd(BoxWalker walker, Box box, boolean audio) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(walker.source(), box);
        FullBoxHeader full = FullBoxHeader.read(r);
        long declared = r.u32();
        List<Box> children = walker.children(box, 8);
        int count = (int) Math.min(Math.min(declared, children.size()), MAX_ENTRIES);
        if (declared != children.size()) {
            walker.warnings().add("stsd at offset " + box.offset() + " declares " + declared + " entries but holds "
                    + children.size());
        }
        List<SampleEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Box entry = children.get(i);
            if (!audio) {
                entries.add(new SampleEntry.Other(entry.type()));
                continue;
            }
            try {
                entries.add(parseAudioSampleEntry(walker, entry, full.version()));
            } catch (MediaException e) {
                if (i == 0) {
                    throw e; // the entry the samples are decoded with
                }
                walker.warnings().add("sample entry " + (i + 1) + " of the stsd at offset " + box.offset()
                        + " skipped: " + e.getMessage());
            }
        }
        return entries;
    }

    /**
     * An audio sample entry. ISO/IEC 14496-12 §12.2.3 reserves the first word after the SampleEntry fields; the
     * QuickTime File Format uses it as the sound description version, and versions 1 and 2 add 16 and 36 bytes
     * before the child boxes. As ISO/IEC 14496-12 (2015) defines its own version 1 entry only inside a version 1
     * {@code stsd}, the QuickTime layouts are read when the {@code stsd} is version 0.
     */
    static SampleEntry.Audio parseAudioSampleEntry(BoxWalker walker, Box entry, int stsdVersion)
            throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(walker.source(), entry);
        r.skip(8);
        int version = r.u16();
        r.skip(6);
        int channelCount = r.u16();
        int sampleSizeBits = r.u16();
        r.skip(4);
        long sampleRateHz = r.u32() >>> 16;
        int soundVersion = 0;
        long childrenAt = AUDIO_ENTRY_V0_BYTES;
        if (stsdVersion == 0 && version == 1) {
            soundVersion = 1;
            childrenAt += QUICKTIME_V1_EXTRA_BYTES;
        } else if (stsdVersion == 0 && version == 2) {
            soundVersion = 2;
            r.skip(4); // sizeOfStructOnly
            double rate = Double.longBitsToDouble(r.s64());
            long channels = r.u32();
            if (!(rate >= 1 && rate < Integer.MAX_VALUE) || channels > 0xFFFF) {
                throw new MediaException(MediaError.CORRUPT, "sound description v2 at offset " + entry.offset()
                        + " declares " + rate + " Hz and " + channels + " channels");
            }
            sampleRateHz = (long) rate;
            channelCount = (int) channels;
            childrenAt += QUICKTIME_V2_EXTRA_BYTES;
        }
        List<Box> children = walker.children(entry, childrenAt);
        Optional<Box> wave = BoxWalker.first(children, BoxType.WAVE);
        List<Box> waveChildren = wave.isPresent() ? walker.children(wave.get()) : List.of();
        Optional<Box> esds = BoxWalker.first(children, BoxType.ESDS).or(() -> BoxWalker.first(waveChildren, BoxType.ESDS));
        Optional<Box> alac = entry.type() == BoxType.ALAC
                ? BoxWalker.first(children, BoxType.ALAC).or(() -> BoxWalker.first(waveChildren, BoxType.ALAC))
                : Optional.empty();
        Optional<EsDescriptor> descriptor = Optional.empty();
        if (esds.isPresent()) {
            try {
                descriptor = Optional.of(parseEsds(walker, esds.get()));
            } catch (MediaException e) {
                // The samples and their times are still known; the codec details are not.
                walker.warnings().add("esds at offset " + esds.get().offset() + " unreadable: " + e.getMessage());
            }
        }
        Optional<AlacConfig> alacConfig = alac.isPresent() ? Optional.of(parseAlac(walker, alac.get())) : Optional.empty();
        return new SampleEntry.Audio(entry.type(), soundVersion, channelCount, sampleSizeBits, sampleRateHz,
                descriptor, alacConfig);
    }

    /**
     * ISO/IEC 14496-14 §5.6: a full box holding an ES_Descriptor (ISO/IEC 14496-1 §7.2.6.5), which holds a
     * DecoderConfigDescriptor (§7.2.6.6), which holds the DecoderSpecificInfo (§7.2.6.7). Some writers omit the
     * ES_Descriptor and start with the DecoderConfigDescriptor; both are accepted.
     */
    static EsDescriptor parseEsds(BoxWalker walker, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(walker.source(), box);
        FullBoxHeader.read(r);
        int tag = r.u8();
        long end = descriptorEnd(r);
        if (tag == ES_DESCRIPTOR_TAG) {
            r.skip(2); // ES_ID
            int flags = r.u8();
            if ((flags & 0x80) != 0) {
                r.skip(2); // dependsOn_ES_ID
            }
            if ((flags & 0x40) != 0) {
                r.skip(r.u8()); // URL
            }
            if ((flags & 0x20) != 0) {
                r.skip(2); // OCR_ES_Id
            }
            end = findDescriptor(r, end, DECODER_CONFIG_TAG, box);
        } else if (tag != DECODER_CONFIG_TAG) {
            throw new MediaException(MediaError.CORRUPT, "esds at offset " + box.offset() + " starts with descriptor tag " + tag);
        }
        int objectType = r.u8();
        r.skip(1 + 3); // streamType, upStream, reserved; bufferSizeDB
        long maxBitrate = r.u32();
        long avgBitrate = r.u32();
        byte[] specificInfo = new byte[0];
        if (r.position() < end) {
            long infoEnd = findDescriptorOrEnd(r, end, DECODER_SPECIFIC_INFO_TAG);
            if (infoEnd >= 0) {
                specificInfo = r.bytes((int) (infoEnd - r.position()));
            }
        }
        return new EsDescriptor(objectType, maxBitrate, avgBitrate, specificInfo);
    }

    /** ISO/IEC 14496-1 §8.3.3: a size of up to four bytes, seven bits each, the top bit meaning "more follows". */
    private static long descriptorEnd(ByteReader r) throws IOException, MediaException {
        long size = 0;
        for (int i = 0; i < 4; i++) {
            int b = r.u8();
            size = size << 7 | (b & 0x7F);
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return Math.min(r.position() + size, r.end());
    }

    private static long findDescriptor(ByteReader r, long end, int wanted, Box box) throws IOException, MediaException {
        long found = findDescriptorOrEnd(r, end, wanted);
        if (found < 0) {
            throw new MediaException(MediaError.CORRUPT, "esds at offset " + box.offset() + " has no descriptor " + wanted);
        }
        return found;
    }

    /** Skips sibling descriptors up to {@code wanted}; returns its end with the reader at its payload, or -1. */
    private static long findDescriptorOrEnd(ByteReader r, long end, int wanted) throws IOException, MediaException {
        while (r.position() + 2 <= end) {
            int tag = r.u8();
            long descriptorEnd = Math.min(descriptorEnd(r), end);
            if (tag == wanted) {
                return descriptorEnd;
            }
            r.seek(Math.max(descriptorEnd, r.position()));
        }
        return -1;
    }

    /** The ALACSpecificConfig (Apple's ALAC "magic cookie"), 24 bytes after a full-box header. */
    static AlacConfig parseAlac(BoxWalker walker, Box box) throws IOException, MediaException {
        ByteReader r = HeaderBoxes.content(walker.source(), box);
        FullBoxHeader.read(r);
        long frameLength = r.u32();
        r.skip(1); // compatibleVersion
        int bitDepth = r.u8();
        r.skip(3); // pb, mb, kb
        int channels = r.u8();
        r.skip(2 + 4); // maxRun, maxFrameBytes
        long avgBitrate = r.u32();
        long sampleRate = r.u32();
        return new AlacConfig(frameLength, bitDepth, channels, avgBitrate, sampleRate);
    }
}
