package org.nuanxin.compiler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.codegen.common.GeneratedFile;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.lang.descr.CompositePackageDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.model.Model;
import org.drools.model.codegen.execmodel.PackageSources;
import org.drools.model.codegen.tool.ExplicitCanonicalModelCompiler;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import org.kie.memorycompiler.JavaConfiguration;
import org.kie.memorycompiler.KieMemoryCompiler;
import org.nuanxin.RuleBuildException;
import org.nuanxin.RuleProblem;
import org.nuanxin.RuleProblem.Severity;

/**
 * Compiles rules into Drools' executable model, at run time for a rule folder (lint, verify, reload)
 * and at build time for a region jar ({@link Precompile}), so that every rule set runs the same way,
 * through {@link DirectRules}. One engine path: there is no other.
 *
 * <p>It takes the packages as {@link RuleGuard} parsed and checked them, never
 * the text again: Drools' code generator turns them into Java sources, which Eclipse's compiler
 * (the one Drools ships) compiles in memory into a class loader of their own. A reloaded rule set's
 * classes go with it when it is dropped.
 *
 * <p>The Drools classes this needs that are not Drools' public API are named here and nowhere else:
 * {@link ExplicitCanonicalModelCompiler} and {@link PackageSources} (the code generator, as Drools'
 * own tooling drives it), {@link CompositePackageDescr}, {@link KnowledgeBuilderConfigurationImpl},
 * {@link KieMemoryCompiler} and {@link JavaConfiguration}. {@link DirectRules} names the model classes it reads.
 */
final class ModelCompiler {

    private ModelCompiler() {}

    /**
     * The executable model of {@code checked} (file name → the guard's package).
     *
     * @param problems   receives the compiler's warnings; errors are thrown
     * @param classesOut receives the compiled classes (binary name → class file), for the build to
     *                   write into a region jar; {@code null} when not needed
     * @throws RuleBuildException when the code generator or the Java compiler refuses the rules
     */
    static List<Model> compile(
            String region,
            String origin,
            Map<String, PackageDescr> checked,
            List<RuleProblem> problems,
            Map<String, byte[]> classesOut) {
        Map<String, CompositePackageDescr> packages = new LinkedHashMap<>();
        checked.forEach((file, descr) -> {
            Resource r = ResourceFactory.newDescrResource(descr);
            r.setSourcePath(file);
            CompositePackageDescr p = packages.get(descr.getNamespace());
            if (p == null) {
                packages.put(descr.getNamespace(), new CompositePackageDescr(r, descr));
            } else {
                p.addPackageDescr(r, descr);
            }
        });
        KnowledgeBuilderConfigurationImpl conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(
                        ModelCompiler.class.getClassLoader())
                .as(KnowledgeBuilderConfigurationImpl.KEY);
        ExplicitCanonicalModelCompiler<PackageSources> generator =
                ExplicitCanonicalModelCompiler.of(packages.values(), conf, PackageSources::dumpSources);
        try {
            generator.process();
        } catch (RuntimeException e) {
            // the guard lets through only what the generator is known to handle; report, never crash the host
            problems.add(new RuleProblem(
                    first(checked),
                    0,
                    0,
                    Severity.ERROR,
                    "",
                    "the rules could not be compiled: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))));
            throw new RuleBuildException(region, origin, problems);
        }
        for (KnowledgeBuilderResult r : generator.getBuildResults().getResults()) {
            if (r.getSeverity() == ResultSeverity.INFO) {
                continue;
            }
            int[] lines = r.getLines();
            String file = r.getResource() == null || r.getResource().getSourcePath() == null
                    ? first(checked)
                    : r.getResource().getSourcePath();
            problems.add(new RuleProblem(
                    file,
                    lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0,
                    0,
                    r.getSeverity() == ResultSeverity.ERROR ? Severity.ERROR : Severity.WARNING,
                    "",
                    r.getMessage()));
        }
        if (problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            throw new RuleBuildException(region, origin, problems);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> modelNames = new ArrayList<>();
        for (PackageSources p : generator.getPackageSources()) {
            List<GeneratedFile> files = new ArrayList<>();
            p.collectGeneratedFiles(files);
            for (GeneratedFile f : files) {
                String path = f.relativePath();
                if (path.endsWith(".java")) {
                    sources.put(
                            path.substring(0, path.length() - ".java".length()).replace('/', '.'),
                            new String(f.contents(), StandardCharsets.UTF_8));
                }
            }
            modelNames.addAll(p.getModelNames());
        }
        try {
            // Eclipse's compiler, in memory: three times faster here than the JDK's on these small sources,
            // and present on a JRE too
            Map<String, byte[]> bytecode = KieMemoryCompiler.compileNoLoad(
                    sources, ModelCompiler.class.getClassLoader(), JavaConfiguration.CompilerType.ECLIPSE);
            if (classesOut != null) {
                classesOut.putAll(bytecode);
            }
            ClassLoader loader = new Loader(bytecode);
            List<Model> models = new ArrayList<>();
            for (String name : modelNames) {
                models.add((Model) Class.forName(name, true, loader)
                        .getDeclaredConstructor()
                        .newInstance());
            }
            return models;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            problems.add(new RuleProblem(
                    first(checked),
                    0,
                    0,
                    Severity.ERROR,
                    "",
                    "the generated rule classes could not be compiled or loaded: "
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))));
            throw new RuleBuildException(region, origin, problems);
        }
    }

    /** The generated classes of one rule set, by binary name; everything else from the library's loader. */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes) {
            super(ModelCompiler.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                b = classes.get(name.replace('.', '/'));
            }
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }

    private static String first(Map<String, PackageDescr> checked) {
        return checked.isEmpty() ? "?" : checked.keySet().iterator().next();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
