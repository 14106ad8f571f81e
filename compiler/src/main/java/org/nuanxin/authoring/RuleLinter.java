package org.nuanxin.authoring;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Parameter;
import org.nuanxin.RuleBuildException;
import org.nuanxin.RuleProblem;
import org.nuanxin.RuleProblem.Severity;
import org.nuanxin.compiler.DrlOutline;
import org.nuanxin.compiler.RuleGuard;
import org.nuanxin.internal.Citations;
import org.nuanxin.internal.Declarations;
import org.nuanxin.internal.DrlSource;
import org.nuanxin.internal.RegionCompiler;
import org.nuanxin.internal.RegionData;
import org.nuanxin.rules.Context;
import org.nuanxin.spi.RuleFiles;

/**
 * Checks a folder of rules and data the way a policy author needs before using it: the guard, a
 * parse at the next language level (DRL10), a compile with the author's line numbers, every rule's
 * benefit code and citation, every assumption cited defined in {@code assumptions.yaml} (and every
 * one defined cited), every catalogue benefit decided by some rule, and every parameter read by some rule. Every problem is located as {@code file:line:column}.
 */
public final class RuleLinter {

    private RuleLinter() {}

    /** How deep {@link #ruleFolders} looks below the folder it is given. */
    public static final int MAX_DEPTH = 12;

    /** How many rule folders {@link #ruleFolders} returns at most: a tree with more is not a rules project. */
    public static final int MAX_FOLDERS = 200;

    /**
     * The rule folders at or below {@code root}: {@code root} itself when it holds a {@code region.yaml},
     * else every folder below it that does (a module root such as {@code rules-xian}, or a checkout),
     * sorted. Build output ({@code target}, {@code build}) and hidden folders are skipped, symbolic links
     * are not followed, and the search stops {@value #MAX_DEPTH} folders deep.
     *
     * @throws InvalidInputException naming {@code root} when it is not a folder, holds no rule folder, or
     *                               holds more than {@value #MAX_FOLDERS}
     */
    public static List<Path> ruleFolders(Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(
                    root.toString(), Files.exists(root) ? "is a file, not a rule folder" : "no such folder");
        }
        if (Files.isRegularFile(root.resolve(RuleFiles.REGION), LinkOption.NOFOLLOW_LINKS)) {
            return List.of(root);
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, java.util.Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(root) && (name.startsWith(".") || name.equals("target") || name.equals("build"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (Files.isRegularFile(d.resolve(RuleFiles.REGION), LinkOption.NOFOLLOW_LINKS)) {
                        found.add(d);
                        if (found.size() > MAX_FOLDERS) {
                            return FileVisitResult.TERMINATE;
                        }
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable corner holds no rule folder we can lint
                }
            });
        } catch (IOException e) {
            throw new InvalidInputException(root.toString(), "cannot be read: " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new InvalidInputException(
                    root.toString(),
                    "holds no rule folder (a folder with " + RuleFiles.REGION + ") within " + MAX_DEPTH
                            + " levels; give a rule folder, e.g. rules-xian/src/main/resources/org/nuanxin/region/xian,"
                            + " or a folder above one");
        }
        if (found.size() > MAX_FOLDERS) {
            throw new InvalidInputException(
                    root.toString(), "holds more than " + MAX_FOLDERS + " rule folders; give a narrower folder");
        }
        java.util.Collections.sort(found);
        return List.copyOf(found);
    }

    /** Lints the rule folder {@code dir} ({@code region.yaml} and the files it lists). */
    public static LintReport lint(Path dir) {
        try {
            return lint(RuleFiles.fromDirectory(dir));
        } catch (MalformedFileException e) {
            return new LintReport(dir.toString(), List.of(located(e)));
        }
    }

