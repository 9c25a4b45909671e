package org.cyprus.media.id3;

import java.util.ArrayList;
import java.util.List;
import org.cyprus.media.Genres;

/**
 * Genre names from {@code TCON} values. v2.3 writes references to ID3v1 genre numbers in parentheses, possibly
 * several and followed by a refinement: {@code (101)}, {@code (101)Speech}, {@code (4)(9)Eurodisco}, with
 * {@code (RX)} remix, {@code (CR)} cover, and {@code ((} for a literal parenthesis (id3v2.3.0 §4.2.1 TCON). v2.4
 * writes one genre per string: a bare number, {@code RX}, {@code CR} or a name (id3v2.4.0-frames §4.2.3).
 */
final class TconGenres {
    private TconGenres() {
    }

    /** The genre names of all values, resolved and without duplicates, in order. */
    static List<String> parseTcon(List<String> values) {
        List<String> genres = new ArrayList<>();
        for (String value : values) {
            parseValue(value.strip(), genres);
        }
        return genres;
    }

    private static void parseValue(String value, List<String> genres) {
        if (value.isEmpty()) {
            return;
        }
        if (isNumber(value) || value.equals("RX") || value.equals("CR")) {
            addReference(value, genres);
            return;
        }
        String rest = value;
        while (rest.startsWith("(") && !rest.startsWith("((")) {
            int close = rest.indexOf(')');
            if (close < 0) {
                break;
            }
            String reference = rest.substring(1, close);
            if (!isNumber(reference) && !reference.equals("RX") && !reference.equals("CR")) {
                break;
            }
            addReference(reference, genres);
            rest = rest.substring(close + 1);
        }
        if (rest.startsWith("((")) {
            rest = rest.substring(1);
        }
        add(rest.strip(), genres);
    }

    /** A genre number (unknown numbers name nothing) or RX/CR. */
    private static void addReference(String reference, List<String> genres) {
        switch (reference) {
            case "RX" -> add("Remix", genres);
            case "CR" -> add("Cover", genres);
            default -> {
                if (reference.length() <= 3) {
                    Genres.byId3Number(Integer.parseInt(reference)).ifPresent(name -> add(name, genres));
                }
            }
        }
    }

    private static void add(String genre, List<String> genres) {
        if (!genre.isEmpty() && !genres.contains(genre)) {
            genres.add(genre);
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
