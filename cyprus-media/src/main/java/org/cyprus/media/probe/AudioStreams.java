package org.cyprus.media.probe;

import java.io.IOException;
import org.cyprus.media.Codec;
import org.cyprus.media.ContainerFormat;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.adts.AdtsProber;
import org.cyprus.media.adts.AdtsTrack;
import org.cyprus.media.id3.Id3Reader;
import org.cyprus.media.id3.Id3Result;
import org.cyprus.media.io.ByteSource;
import org.cyprus.media.mp3.FrameHeader;
import org.cyprus.media.mp3.MpegLayer;
import org.cyprus.media.mp3.Mp3Track;
import org.cyprus.media.mp4.AudioSpecificConfig;
import org.cyprus.media.mp4.Mp4AudioTrack;
import org.cyprus.media.mp4.Mp4Prober;
import org.cyprus.media.mux.AudioStream;
import org.cyprus.media.mux.PackedFrameTable;
import org.cyprus.media.mux.TrackFormat;

/**
 * Builds the {@link AudioStream} of a file whose audio can be repackaged without decoding: MP3 and MP2 files, MP4
 * files whose audio track is AAC (or MPEG audio), and ADTS AAC. Everything else is refused with {@code UNSUPPORTED}.
 */
final class AudioStreams {
    private AudioStreams() {
    }

    static AudioStream of(ByteSource source) throws IOException, MediaException {
        Sniffed sniffed = Sniffer.sniff(source);
        return switch (sniffed.format()) {
            case MP3 -> mp3(source);
            case MP4 -> mp4(source);
            case AAC_ADTS -> adts(source);
            default -> throw new MediaException(MediaError.UNSUPPORTED, sniffed.format().id()
                    + " files cannot be repackaged into segments (only MP3, MP2 and AAC can); serve the file whole "
                    + "or transcode it");
        };
    }

    private static AudioStream mp3(ByteSource source) throws IOException, MediaException {
        Id3Result tags = Id3Reader.read(source);
        Mp3Track track = Mp3Track.scan(source, tags.audioStart(), tags.audioEnd());
        if (track.parameterChange().isPresent()) {
            throw new MediaException(MediaError.UNSUPPORTED, "the MPEG audio stream changes its parameters midway ("
                    + track.parameterChange().get() + "), so it cannot be repackaged as one stream; re-encode it");
        }
        FrameHeader header = track.firstHeader();
        TrackFormat format = mpegFormat(header, track.index().timescale());
        return new AudioStream(format, PackedFrameTable.of(track.index()));
    }

    private static AudioStream mp4(ByteSource source) throws IOException, MediaException {
        Mp4AudioTrack track = Mp4Prober.audioTrack(source);
        TrackFormat format = switch (track.codec()) {
            case AAC -> {
                AudioSpecificConfig asc = track.audioSpecificConfig();
                if (asc == null) {
                    throw new MediaException(MediaError.UNSUPPORTED, "the AAC track has no readable "
                            + "AudioSpecificConfig, so it cannot be repackaged");
                }
                yield format(Codec.AAC, track.sampleRateHz(), track.channels(), track.timescale(), asc.raw());
            }
            case MP3, MP2, MP1 -> {
                if (track.sampleTable().frameCount() == 0 || track.sampleTable().frameSize(0) < 4) {
                    throw new MediaException(MediaError.NO_AUDIO, "the MPEG audio track holds no frames");
                }
                byte[] first = source.readBytes(track.sampleTable().frameOffset(0), 4);
                FrameHeader header = FrameHeader.decode(first, 0).orElseThrow(() -> new MediaException(
                        MediaError.CORRUPT, "the first sample of the MPEG audio track is not an MPEG audio frame"));
                yield mpegFormat(header, track.timescale());
            }
            default -> throw new MediaException(MediaError.UNSUPPORTED, track.codecDetail() + " audio in "
                    + ContainerFormat.MP4.id() + " cannot be repackaged into segments (only MP3, MP2 and AAC can); "
                    + "serve the file whole or transcode it");
        };
        return new AudioStream(format, PackedFrameTable.of(track.sampleTable()));
    }

    private static AudioStream adts(ByteSource source) throws IOException, MediaException {
        Id3Result tags = Id3Reader.read(source);
        AdtsTrack track = AdtsProber.track(source, tags.audioStart(), tags.audioEnd());
        TrackFormat format = format(Codec.AAC, track.sampleRateHz(), track.channels(), track.frames().timescale(),
                track.audioSpecificConfig());
        return new AudioStream(format, PackedFrameTable.withoutHeaders(track.frames(), track.headerBytes()));
    }

    private static TrackFormat mpegFormat(FrameHeader header, long timescale) throws MediaException {
        if (header.layer() == MpegLayer.LAYER_1) {
            throw new MediaException(MediaError.UNSUPPORTED, header.codecDetail() + " audio cannot be repackaged "
                    + "into segments (only Layers II and III can); transcode it");
        }
        return format(header.codec(), header.sampleRateHz(), header.channels(), timescale, new byte[0]);
    }

    private static TrackFormat format(Codec codec, int sampleRateHz, int channels, long timescale, byte[] config)
            throws MediaException {
        try {
            return new TrackFormat(codec, sampleRateHz, channels, timescale, config);
        } catch (IllegalArgumentException e) {
            throw new MediaException(MediaError.UNSUPPORTED, "the stream cannot be repackaged: " + e.getMessage(), e);
        }
    }
}
