package org.cyprus.library.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.cyprus.library.BookMetadata;
import org.cyprus.library.PersonNames;
import org.cyprus.library.SeriesRef;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Book metadata from an OPF package file (OPF 2.0 §2.2 Dublin Core metadata, plus Calibre's series meta) as written
 * by Calibre and audiobook tools. DTDs and external entities are refused: an OPF is untrusted input.
 */
public final class OpfFile {
    /** Larger OPF files are not read. */
    static final long MAX_BYTES = 1L << 20;
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    private OpfFile() {
    }

    /** Parses {@code file}; a malformed or oversized file is reported as an {@link IOException}. */
    public static BookMetadata read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(newBuilder().parse(in));
        } catch (SAXException e) {
            throw new IOException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder newBuilder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    static BookMetadata parse(Document document) {
        BookMetadata.Builder builder = BookMetadata.builder();
        builder.title(first(document, "title"));
        List<String> authors = new ArrayList<>();
        List<String> narrators = new ArrayList<>();
        for (Element creator : elements(document, "creator")) {
            String role = attribute(creator, "role").toLowerCase(Locale.ROOT);
            List<String> people = PersonNames.split(creator.getTextContent());
            if (role.equals("nrt") || role.equals("narrator")) {
                narrators.addAll(people);
            } else if (role.isEmpty() || role.equals("aut") || role.equals("author")) {
                authors.addAll(people);
            }
        }
        builder.authors(authors).narrators(narrators);
        String description = first(document, "description");
        if (description != null) {
            builder.description(TAGS.matcher(description).replaceAll(" ").replaceAll("[ \\t]+", " ").strip());
        }
        builder.publisher(first(document, "publisher"));
        builder.language(first(document, "language"));
        String date = first(document, "date");
        if (date != null) {
            Matcher year = YEAR.matcher(date);
            if (year.find()) {
                builder.year(Integer.valueOf(year.group(1)));
            }
        }
        for (Element identifier : elements(document, "identifier")) {
            String scheme = attribute(identifier, "scheme").toUpperCase(Locale.ROOT);
            String value = identifier.getTextContent().strip();
            if (scheme.equals("ISBN") || value.toUpperCase(Locale.ROOT).startsWith("ISBN")) {
                builder.isbn(value.replaceFirst("(?i)^isbn:?\\s*", ""));
            } else if (scheme.equals("ASIN") || scheme.equals("AUDIBLE_ASIN") || value.matches("B0[0-9A-Z]{8}")) {
                builder.asin(value);
            }
        }
        builder.genres(elements(document, "subject").stream().map(e -> e.getTextContent().strip()).toList());
        String series = meta(document, "calibre:series");
        if (series != null && !series.isBlank()) {
            builder.series(List.of(SeriesRef.of(series, sequence(meta(document, "calibre:series_index")))));
        }
        return builder.build();
    }

    /** Calibre writes indexes as {@code 2.0}; a whole number reads better without the fraction. */
    private static String sequence(String index) {
        if (index == null) {
            return null;
        }
        String s = index.strip();
        return s.matches("\\d+\\.0+") ? s.substring(0, s.indexOf('.')) : s;
    }

    private static List<Element> elements(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String first(Document document, String localName) {
        return elements(document, localName).stream().map(e -> e.getTextContent().strip())
                .filter(s -> !s.isEmpty()).findFirst().orElse(null);
    }

    private static String attribute(Element element, String localName) {
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            var attribute = element.getAttributes().item(i);
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getNodeName();
            if (name.equals(localName)) {
                return attribute.getNodeValue().strip();
            }
        }
        return "";
    }

    private static String meta(Document document, String name) {
        for (Element meta : elements(document, "meta")) {
            if (name.equals(meta.getAttribute("name"))) {
                return meta.getAttribute("content");
            }
        }
        return null;
    }
}
