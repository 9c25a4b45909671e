/**
 * Ogg files (RFC 3533) holding Vorbis, Opus or FLAC.
 *
 * <p>{@link org.cyprus.media.ogg.OggProber} reads pages from the start ({@code OggHeaders}): the
 * beginning-of-stream pages name every logical stream, the first audio stream is chosen, and its header packets
 * are reassembled (with a size cap) up to the page where its audio begins. The identification header gives the
 * stream parameters ({@code VorbisIdentification}, {@code OpusHead}, {@code OggFlacHeader}), the comment header
 * the tags, chapters and cover ({@code OggComments}). The duration comes from the granule position of the
 * stream's last page, found backwards from the end of the file in bounded chunks, or by bisection in a chained
 * file ({@code OggEnd}, {@code OggSync}); only pages with a valid CRC count there.
 */
package org.cyprus.media.ogg;