    /** Lints a region's files. */
    public static LintReport lint(RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        boolean guarded = true;
        java.util.Set<String> codes = new java.util.HashSet<>();
        try {
            RegionData.read(files).benefits().forEach(b -> codes.add(b.code()));
        } catch (MalformedFileException e) {
            // reported below
        }
        for (String file : files.drlFiles()) {
            String text = files.files().get(file);
            RuleGuard.Checked guard = RuleGuard.guard(file, text);
            guarded &= guard.problems().isEmpty();
            problems.addAll(guard.problems());
            if (guard.problems().isEmpty()) {
                problems.addAll(DrlOutline.ofDrl10(file, text).errors()); // only text the guard accepted
                problems.addAll(StyleCheck.check(file, guard.descr(), codes));
            }
        }
        if (guarded) {
            try {
                problems.addAll(RegionCompiler.compile(files).warnings());
            } catch (RuleBuildException e) {
                problems.addAll(e.problems());
            }
        }
        try {
            RegionData data = RegionData.read(files);
            problems.addAll(unusedParameters(files, data));
            problems.addAll(undefinedParameters(files, data));
            if (!guarded) {
                problems.addAll(Citations.check(files, data)); // else the compile above checked them
            }
        } catch (MalformedFileException e) {
            if (problems.stream().noneMatch(p -> p.file().equals(e.file()))) {
                problems.add(located(e));
            }
        }
        problems.sort(Comparator.comparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column));
        return new LintReport(files.origin(), problems);
    }

    /**
     * Parameters no rule reads (by {@code params.…("key")} or {@code ${param.key}}) and that do not
     * say, with {@code used_by}, what else reads them (a report's quota or budget).
     */
    private static List<RuleProblem> unusedParameters(RuleFiles files, RegionData data) {
        List<RuleProblem> problems = new ArrayList<>();
        StringBuilder drl = new StringBuilder();
        files.drlFiles().forEach(f -> drl.append(files.files().get(f)).append('\n'));
        drl.append(Declarations.drl("lint", data.benefits())); // the catalogue's declared criteria read some
        if (drl.indexOf("inProgramme(") >= 0 || drl.indexOf("withinProgramme(") >= 0) {
            drl.append('"')
                    .append(Context.PROGRAMME_START)
                    .append("\" \"")
                    .append(Context.PROGRAMME_END)
                    .append('"');
        }
        for (Map.Entry<String, Parameter> e : data.parameters().entrySet()) {
            String key = e.getKey();
            boolean read = drl.indexOf("\"" + key + "\"") >= 0 || drl.indexOf("${param." + key + "}") >= 0;
            if (!read && e.getValue().usedBy().isEmpty()) {
                problems.add(new RuleProblem(
                        RuleFiles.PARAMETERS,
                        data.lines().getOrDefault("parameter:" + key, 0),
                        0,
                        Severity.WARNING,
                        "",
                        "parameter '" + key + "' is read by no rule; remove it, use it, or say"
                                + " what reads it with used_by:"));
            }
        }
        return problems;
    }

    private static final java.util.regex.Pattern PARAM_READ =
            java.util.regex.Pattern.compile("\\bparams\\s*\\.\\s*(\\w+)\\s*\\(\\s*\"([^\"]*)\"");

    /**
     * Keys rules read ({@code params.money("homecoming.ticket_cpa")}) that parameters.yaml does not
     * define: the rule would fail on the first assessment that reaches it. A key the rules also ask
     * about with {@code params.has("…")} is an optional parameter (a schedule not yet configured), read
     * only when set, so it may be absent.
     */
    private static List<RuleProblem> undefinedParameters(RuleFiles files, RegionData data) {
        List<RuleProblem> problems = new ArrayList<>();
        java.util.Set<String> optional = new java.util.HashSet<>();
        for (String file : files.drlFiles()) {
            java.util.regex.Matcher m =
                    PARAM_READ.matcher(new DrlSource(files.files().get(file)).original());
            while (m.find()) {
                if (m.group(1).equals("has")) {
                    optional.add(m.group(2));
                }
            }
        }
        for (String file : files.drlFiles()) {
            DrlSource src = new DrlSource(files.files().get(file));
            java.util.regex.Matcher m = PARAM_READ.matcher(src.original());
            while (m.find()) {
                if (!src.code().startsWith("params", m.start())) {
                    continue; // inside a comment or a string
                }
                String key = m.group(2);
                if (!optional.contains(key) && !data.parameters().containsKey(key)) {
                    problems.add(new RuleProblem(
                            file,
                            src.line(m.start(2)),
                            src.column(m.start(2)),
                            Severity.ERROR,
                            "",
                            "parameter '" + key + "' is not defined in parameters.yaml"));
                }
            }
        }
        return problems;
    }

    private static RuleProblem located(MalformedFileException e) {
        return new RuleProblem(
                e.file(), e.line(), 0, Severity.ERROR, "", (e.field().isEmpty() ? "" : e.field() + ": ") + e.problem());
    }
}
