package org.nuanxin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The made-up test region of core's {@code src/test/resources/regions/testland}, copied to edit. Its
 * rules are compiled from DRL, so a test that builds an engine with it needs {@code nuanxin-compiler} on
 * its classpath; other modules get the folder from core's test-jar.
 */
public final class TestRegions {

    /** The test region's files. */
    static final String[] FILES = {
        "region.yaml", "benefits.yaml", "parameters.yaml", "rules.drl", "register-profile.yaml"
    };

    /**
     * The test region's folder: core's source tree when the tests run in core, else a copy of the
     * test-jar's {@code regions/testland/} in a temporary folder.
     */
    public static final Path TESTLAND = folder();

    private TestRegions() {}

    /** An engine with only the test region. */
    public static Nuanxin testland() {
        return Nuanxin.builder().noClasspathRegions().ruleFolder(TESTLAND).build();
    }

    /** Copies the test region into {@code dir}, with {@code edit} applied to the text of {@code file}. */
    public static Path copy(Path dir, String file, UnaryOperator<String> edit) {
        try {
            for (String f : new String[] {"region.yaml", "benefits.yaml", "parameters.yaml", "rules.drl"}) {
                String text = Files.readString(TESTLAND.resolve(f));
                Files.writeString(dir.resolve(f), f.equals(file) ? edit.apply(text) : text);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder() {
        Path source = Path.of("src/test/resources/regions/testland");
        if (Files.isDirectory(source)) {
            return source;
        }
        try {
            Path dir = Files.createTempDirectory("testland");
            for (String f : FILES) {
                try (InputStream in = TestRegions.class.getClassLoader().getResourceAsStream("regions/testland/" + f)) {
                    if (in == null) {
                        throw new IllegalStateException(
                                "regions/testland/" + f + " is not on the classpath: add" + " nuanxin-core's test-jar");
                    }
                    Files.copy(in, dir.resolve(f));
                }
                dir.resolve(f).toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
