package org.cyprus.media.mp3;

/** The {@code mode} field of a frame header (ISO/IEC 11172-3 §2.4.2.3). */
public enum ChannelMode {
    STEREO,
    JOINT_STEREO,
    DUAL_CHANNEL,
    MONO;

    static ChannelMode fromBits(int bits) {
        return values()[bits & 3];
    }

    public int channels() {
        return this == MONO ? 1 : 2;
    }
}
