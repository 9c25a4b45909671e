package org.cyprus.media.wav;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.Tags;
import org.cyprus.media.io.ByteReader;
import org.cyprus.media.io.ByteSource;

/**
 * The chunks of a RIFF/WAVE, RF64 or BW64 file, walked from the form header to the end of the file: the format,
 * where the samples are, the fact sample count and the INFO tags.
 *
 * @param form        {@code RIFF}, {@code RF64} or {@code BW64}
 * @param chunks      every chunk seen, in file order
 * @param format      the {@code fmt } chunk
 * @param dataStart   offset of the first sample byte
 * @param dataBytes   sample bytes present in the file (less than declared when the file is truncated)
 * @param factSamples the sample count of a {@code fact} chunk (or of {@code ds64}), if any
 * @param tags        tags from {@code LIST/INFO}
 * @param warnings    problems met on the way
 */
record WavLayout(String form, List<Chunk> chunks, WaveFormat format, long dataStart, long dataBytes,
        OptionalLong factSamples, Tags tags, List<String> warnings) {

    /** A chunk header: its identifier, offset, and size (from ds64 when the 32-bit field says so). */
    record Chunk(String id, long offset, long sizeBytes) {
    }

    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;
    private static final int MAX_CHUNKS = 10_000;

    static WavLayout read(ByteSource source) throws IOException, MediaException {
        ByteReader r = new ByteReader(source);
        if (r.remaining() < 12) {
            throw new MediaException(r.remaining() == 0 ? MediaError.UNRECOGNIZED : MediaError.TRUNCATED,
                    "a RIFF header needs 12 bytes, the file has " + r.remaining());
        }
        String form = r.fourCc();
        long riffSize = le32(r);
        String type = r.fourCc();
        if (!(form.equals("RIFF") || form.equals("RF64") || form.equals("BW64")) || !type.equals("WAVE")) {
            throw new MediaException(form.equals("RIFX") ? MediaError.UNSUPPORTED : MediaError.UNRECOGNIZED,
                    "not a little-endian RIFF/WAVE file (" + form + "/" + type + ")");
        }
        List<String> warnings = new ArrayList<>();
        List<Chunk> chunks = new ArrayList<>();
        Tags.Builder tags = Tags.builder();
        Ds64 ds64 = null;
        WaveFormat format = null;
        long dataStart = -1;
        long dataBytes = 0;
        OptionalLong fact = OptionalLong.empty();
        while (r.remaining() >= 8) {
            if (chunks.size() == MAX_CHUNKS) {
                warnings.add("more than " + MAX_CHUNKS + " chunks; the rest were not read");
                break;
            }
            long offset = r.position();
            String id = r.fourCc();
            long size = le32(r);
            if (ds64 != null && size == UNKNOWN_SIZE) {
                size = ds64.sizeOf(id);
            }
            Chunk chunk = new Chunk(id, offset, size);
            chunks.add(chunk);
            long bodyStart = r.position();
            if (id.equals("ds64") && chunks.size() == 1 && !form.equals("RIFF")) {
                ds64 = Ds64.parseDs64(new ByteReader(source, bodyStart, bodyStart + Math.min(size, r.remaining())));
                fact = ds64.sampleCount() > 0 ? OptionalLong.of(ds64.sampleCount()) : OptionalLong.empty();
            }
            if (id.equals("data")) {
                if (dataStart >= 0) {
                    warnings.add("a second data chunk at offset " + offset + " was ignored");
                } else {
                    dataStart = bodyStart;
                    dataBytes = dataBytes(size, r.remaining(), form, warnings);
                }
            }
            if (size > r.remaining()) {
                if (!id.equals("data")) {
                    warnings.add("chunk '" + id + "' at offset " + offset + " claims " + size + " bytes but the file ends after "
                            + r.remaining() + (format == null || dataStart < 0 ? "" : "; the chunks after it were not read"));
                    if (format == null && id.equals("fmt ")) {
                        throw new MediaException(MediaError.TRUNCATED, "the file ends inside the fmt chunk");
                    }
                }
                break;
            }
            ByteReader body = new ByteReader(source, bodyStart, bodyStart + size);
            switch (id) {
                case "fmt " -> {
                    if (format == null) {
                        format = WaveFormat.parseFmt(body, size);
                    }
                }
                case "fact" -> {
                    if (size >= 4 && fact.isEmpty()) {
                        fact = OptionalLong.of(le32(body));
                    }
                }
                case "LIST" -> {
                    if (size >= 4 && body.fourCc().equals("INFO")) {
                        InfoList.parseInfo(body, tags, warnings);
                    }
                }
                case "id3 ", "ID3 " ->
                        warnings.add("the ID3 tag in the '" + id + "' chunk at offset " + offset + " was not read");
                default -> {
                    // other chunks are skipped whole
                }
            }
            r.seek(bodyStart + size);
            if ((size & 1) == 1 && r.remaining() > 0) {
                r.skip(1); // RIFF pads a chunk of odd size with one byte
            }
        }
        if (format == null) {
            throw new MediaException(dataStart < 0 ? MediaError.TRUNCATED : MediaError.CORRUPT, "no fmt chunk");
        }
        if (dataStart < 0) {
            throw new MediaException(MediaError.NO_AUDIO, "no data chunk");
        }
        if (form.equals("RIFF") && riffSize + 8 != source.size() && riffSize != UNKNOWN_SIZE) {
            warnings.add("the RIFF header gives a size of " + (riffSize + 8) + " bytes; the file has " + source.size());
        }
        return new WavLayout(form, chunks, format, dataStart, dataBytes, fact, tags.build(), warnings);
    }

    /**
     * The sample bytes of a data chunk declaring {@code size} with {@code present} bytes left in the file: a size
     * past the end means a truncated file, and 0xFFFFFFFF in a plain RIFF file a stream written without knowing
     * its length; either way the samples run to the end of the file.
     */
    private static long dataBytes(long size, long present, String form, List<String> warnings) {
        if (size == UNKNOWN_SIZE && form.equals("RIFF")) {
            warnings.add("the data chunk size is unknown (0xFFFFFFFF): the samples are taken to run to the end of the file");
            return present;
        }
        if (size > present) {
            warnings.add("the data chunk declares " + size + " bytes but the file holds " + present + ": truncated");
            return present;
        }
        return size;
    }

    private static long le32(ByteReader r) throws IOException, MediaException {
        return Integer.toUnsignedLong(Integer.reverseBytes(r.s32()));
    }
}
