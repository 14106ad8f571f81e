package org.nuanxin.spi;

import java.util.Objects;

/**
 * A region whose files lie in one classpath folder of its own jar. A rules module needs only a
 * subclass with a no-argument constructor:
 *
 * <pre>{@code
 * public final class XianRegion extends ClasspathRegionProvider {
 *     public XianRegion() { super("xian", "org/nuanxin/region/xian/"); }
 * }
 * }</pre>
 */
public abstract class ClasspathRegionProvider implements RegionProvider {

    private final String id;
    private final String folder;

    protected ClasspathRegionProvider(String id, String folder) {
        this.id = Objects.requireNonNull(id, "id");
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public RuleFiles ruleFiles() {
        return RuleFiles.fromClasspath(getClass().getClassLoader(), folder);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + ", classpath:" + folder + "]";
    }
}
