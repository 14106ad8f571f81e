package org.nuanxin.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A region whose files lie in one classpath folder of its own jar. A rules module needs only a
 * subclass with a no-argument constructor:
 *
 * <pre>{@code
 * public final class XianRegion extends ClasspathRegionProvider {
 *     public XianRegion() { super("xian", "org/nuanxin/region/xian/"); }
 * }
 * }</pre>
 *
 * <p>A {@value RegionProvider#REGISTER_PROFILE} in the same folder is the region's
 * {@linkplain #registerProfile() register profile}.
 */
public abstract class ClasspathRegionProvider implements RegionProvider {

    private final String id;
    private final String folder;
    private final String artifactId;

    /** A region whose DRL is compiled when the engine is built. */
    protected ClasspathRegionProvider(String id, String folder) {
        this(id, folder, null);
    }

    /**
     * A region whose jar may also carry its rules compiled at build time (Drools' executable model,
     * written by the build for the artifact {@code org.nuanxin:<artifactId>}; see
     * {@link RuleFiles#modelList}); the engine then loads those instead of compiling the DRL, which it
     * still reads for explanations.
     */
    protected ClasspathRegionProvider(String id, String folder, String artifactId) {
        this.id = Objects.requireNonNull(id, "id");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.artifactId = artifactId;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public RuleFiles ruleFiles() {
        RuleFiles files = RuleFiles.fromClasspath(getClass().getClassLoader(), folder);
        return artifactId == null
                ? files
                : files.withPrecompiled(getClass().getClassLoader(), "org.nuanxin", artifactId);
    }

    /** The folder's {@value RegionProvider#REGISTER_PROFILE}, read with this class's loader; empty when absent. */
    @Override
    public Optional<String> registerProfile() {
        String name = (folder.endsWith("/") ? folder : folder + "/") + REGISTER_PROFILE;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + ", classpath:" + folder + "]";
    }
}
