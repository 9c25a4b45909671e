package org.cyprus.library;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a credit such as {@code "Terry Pratchett & Neil Gaiman"} into people, without breaking
 * {@code "Tolkien, J. R. R."} (one person written surname first) apart.
 *
 * <p>Rules: {@code ;} always separates; {@code &}, {@code +} and the word {@code and} separate; a comma separates
 * unless the whole credit is a single {@code Surname, Given names} pair, recognised by a one-word part before the
 * comma and nothing after it that looks like another full name (a one-word surname followed by given names or
 * initials). {@code Surname, Given} is turned round to {@code Given Surname}.
 */
public final class PersonNames {
    private static final Pattern HARD_SEPARATORS = Pattern.compile("\\s*(?:;|&|\\+|\\band\\b|/)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PersonNames() {
    }

    /** The people named in {@code credit}, in order, without duplicates (case-insensitive). */
    public static List<String> split(String credit) {
        List<String> people = new ArrayList<>();
        if (credit == null) {
            return people;
        }
        for (String group : HARD_SEPARATORS.split(credit.strip())) {
            if (group.isBlank()) {
                continue;
            }
            if (isSurnameFirst(group)) {
                people.add(turnRound(group));
            } else {
                for (String part : group.split(",")) {
                    String name = SPACES.matcher(part.strip()).replaceAll(" ");
                    if (!name.isEmpty()) {
                        people.add(name);
                    }
                }
            }
        }
        return dedupe(people);
    }

    /** Every person of every credit, in order, without duplicates. */
    public static List<String> splitAll(List<String> credits) {
        List<String> people = new ArrayList<>();
        credits.forEach(c -> people.addAll(split(c)));
        return dedupe(people);
    }

    /** A name as sorted in a list of people: {@code "Pratchett, Terry"}. */
    public static String sortName(String name) {
        String clean = SPACES.matcher(name.strip()).replaceAll(" ");
        int space = clean.lastIndexOf(' ');
        if (space <= 0 || clean.contains(",")) {
            return clean;
        }
        return clean.substring(space + 1) + ", " + clean.substring(0, space);
    }

    private static boolean isSurnameFirst(String group) {
        String[] parts = group.split(",", -1);
        if (parts.length != 2) {
            return false;
        }
        String surname = parts[0].strip();
        String given = parts[1].strip();
        return !surname.isEmpty() && !given.isEmpty() && !surname.contains(" ") && looksLikeGivenNames(given);
    }

    /** Given names or initials: no word of it is long and capitalised like a surname followed by more names. */
    private static boolean looksLikeGivenNames(String given) {
        String[] words = SPACES.split(given);
        // "J. R. R." or "Stephen" or "Ursula K." — at most three words, and not "Neil Gaiman"-like pairs of full names.
        if (words.length > 3) {
            return false;
        }
        if (words.length == 1) {
            return true;
        }
        int fullWords = 0;
        for (String w : words) {
            if (w.replace(".", "").length() > 1) {
                fullWords++;
            }
        }
        return fullWords <= 1;
    }

    private static String turnRound(String group) {
        String[] parts = group.split(",", 2);
        return SPACES.matcher(parts[1].strip() + " " + parts[0].strip()).replaceAll(" ");
    }

    private static List<String> dedupe(List<String> names) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (seen.add(n.toLowerCase(java.util.Locale.ROOT))) {
                out.add(n);
            }
        }
        return out;
    }
}
