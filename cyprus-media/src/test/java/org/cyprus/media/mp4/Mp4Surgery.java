package org.cyprus.media.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A mutable box tree of a small, well-formed MP4 file, for deriving edge cases from real fixtures: remove, insert
 * or rewrite boxes, switch {@code stco} to {@code co64} or {@code mdat} to a 64-bit size, then write the file back
 * with every size recomputed and every chunk offset moved along with the {@code mdat} it points into.
 */
final class Mp4Surgery {
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "edts", "dinf",
            "mvex", "moof", "traf", "tref", "ilst", "wave");

    /** One box: its fixed content ({@code head}) and, for containers, its children. */
    static final class Node {
        String type;
        byte[] head;
        List<Node> children;
        boolean largeSize;
        long originalOffset = -1;
        long originalEnd = -1;

        Node(String type, byte[] head, List<Node> children) {
            this.type = type;
            this.head = head;
            this.children = children;
        }

        static Node leaf(String type, byte[] content) {
            return new Node(type, content, null);
        }

        /** A box from complete box bytes (header included), e.g. from {@link Bytes#box}. */
        static Node of(byte[] box) {
            return parse(box, 0, box.length, "").getFirst();
        }

        Node child(String type) {
            return children.stream().filter(c -> c.type.equals(type)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no " + type + " in " + this.type));
        }

        @Override
        public String toString() {
            return type;
        }
    }

    private final List<Node> top;

    private Mp4Surgery(List<Node> top) {
        this.top = top;
    }

    static Mp4Surgery parse(byte[] file) {
        return new Mp4Surgery(parse(file, 0, file.length, ""));
    }

    private static List<Node> parse(byte[] file, int start, int end, String parentType) {
        List<Node> nodes = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file);
        int at = start;
        while (at + 8 <= end) {
            long size = b.getInt(at) & 0xFFFFFFFFL;
            String type = BoxType.name(b.getInt(at + 4));
            int header = 8;
            if (size == 1) {
                size = b.getLong(at + 8);
                header = 16;
            } else if (size == 0) {
                size = end - at;
            }
            int boxEnd = (int) (at + size);
            int contentStart = at + header;
            int prefix = prefix(type, parentType, file, contentStart);
            Node node;
            if (prefix >= 0) {
                node = new Node(type, Arrays.copyOfRange(file, contentStart, contentStart + prefix),
                        parse(file, contentStart + prefix, boxEnd, type));
            } else {
                node = Node.leaf(type, Arrays.copyOfRange(file, contentStart, boxEnd));
            }
            node.largeSize = header == 16;
            node.originalOffset = contentStart;
            node.originalEnd = boxEnd;
            nodes.add(node);
            at = boxEnd;
        }
        return nodes;
    }

    /** Bytes of fixed fields before the children of a container, or -1 for a leaf. */
    private static int prefix(String type, String parentType, byte[] file, int contentStart) {
        if (CONTAINERS.contains(type) || parentType.equals("ilst")) {
            return 0;
        }
        return switch (type) {
            case "meta" -> ByteBuffer.wrap(file).getInt(contentStart) == 0 ? 4 : 0;
            case "stsd" -> 8;
            case "mp4a", "alac" -> parentType.equals("stsd")
                    ? switch (ByteBuffer.wrap(file).getShort(contentStart + 8)) {
                        case 1 -> 44;
                        case 2 -> 64;
                        default -> 28;
                    }
                    : -1;
            default -> -1;
        };
    }

    /** The node at a path such as {@code moov/trak[1]/mdia/minf/stbl/stco} ({@code [i]}: the i-th of that type). */
    Node find(String path) {
        List<Node> level = top;
        Node found = null;
        for (String step : path.split("/")) {
            String type = step.contains("[") ? step.substring(0, step.indexOf('[')) : step;
            int index = step.contains("[") ? Integer.parseInt(step.substring(step.indexOf('[') + 1, step.indexOf(']'))) : 0;
            found = level.stream().filter(n -> n.type.equals(type)).skip(index).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no " + step + " in " + path));
            level = found.children == null ? List.of() : found.children;
        }
        return found;
    }

    List<Node> top() {
        return top;
    }

    /** Every node of {@code type}, anywhere. */
    List<Node> all(String type) {
        List<Node> out = new ArrayList<>();
        collect(top, type, out);
        return out;
    }

    private static void collect(List<Node> nodes, String type, List<Node> out) {
        for (Node n : nodes) {
            if (n.type.equals(type)) {
                out.add(n);
            }
            if (n.children != null) {
                collect(n.children, type, out);
            }
        }
    }

    /** The list that holds {@code node}. */
    List<Node> siblingsOf(Node node) {
        List<Node> found = siblings(top, node);
        if (found == null) {
            throw new IllegalArgumentException(node + " is not in the tree");
        }
        return found;
    }

    private static List<Node> siblings(List<Node> nodes, Node node) {
        if (nodes.contains(node)) {
            return nodes;
        }
        for (Node n : nodes) {
            if (n.children != null) {
                List<Node> found = siblings(n.children, node);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    Mp4Surgery remove(String path) {
        Node node = find(path);
        siblingsOf(node).remove(node);
        return this;
    }

    Mp4Surgery insertBefore(String path, Node node) {
        Node anchor = find(path);
        List<Node> siblings = siblingsOf(anchor);
        siblings.add(siblings.indexOf(anchor), node);
        return this;
    }

    /** Turns every {@code stco} into a {@code co64} with the same offsets. */
    Mp4Surgery toCo64() {
        for (Node stco : all("stco")) {
            ByteBuffer in = ByteBuffer.wrap(stco.head);
            int count = in.getInt(4);
            ByteBuffer out = ByteBuffer.allocate(8 + 8 * count);
            out.putInt(0).putInt(count);
            for (int i = 0; i < count; i++) {
                out.putLong(in.getInt(8 + 4 * i) & 0xFFFFFFFFL);
            }
            stco.type = "co64";
            stco.head = out.array();
        }
        return this;
    }

    /** Writes the file: sizes recomputed, chunk offsets moved by as much as their {@code mdat} moved. */
    byte[] bytes() {
        List<long[]> moves = new ArrayList<>();
        long at = 0;
        for (Node n : top) {
            int header = n.largeSize ? 16 : 8;
            if (n.type.equals("mdat") && n.originalOffset >= 0) {
                moves.add(new long[] {n.originalOffset, n.originalEnd, at + header - n.originalOffset});
            }
            at += size(n);
        }
        for (Node n : all("stco")) {
            shift(n, moves, false);
        }
        for (Node n : all("co64")) {
            shift(n, moves, true);
        }
        at = 0;
        for (Node n : top) {
            if (n.type.equals("mdat") && n.originalOffset >= 0) {
                n.originalOffset = at + (n.largeSize ? 16 : 8);
                n.originalEnd = at + size(n);
            }
            at += size(n);
        }
        return write();
    }

    private static void shift(Node table, List<long[]> moves, boolean wide) {
        ByteBuffer b = ByteBuffer.wrap(table.head);
        int count = b.getInt(4);
        for (int i = 0; i < count; i++) {
            int at = 8 + (wide ? 8 : 4) * i;
            long offset = wide ? b.getLong(at) : b.getInt(at) & 0xFFFFFFFFL;
            for (long[] move : moves) {
                if (offset >= move[0] && offset < move[1]) {
                    offset += move[2];
                    break;
                }
            }
            if (wide) {
                b.putLong(at, offset);
            } else {
                b.putInt(at, (int) offset);
            }
        }
    }

    private byte[] write() {
        Bytes out = Bytes.of();
        for (Node n : top) {
            write(n, out);
        }
        return out.array();
    }

    private static void write(Node n, Bytes out) {
        long size = size(n);
        if (n.largeSize) {
            out.u32(1).fourCc(n.type).u64(size);
        } else {
            out.u32(size).fourCc(n.type);
        }
        out.bytes(n.head);
        if (n.children != null) {
            for (Node c : n.children) {
                write(c, out);
            }
        }
    }

    private static long size(Node n) {
        long size = (n.largeSize ? 16 : 8) + n.head.length;
        if (n.children != null) {
            for (Node c : n.children) {
                size += size(c);
            }
        }
        return size;
    }
}
