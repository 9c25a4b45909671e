package org.cyprus.media.mp4;

/**
 * A handler reference ({@code hdlr}, ISO/IEC 14496-12 §8.4.3): what kind of media a track holds.
 *
 * @param handlerType {@code soun} for audio, {@code text} or {@code sbtl} for chapter text, see {@link BoxType}
 * @param name        the human-readable name, for dumps only
 */
record Handler(int handlerType, String name) {

    boolean audio() {
        return handlerType == BoxType.SOUN;
    }

    boolean text() {
        return handlerType == BoxType.TEXT || handlerType == BoxType.SBTL;
    }
}
