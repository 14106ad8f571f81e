package org.nuanxin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.nuanxin.population.RegisterProfile;
import org.nuanxin.spi.RegionProvider;

/** The made-up test region of {@code src/test/resources/regions/testland}, copied to edit. */
public final class TestRegions {

    /** The test region's folder in the source tree. */
    public static final Path TESTLAND = Path.of("src/test/resources/regions/testland");

    private TestRegions() {}

    /** An engine with only the test region. */
    public static Nuanxin testland() {
        return Nuanxin.builder().noClasspathRegions().ruleFolder(TESTLAND).build();
    }

    /**
     * The test region's register profile ({@code register-profile.yaml} in its folder, which the engine does not
     * read): core's tests have no region jar to find profiles in.
     */
    public static RegisterProfile registerProfile() {
        return RegisterProfile.read("testland", TESTLAND.resolve(RegionProvider.REGISTER_PROFILE));
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
}
