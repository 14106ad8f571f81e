package org.nuanxin.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nuanxin.MalformedFileException;
import org.nuanxin.input.InputFiles;
import org.nuanxin.input.YamlNode;

/**
 * The texts that make a region's rule set, by file name relative to the region's rule folder:
 * {@code region.yaml} (names, source and the list of rule files), {@code benefits.yaml},
 * {@code parameters.yaml}, {@code assumptions.yaml} when the folder has one, and the DRL files
 * {@code region.yaml} lists.
 *
 * @param origin      where the files came from (a classpath folder or a directory), for messages
 * @param files       file name → UTF-8 text, in the order region.yaml lists the rules
 * @param precompiled the rules compiled at build time into Drools' executable model, when the jar
 *                    carries them; {@code null} for rules to compile at run time
 */
public record RuleFiles(String origin, Map<String, String> files, Precompiled precompiled) {

    /**
     * Rules compiled at build time (Drools' executable model, made by the region module's build with
     * the engine's own compiler) from the same DRL files that {@link RuleFiles#files()} holds.
     *
     * @param modelClasses the generated model classes, as the jar's {@link #modelList} file lists them
     * @param loader       the class loader that holds them
     */
    public record Precompiled(List<String> modelClasses, ClassLoader loader) {
        public Precompiled {
            modelClasses = List.copyOf(modelClasses);
            Objects.requireNonNull(loader, "loader");
        }
    }

    /** Files to compile at run time. */
    public RuleFiles(String origin, Map<String, String> files) {
        this(origin, files, null);
    }

    /** The region manifest. */
    public static final String REGION = "region.yaml";
    /** The benefit catalogue. */
    public static final String BENEFITS = "benefits.yaml";
    /** The parameters. */
    public static final String PARAMETERS = "parameters.yaml";
    /** The assumptions register: optional, for a region whose rules and data cite no assumption. */
    public static final String ASSUMPTIONS = "assumptions.yaml";

    public RuleFiles {
        Objects.requireNonNull(origin, "origin");
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The region id {@code region.yaml} declares. */
    public String regionId() {
        return YamlNode.parse(REGION, files.get(REGION)).require("id").text().strip();
    }

    /** The DRL file names, in manifest order. */
    public List<String> drlFiles() {
        return files.keySet().stream().filter(f -> f.endsWith(".drl")).toList();
    }

    /**
     * Reads a region's files from the classpath folder {@code base} ({@code org/nuanxin/region/xian/}).
     *
     * @throws MalformedFileException when the manifest or a file it lists is missing
     */
    public static RuleFiles fromClasspath(ClassLoader loader, String base) {
        String folder = base.endsWith("/") ? base : base + "/";
        return read("classpath:" + folder, name -> {
            try (InputStream in = loader.getResourceAsStream(folder + name)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Reads a region's files from a directory, e.g. an author's working copy. Each file must be a regular file
     * in the folder itself: a symbolic link, or a file whose real path is outside the folder, is refused and
     * not read. Each is read within the {@linkplain org.nuanxin.input.InputLimits input limits}: at most
     * 1 MiB (system property {@code nuanxin.input.maxFileBytes}), UTF-8, and its YAML nested at most 32 deep
     * ({@code nuanxin.input.maxDepth}), values of at most 65,536 characters ({@code nuanxin.input.maxScalarChars})
     * and no YAML tags outside the core schema.
     *
     * @throws MalformedFileException when the manifest or a file it lists is missing, or a file is refused
     */
    public static RuleFiles fromDirectory(Path dir) {
        return read(dir.toString(), name -> InputFiles.readInFolder(dir, name));
    }

    private interface Reader {
        String read(String name);
    }

    private static RuleFiles read(String origin, Reader reader) {
        String manifest = reader.read(REGION);
        if (manifest == null) {
            throw new MalformedFileException(
                    origin + "/" + REGION, 0, "", "missing: every rule folder has a region.yaml");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(REGION, manifest);
        for (String data : List.of(BENEFITS, PARAMETERS)) {
            String text = reader.read(data);
            if (text == null) {
                throw new MalformedFileException(origin + "/" + data, 0, "", "missing from the rule folder");
            }
            files.put(data, text);
        }
        String assumptions = reader.read(ASSUMPTIONS);
        if (assumptions != null) {
            files.put(ASSUMPTIONS, assumptions);
        }
        YamlNode rules = YamlNode.parse(REGION, manifest).require("rules");
        List<String> names = new ArrayList<>();
        for (YamlNode n : rules.items()) {
            String name = n.text();
            if (!name.endsWith(".drl") || name.contains("..") || name.startsWith("/")) {
                throw n.error("a rule file is a .drl name inside the rule folder");
            }
            names.add(name);
        }
        for (String name : names) {
            String text = reader.read(name);
            if (text == null) {
                throw new MalformedFileException(
                        REGION, rules.line(), "rules", "lists " + name + ", which is not in " + origin);
            }
            files.put(name, text);
        }
        return new RuleFiles(origin, files);
    }

    /**
     * Where a region jar lists the classes of its rules' executable model, compiled by the build
     * (one binary class name a line).
     */
    public static String modelList(String groupId, String artifactId) {
        return "META-INF/nuanxin/" + groupId + "/" + artifactId + "/models";
    }

    /**
     * The same files with the build-time compiled rules of the artifact, when its jar carries them
     * ({@link #modelList}); else these files unchanged.
     */
    public RuleFiles withPrecompiled(ClassLoader loader, String groupId, String artifactId) {
        String path = modelList(groupId, artifactId);
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return this;
            }
            List<String> classes = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.contains(":")) {
                    classes.add(l);
                }
            }
            return classes.isEmpty() ? this : new RuleFiles(origin, files, new Precompiled(classes, loader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "RuleFiles[" + origin + ", " + files.keySet() + (precompiled == null ? "" : ", precompiled") + "]";
    }
}
