package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every Markdown file a text file of the repository names exists in the repository (issue 19: rule files and
 * docs cited a policy catalogue kept outside it, now {@code docs/CATALOGUE.md}). A name is any
 * {@code name.md} or {@code folder/name.md} in the text, in a link or not (an address, {@code https://…/x.md},
 * is not a name: it is not checked; the text of a Markdown link, {@code [`x.md`](../y/x.md)}, is not checked
 * either, its target is). It must resolve against one of: the repository root, the folder of the file that names
 * it, or the file's module (the nearest folder with a {@code pom.xml}: the working directory of its tests). A
 * name under a {@code target/} folder is a build output, never committed, and is not checked.
 *
 * <p>Every text file is read (UTF-8, no NUL byte), except under folders that are not the repository's own:
 * hidden ones, {@code target/}, {@code node_modules/} and {@code nuanxin-data/}. The names that do not resolve
 * and are right not to are in {@link #EXCEPTIONS}, each with the reason; the test fails on an exception no
 * longer needed, so the list stays exact.
 */
@Order(5)
class MarkdownReferencesTest {

    static final Path ROOT = SchemaTest.ROOT;

    /** A Markdown file's name, with the folders before it; not part of an address or a longer name. */
    private static final Pattern MD =
            Pattern.compile("(?<![\\w./@:\\\\-])((?:[\\w.-]+/)*[\\w.-]*[\\w-]\\.md)(?![\\w-])");

    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", "nuanxin-data");

    /** This file: it names the exceptions below. */
    private static final String SELF = "reliability/src/test/java/org/nuanxin/reliability/MarkdownReferencesTest.java";

    /** File (from the root) and the name it may give that resolves nowhere, with the reason. */
    static final Map<String, String> EXCEPTIONS = exceptions(
            "CHANGELOG.md",
            "SCENARIOS.md",
            "history: the entry says that the references to this file, which never existed here, were removed",
            "reliability/src/test/java/org/nuanxin/reliability/ReliabilityReportTest.java",
            "scenario-format.md",
            "text of docs/reliability.md, which the test writes: a link from docs/ to docs/scenario-format.md",
            "core/src/main/java/org/nuanxin/model/Places.java",
            "SOURCE.md",
            "the file beside the place table the class reads, core/src/main/resources/org/nuanxin/places/SOURCE.md",
            "tools/places/generate.mjs",
            "SOURCE.md",
            "text of the header it writes into the place table, which lies beside"
                    + " core/src/main/resources/org/nuanxin/places/SOURCE.md");

    @Test
    void everyNamedMarkdownFileExists() throws IOException {
        List<String> broken = new ArrayList<>();
        Set<String> excused = new LinkedHashSet<>();
        int[] files = {0};
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(ROOT) && (name.startsWith(".") || SKIPPED_FOLDERS.contains(name));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = slashed(ROOT.relativize(file));
                if (!attrs.isRegularFile() || rel.equals(SELF)) {
                    return FileVisitResult.CONTINUE;
                }
                String text = text(file);
                if (text == null) {
                    return FileVisitResult.CONTINUE;
                }
                files[0]++;
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = MD.matcher(lines[i]);
                    while (m.find()) {
                        String name = m.group(1);
                        if (linkText(lines[i], m.end()) || resolves(file, name)) {
                            continue;
                        }
                        String key = rel + " " + name;
                        if (EXCEPTIONS.containsKey(key)) {
                            excused.add(key);
                        } else {
                            broken.add(rel + ":" + (i + 1) + ": " + name);
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertTrue(files[0] > 500, "read the repository's text files: " + files[0]);
        assertTrue(
                broken.isEmpty(),
                () -> broken.size() + " name(s) of Markdown files that are not in the repository (a file outside it"
                        + " belongs in docs/; a file that moved: name its new place):\n  "
                        + String.join("\n  ", broken));
        List<String> stale =
                EXCEPTIONS.keySet().stream().filter(k -> !excused.contains(k)).toList();
        assertTrue(stale.isEmpty(), () -> "exceptions no longer needed, remove them: " + stale);
    }

    /** The file's text, or null for a file that is not UTF-8 text. */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether the name that ends at {@code end} is the text of a Markdown link, {@code [name](…)}. */
    private static boolean linkText(String line, int end) {
        String rest = line.substring(end);
        return rest.startsWith("](") || rest.startsWith("`](");
    }

    static boolean resolves(Path file, String name) {
        if (("/" + name).contains("/target/")) {
            return true;
        }
        List<Path> bases = new ArrayList<>(List.of(ROOT, file.getParent()));
        for (Path dir = file.getParent(); dir != null && dir.startsWith(ROOT); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                bases.add(dir);
                break;
            }
        }
        for (Path base : bases) {
            Path p = base.resolve(name).normalize();
            if (p.startsWith(ROOT) && Files.isRegularFile(p)) {
                return true;
            }
        }
        return false;
    }

    private static String slashed(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static Map<String, String> exceptions(String... fileNameReason) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fileNameReason.length; i += 3) {
            m.put(fileNameReason[i] + " " + fileNameReason[i + 1], fileNameReason[i + 2]);
        }
        return Map.copyOf(m);
    }
}
