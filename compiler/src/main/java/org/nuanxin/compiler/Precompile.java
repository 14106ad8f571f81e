package org.nuanxin.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nuanxin.NuanxinException;
import org.nuanxin.RuleBuildException;
import org.nuanxin.RuleProblem;
import org.nuanxin.internal.CompiledRegion;
import org.nuanxin.internal.RegionCompiler;
import org.nuanxin.spi.RuleFiles;

/**
 * The build step of a region module: compiles its rule folder exactly as the engine compiles a
 * folder at run time — guard, {@link ModelCompiler}, every check of {@link RegionCompiler} — and
 * writes the executable model's classes into the module's output, with the list of model classes
 * that {@link RuleFiles#withPrecompiled} reads. A region jar then starts without compiling, and
 * runs what a rule folder with the same files runs. The build fails, naming file and line, on any
 * problem the engine would refuse.
 *
 * <pre>
 * java -cp CLASSPATH org.nuanxin.compiler.Precompile RULE_FOLDER OUTPUT_DIR GROUP_ID ARTIFACT_ID
 * </pre>
 * Region modules run it through {@code exec-maven-plugin} (see the parent pom).
 */
public final class Precompile {

    private Precompile() {}

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: Precompile RULE_FOLDER OUTPUT_DIR GROUP_ID ARTIFACT_ID");
            System.exit(2);
        }
        try {
            int n = run(Path.of(args[0]), Path.of(args[1]), args[2], args[3]);
            System.out.println("Precompiled " + args[0] + ": " + n + " classes");
        } catch (RuleBuildException e) {
            for (RuleProblem p : e.problems()) {
                System.err.println(p);
            }
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (NuanxinException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Compiles the folder and writes its classes and model list under {@code out}; the number of classes. */
    static int run(Path folder, Path out, String groupId, String artifactId) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        RuleFiles files = RuleFiles.fromDirectory(folder);
        CompiledRegion region = RegionCompiler.compile(files, classes);
        List<String> models = new ArrayList<>(region.modelClasses());
        try {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                Path file = out.resolve(c.getKey().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, c.getValue());
            }
            Path list = out.resolve(RuleFiles.modelList(groupId, artifactId));
            Files.createDirectories(list.getParent());
            Files.writeString(list, String.join("\n", models) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes.size();
    }
}
