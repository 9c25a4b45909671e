package org.cyprus.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which classes each compiled class refers to, read from its constant pool with the JDK's class-file API:
 * class entries plus every type named in descriptors and generic signatures.
 */
public final class ClassReferences {
    /** A class type in a descriptor or signature: {@code Lpackage/Name;} (packaged names always hold a slash). */
    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\p{javaJavaIdentifierPart}$]+(?:/[\\p{javaJavaIdentifierPart}$]+)+)[;<]");

    private ClassReferences() {
    }

    /** Class name (dotted) to the dotted names of the classes it refers to, for every class under {@code root}. */
    public static Map<String, Set<String>> scan(Path root) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        if (!Files.isDirectory(root)) {
            return result;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class")).sorted().forEach(f -> {
                try {
                    ClassModel model = ClassFile.of().parse(Files.readAllBytes(f));
                    result.put(dotted(model.thisClass().asInternalName()), references(model));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** The classes {@code bytes} (one class file) refers to. */
    public static Set<String> references(byte[] bytes) {
        return references(ClassFile.of().parse(bytes));
    }

    private static Set<String> references(ClassModel model) {
        Set<String> refs = new TreeSet<>();
        String self = model.thisClass().asInternalName();
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof ClassEntry c) {
                String name = c.asInternalName();
                if (name.startsWith("[")) {
                    Matcher m = TYPE_IN_DESCRIPTOR.matcher(name);
                    while (m.find()) {
                        refs.add(m.group(1));
                    }
                } else {
                    refs.add(name);
                }
            } else if (entry instanceof Utf8Entry utf8) {
                Matcher m = TYPE_IN_DESCRIPTOR.matcher(utf8.stringValue());
                while (m.find()) {
                    refs.add(m.group(1));
                }
            }
        }
        refs.remove(self);
        return refs.stream().map(ClassReferences::dotted).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
