package org.nuanxin.compiler;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Providers;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.io.StringReader;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;
import org.kie.api.io.Resource;
import org.kie.internal.io.ResourceFactory;
import org.nuanxin.RuleProblem;
import org.nuanxin.RuleProblem.Severity;
import org.nuanxin.compiler.RuleVocabulary.Entry;
import org.nuanxin.compiler.RuleVocabulary.Role;
import org.nuanxin.internal.DrlSource;

/**
 * Rules are code, and a rule folder is untrusted input: before a DRL file is compiled, the guard parses
 * it with Drools' own DRL parser, every consequence and {@code eval} with a real Java parser, and accepts
 * only what the rule vocabulary allows. It is an allow-list on the parsed rule, not a search of its text:
 *
 * <ul>
 *   <li>imports of {@code org.nuanxin.rules.*}, {@code org.nuanxin.model.*} and the types of the
 *       vocabulary table ({@link RuleVocabulary}), {@code java.time.LocalDate} among them;</li>
 *   <li>globals of the vocabulary's global types (Verdict, Params, Context);</li>
 *   <li>conditions that match facts of the vocabulary's fact types without constraints
 *       ({@code $w : Profile()}), combined with {@code not}, {@code exists}, {@code and}, {@code or}, and
 *       {@code eval} of an allowed expression;</li>
 *   <li>metadata {@code @benefit}, {@code @source}, {@code @clause}, {@code @zh}, {@code @en},
 *       {@code @unmet_zh}, {@code @unmet_en}, each one string literal; the attributes
 *       {@code salience} with a whole number and {@code dialect "java"}, and no other;</li>
 *   <li>consequences made of calls of the vocabulary's methods on the globals, the bound facts, local
 *       variables and the vocabulary's static members, literals, local variables of vocabulary types,
 *       {@code if}/{@code else}, {@code ? :}, {@code !}, {@code &&}, {@code ||}, {@code ==} and
 *       {@code !=}.</li>
 * </ul>
 *
 * <p>Everything else is an error at {@code file:line:column} that names the construct and says what is
 * allowed: any other type, method, constructor, static member or fully-qualified name, arrays, lambdas,
 * loops, {@code try}/{@code throw}/{@code return}, string arithmetic and string or regex methods,
 * {@code function}, {@code query}, {@code declare}, {@code from}, {@code accumulate}, constraints,
 * named consequences, any dialect but Java, unicode escapes, and nesting deeper than
 * {@value #MAX_NESTING}. What the guard checked is what is compiled: {@link #guard} hands the parsed
 * package to the compiler, so the text is never parsed twice.
 */
public final class RuleGuard {

    /** The deepest nesting of brackets, expressions and blocks a rule file may have. */
    public static final int MAX_NESTING = 32;

    /** The longest consequence or {@code eval} expression, in characters. */
    public static final int MAX_CODE = 20_000;

    /** The longest string literal in a consequence or metadata value, in characters. */
    public static final int MAX_STRING = 4_000;

    /** The metadata a rule may carry (each one string literal). */
    static final Set<String> METADATA = Set.of("benefit", "source", "clause", "zh", "en", "unmet_zh", "unmet_en");

    /** Package roots a rule file may not put its generated classes in. */
    private static final List<String> RESERVED_PACKAGES = List.of(
            "java.",
            "javax.",
            "jdk.",
            "sun.",
            "com.sun.",
            "org.drools.",
            "org.kie.",
            "org.mvel2.",
            "org.antlr.",
            "org.eclipse.");

    /** Names Drools gives a consequence itself: a global must not take them. */
    private static final Set<String> RESERVED_NAMES = Set.of("drools", "kcontext");

    private static final String ALLOWED_SHAPE = "rules match facts, call the rule vocabulary on the globals"
            + " (verdict, params, ctx), the facts they bind and local variables, and combine truths with"
            + " if/else, ?:, !, &&, ||, == and !=";

    /**
     * A rule file after the guard: the package as Drools' parser read it, to be compiled as it is, and
     * the problems found. The package is {@code null} when the file did not parse.
     *
     * @param descr    the parsed package, or {@code null}
     * @param problems every construct outside the allow-list, located; empty when the file may be compiled
     */
    public record Checked(PackageDescr descr, List<RuleProblem> problems) {
        public Checked {
            problems = List.copyOf(problems);
        }

        /** Whether the file may be compiled. */
        public boolean accepted() {
            return descr != null && problems.isEmpty();
        }
    }

    private RuleGuard() {}

    /** Whether the guard lets this file through. */
    public static boolean accepts(String text) {
        return guard("drl", text).accepted();
    }

    /**
     * Every construct of the file outside the allow-list, as errors located at the author's line and
     * column. An empty list means the file may be compiled.
     */
    public static List<RuleProblem> check(String file, String text) {
        return guard(file, text).problems();
    }

    /** Parses and checks a rule file; see {@link Checked}. */
    public static Checked guard(String file, String text) {
        DrlSource src = new DrlSource(text);
        List<RuleProblem> problems = new ArrayList<>();
        int escape = text.indexOf("\\u");
        if (escape >= 0) {
            problems.add(problem(
                    file,
                    src,
                    escape,
                    "unicode escapes (\\u…) are not allowed in rule files; write the"
                            + " character itself (files are UTF-8)"));
        }
        int deep = tooDeep(src.code());
        if (deep >= 0) {
            problems.add(problem(
                    file,
                    src,
                    deep,
                    "brackets or prefix operators nested deeper than " + MAX_NESTING
                            + " levels; split the criterion into local variables"));
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        PackageDescr pkg;
        try {
            Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(file);
            DrlParser parser = new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
            pkg = parser.parse(resource, new StringReader(text));
            for (DroolsError e : parser.getErrors()) {
                int line = e instanceof ParserError p ? Math.max(p.getRow(), 1) : lineOf(e);
                int col = e instanceof ParserError p ? Math.max(p.getCol(), 0) + 1 : 1;
                problems.add(new RuleProblem(file, line, col, Severity.ERROR, "", "does not parse: " + e.getMessage()));
            }
        } catch (StackOverflowError | RuntimeException | org.drools.drl.parser.DroolsParserException e) {
            problems.add(new RuleProblem(
                    file,
                    1,
                    1,
                    Severity.ERROR,
                    "",
                    "does not parse (" + e.getClass().getSimpleName() + ")"));
            return new Checked(null, problems);
        }
        if (pkg == null || !problems.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new RuleProblem(file, 1, 1, Severity.ERROR, "", "does not parse"));
            }
            return new Checked(null, problems);
        }
        prelude(pkg);
        try {
            new FileCheck(file, src, problems).pkg(pkg);
        } catch (StackOverflowError e) {
            problems.add(new RuleProblem(file, 1, 1, Severity.ERROR, "", "nested too deeply to check"));
        }
        problems.sort(java.util.Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        return new Checked(pkg, problems);
    }

    /** The globals every rule file has without declaring them, by name. */
    public static final Map<String, Class<?>> GLOBALS = globals();

    private static Map<String, Class<?>> globals() {
        Map<String, Class<?>> g = new LinkedHashMap<>();
        g.put("verdict", org.nuanxin.rules.Verdict.class);
        g.put("params", org.nuanxin.rules.Params.class);
        g.put("ctx", org.nuanxin.rules.Context.class);
        return java.util.Collections.unmodifiableMap(g);
    }

    /**
     * The vocabulary's types a rule file may name without importing them: the facts and values of
     * {@code org.nuanxin.rules} and {@code org.nuanxin.model} ({@code Profile}, {@code Truth}, {@code Place},
     * the model's enumerations…).
     */
    public static List<Class<?>> preludeTypes() {
        return RuleVocabulary.entries().stream()
                .map(RuleVocabulary.Entry::type)
                .filter(t -> t.getPackageName().equals("org.nuanxin.rules")
                        || t.getPackageName().equals("org.nuanxin.model"))
                .filter(t -> !GLOBALS.containsValue(t))
                .toList();
    }

    /**
     * Gives the package the prelude every rule file shares: the vocabulary's imports and the three
     * globals ({@link #GLOBALS}), each unless the file declares it itself. A policy author writes the
     * package line and the rules; the compiler, at build time and at run time alike, sees the same
     * package.
     */
    private static void prelude(PackageDescr pkg) {
        java.util.Set<String> imported = new java.util.HashSet<>();
        for (ImportDescr i : pkg.getImports()) {
            String t = i.getTarget() == null ? "" : i.getTarget().strip();
            imported.add(t.substring(t.lastIndexOf('.') + 1));
        }
        for (Class<?> t : preludeTypes()) {
            if (!imported.contains(t.getSimpleName())) {
                pkg.addImport(new ImportDescr(t.getName()));
            }
        }
        java.util.Set<String> declared = new java.util.HashSet<>();
        pkg.getGlobals().forEach(g -> declared.add(g.getIdentifier()));
        GLOBALS.forEach((name, type) -> {
            if (!declared.contains(name)) {
                pkg.addGlobal(new GlobalDescr(name, type.getName()));
            }
        });
    }

    /**
     * The offset where code first nests deeper than {@link #MAX_NESTING}, in brackets or in a run of
     * prefix operators ({@code !!!…}), or -1. Checked on the text before any parser sees it, so that no
     * parser recurses past it.
     */
    private static int tooDeep(String code) {
        int depth = 0;
        int run = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            run = c == '!' || c == '~' || c == '-' || c == '+' ? run + 1 : Character.isWhitespace(c) ? run : 0;
            if (run > MAX_NESTING) {
                return i;
            }
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_NESTING) {
                    return i;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return -1;
    }

    private static int lineOf(DroolsError e) {
        int[] lines = e.getLines();
        return lines != null && lines.length > 0 ? Math.max(lines[0], 1) : 1;
    }

    private static RuleProblem problem(String file, DrlSource src, int offset, String message) {
        return new RuleProblem(file, src.line(offset), src.column(offset), Severity.ERROR, "", "guard: " + message);
    }

    /** Checks one parsed file. */
    private static final class FileCheck {
        private final String file;
        private final DrlSource src;
        private final List<RuleProblem> problems;
        private final Map<String, Class<?>> types = new HashMap<>();
        private final Map<String, Class<?>> globals = new LinkedHashMap<>();
        /** One Java parser per file: building one costs more than parsing a consequence. */
        private final JavaParser javaParser = parser();

        private String rule = "";

        FileCheck(String file, DrlSource src, List<RuleProblem> problems) {
            this.file = file;
            this.src = src;
            this.problems = problems;
        }

        void deny(BaseDescr d, String message) {
            deny(offsetOf(d), message);
        }

        void deny(int offset, String message) {
            int at = Math.max(0, Math.min(offset, src.original().length()));
            problems.add(
                    new RuleProblem(file, src.line(at), src.column(at), Severity.ERROR, rule, "guard: " + message));
        }

        /** The descr's offset in the file: its first character, else its line and column. */
        int offsetOf(BaseDescr d) {
            if (d.getStartCharacter() >= 0
                    && d.getStartCharacter() < src.original().length()) {
                return d.getStartCharacter();
            }
            return src.offset(Math.max(d.getLine(), 1), Math.max(d.getColumn(), 0) + 1);
        }

        void pkg(PackageDescr pkg) {
            String name = pkg.getName() == null ? "" : pkg.getName();
            if (RESERVED_PACKAGES.stream().anyMatch(p -> (name + ".").startsWith(p))) {
                deny(
                        pkg,
                        "package " + name + " is reserved; name the rules' package after the region,"
                                + " e.g. org.nuanxin.region.xian");
            }
            for (AttributeDescr a : pkg.getAttributes()) {
                attribute(a);
            }
            for (ImportDescr i : pkg.getImports()) {
                importOf(i);
            }
            pkg.getFunctionImports().forEach(i -> deny(i, "'import function' is not allowed; " + ALLOWED_SHAPE));
            pkg.getAccumulateImports().forEach(i -> deny(i, "'import accumulate' is not allowed; " + ALLOWED_SHAPE));
            pkg.getFunctions().forEach(f -> deny(f, "'function' is not allowed: rules call only the rule vocabulary"));
            pkg.getTypeDeclarations()
                    .forEach(t -> deny(
                            t,
                            "'declare' is not allowed: facts are the vocabulary's " + RuleVocabulary.names(Role.FACT)));
            pkg.getEnumDeclarations().forEach(t -> deny(t, "'declare enum' is not allowed"));
            pkg.getEntryPointDeclarations().forEach(t -> deny(t, "entry points are not allowed"));
            pkg.getWindowDeclarations().forEach(t -> deny(t, "windows are not allowed"));
            if (pkg.getUnit() != null) {
                deny(pkg.getUnit(), "rule units ('unit') are not allowed; rules match the vocabulary's facts");
            }
            for (GlobalDescr g : pkg.getGlobals()) {
                Class<?> type = type(g.getType());
                Optional<Entry> e = type == null ? Optional.empty() : RuleVocabulary.of(type);
                if (e.isEmpty() || e.get().role() != Role.GLOBAL) {
                    deny(
                            g,
                            "global of type " + g.getType() + " is not allowed; globals are the vocabulary's "
                                    + RuleVocabulary.names(Role.GLOBAL));
                } else if (!g.getIdentifier().matches("[a-z][A-Za-z0-9_]*")
                        || RESERVED_NAMES.contains(g.getIdentifier())) {
                    deny(
                            g,
                            "the global name '" + g.getIdentifier() + "' is not allowed; name globals as the rules"
                                    + " read them: verdict, params, ctx");
                } else {
                    globals.put(g.getIdentifier(), type);
                }
            }
            for (RuleDescr r : pkg.getRules()) {
                rule = r.getName() == null ? "" : r.getName();
                if (r instanceof QueryDescr) {
                    deny(r, "'query' is not allowed; " + ALLOWED_SHAPE);
                } else {
                    rule(r);
                }
                rule = "";
            }
        }

        void attribute(AttributeDescr a) {
            if (a.getName().equals("dialect") && "java".equals(a.getValue())
                    || a.getName().equals("salience")
                            && a.getValue() != null
                            && a.getValue().strip().matches("-?[0-9]{1,9}")) {
                return;
            }
            if (a.getName().equals("dialect")) {
                deny(
                        a,
                        "dialect " + a.getValue()
                                + " is not allowed; rules use the Java dialect (leave 'dialect' out)");
            } else {
                deny(
                        a,
                        "attribute '" + a.getName()
                                + "' is not allowed; a rule takes at most 'salience' with a whole number"
                                + " (and 'dialect \"java\"')");
            }
        }

        void importOf(ImportDescr i) {
            String target = i.getTarget() == null ? "" : i.getTarget().strip();
            if (target.equals("org.nuanxin.rules.*") || target.equals("org.nuanxin.model.*")) {
                String pkg = target.substring(0, target.length() - 2);
                RuleVocabulary.entries().stream()
                        .filter(e -> e.type().getPackageName().equals(pkg))
                        .forEach(e -> types.put(e.type().getSimpleName(), e.type()));
                return;
            }
            Optional<Class<?>> c = RuleVocabulary.byName(target);
            if (c.isPresent()) {
                types.put(c.get().getSimpleName(), c.get());
            } else {
                deny(
                        i,
                        "import of " + target + " is not allowed; rule files import org.nuanxin.rules.*,"
                                + " org.nuanxin.model.* and java.time.LocalDate");
            }
        }

        /** A type named in the file (simple and imported, or fully qualified), if it is in the vocabulary. */
        Class<?> type(String name) {
            if (name == null) {
                return null;
            }
            Class<?> c = types.get(name.strip());
            return c != null ? c : RuleVocabulary.byName(name.strip()).orElse(null);
        }

        void rule(RuleDescr r) {
            if (r.getParentName() != null) {
                deny(r, "'extends' is not allowed; state each rule's criteria in the rule");
            }
            for (AttributeDescr a : r.getAttributes().values()) {
                attribute(a);
            }
            for (String name : r.getAnnotationNames()) {
                AnnotationDescr a = r.getAnnotation(name);
                metadata(r, name, a);
            }
            if (!r.getNamedConsequences().isEmpty()) {
                deny(r, "named consequences (then[...]) are not allowed; a rule has one consequence");
            }
            Map<String, Class<?>> bound = new LinkedHashMap<>();
            List<EvalDescr> evals = new ArrayList<>();
            if (r.getLhs() != null) {
                condition(r.getLhs(), bound, evals);
            }
            for (EvalDescr e : evals) {
                String content = String.valueOf(e.getContent()).strip();
                int at = src.original().indexOf(content, offsetOf(e));
                new JavaCheck(this, at < 0 ? offsetOf(e) : at, bound).expression(content);
            }
            Object rhs = r.getConsequence();
            String consequence = rhs == null ? "" : rhs.toString();
            if (!consequence.isBlank()) {
                int at = src.original().indexOf(consequence, offsetOf(r));
                new JavaCheck(this, at < 0 ? offsetOf(r) : at, bound).block(consequence);
            }
        }

        void metadata(RuleDescr r, String name, AnnotationDescr a) {
            int at = a.getStartCharacter() >= 0 ? a.getStartCharacter() : offsetOf(r);
            if (a.getFullyQualifiedName() != null || name.contains(".") || !METADATA.contains(name)) {
                deny(
                        at,
                        "metadata @" + name + " is not allowed; rules carry "
                                + String.join(
                                        ", ",
                                        METADATA.stream()
                                                .sorted()
                                                .map(m -> "@" + m)
                                                .toList()));
                return;
            }
            Map<String, Object> values = a.getValueMap();
            Object v = values.size() == 1 ? values.get("value") : null;
            String literal = v == null ? "" : v.toString().strip();
            boolean ok = false;
            if (literal.length() <= MAX_STRING + 2) {
                ParseResult<Expression> parsed = javaParser.parse(ParseStart.EXPRESSION, Providers.provider(literal));
                ok = parsed.isSuccessful() && parsed.getResult().orElse(null) instanceof StringLiteralExpr;
            }
            if (!ok) {
                deny(
                        at,
                        "@" + name + " takes one string literal, e.g. @" + name + "(\"…\") (at most " + MAX_STRING
                                + " characters)");
            }
        }

        void condition(BaseDescr d, Map<String, Class<?>> bound, List<EvalDescr> evals) {
            if (d instanceof AndDescr and) {
                and.getDescrs().forEach(c -> condition(c, bound, evals));
            } else if (d instanceof OrDescr or) {
                or.getDescrs().forEach(c -> condition(c, bound, evals));
            } else if (d instanceof NotDescr not) {
                not.getDescrs().forEach(c -> condition(c, new LinkedHashMap<>(), evals));
            } else if (d instanceof ExistsDescr exists) {
                // ExistsDescr.getDescrs() returns a raw List (Drools' API); its elements are BaseDescrs
                for (Object c : exists.getDescrs()) {
                    condition((BaseDescr) c, new LinkedHashMap<>(), evals);
                }
            } else if (d instanceof PatternDescr p) {
                pattern(p, bound);
            } else if (d instanceof EvalDescr e) {
                evals.add(e);
            } else {
                String what = d.getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT);
                deny(
                        d,
                        "'" + what + "' is not allowed in conditions; conditions match facts ("
                                + RuleVocabulary.names(Role.FACT) + ") with not, exists, and, or and eval");
            }
        }

        void pattern(PatternDescr p, Map<String, Class<?>> bound) {
            Class<?> type = type(p.getObjectType());
            Optional<Entry> e = type == null ? Optional.empty() : RuleVocabulary.of(type);
            if (e.isEmpty() || e.get().role() != Role.FACT) {
                deny(
                        p,
                        "conditions match only the facts " + RuleVocabulary.names(Role.FACT) + ", not "
                                + p.getObjectType());
                return;
            }
            if (!p.getConstraint().getDescrs().isEmpty()) {
                deny(
                        p.getConstraint().getDescrs().get(0),
                        "constraints in a pattern are not allowed; match the" + " whole fact ($w : "
                                + type.getSimpleName() + "()) and state the criterion in the consequence");
            }
            if (p.getSource() != null) {
                deny(p, "'from', 'collect', 'accumulate' and entry points are not allowed; match the fact itself");
            }
            if (p.isQuery() || p.isUnification()) {
                deny(p, "query calls and unification are not allowed");
            }
            if (!p.getBehaviors().isEmpty() || !p.getAnnotations().isEmpty()) {
                deny(p, "pattern annotations and windows are not allowed");
            }
            if (p.getIdentifier() != null) {
                bound.put(p.getIdentifier(), type);
            }
        }
    }

    private static JavaParser parser() {
        ParserConfiguration conf = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setAttributeComments(false)
                .setLexicalPreservationEnabled(false); // tokens stay stored: they give every node its position
        return new JavaParser(conf);
    }

    /** The null literal's type while checking. */
    private static final class Null {}

    /**
     * Checks one consequence (a block) or one {@code eval} (an expression) against the vocabulary,
     * typing every expression so that each call is checked on its receiver's type.
     */
    private static final class JavaCheck {
        private final FileCheck f;
        private final int base;
        private final Map<String, Class<?>> bound;
        private final Deque<Map<String, Class<?>>> locals = new ArrayDeque<>();
        private String code = "";
        private int shift;
        private int[] lineStarts = {0};

        JavaCheck(FileCheck f, int base, Map<String, Class<?>> bound) {
            this.f = f;
            this.base = base;
            this.bound = bound;
        }

        void block(String text) {
            if (!setCode(text)) {
                return;
            }
            shift = 1;
            try {
                ParseResult<BlockStmt> r = f.javaParser.parse(ParseStart.BLOCK, Providers.provider("{" + text + "\n}"));
                if (!r.isSuccessful() || r.getResult().isEmpty()) {
                    parseError(r);
                    return;
                }
                statement(r.getResult().get(), 0);
            } catch (StackOverflowError e) {
                f.deny(base, "this consequence is nested too deeply to check; use local variables");
            }
        }

        void expression(String text) {
            if (!setCode(text)) {
                return;
            }
            shift = 0;
            try {
                ParseResult<Expression> r = f.javaParser.parse(ParseStart.EXPRESSION, Providers.provider(text));
                if (!r.isSuccessful() || r.getResult().isEmpty()) {
                    parseError(r);
                    return;
                }
                Class<?> t = type(r.getResult().get(), 0);
                if (t != null && t != boolean.class && t != Boolean.class) {
                    deny(r.getResult().get(), "eval(...) must be a yes/no test");
                }
            } catch (StackOverflowError e) {
                f.deny(base, "this eval is nested too deeply to check; use local variables in the consequence");
            }
        }

        private boolean setCode(String text) {
            if (text.length() > MAX_CODE) {
                f.deny(base, "a consequence or eval longer than " + MAX_CODE + " characters; split the rule");
                return false;
            }
            code = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
            return true;
        }

        private void parseError(ParseResult<?> r) {
            String message = r.getProblems().isEmpty()
                    ? "not Java"
                    : r.getProblems().get(0).getMessage();
            int offset = r.getProblems().isEmpty()
                    ? 0
                    : r.getProblems()
                            .get(0)
                            .getLocation()
                            .flatMap(l -> l.getBegin().getRange())
                            .map(range -> offset(range.begin))
                            .orElse(0);
            int nl = message.indexOf('\n');
            f.deny(
                    base + offset,
                    "not plain Java the guard can check: " + (nl < 0 ? message : message.substring(0, nl)) + "; "
                            + ALLOWED_SHAPE);
        }

        /** The offset in {@link #code} of a position in the parsed text. */
        private int offset(Position p) {
            int line = Math.max(1, Math.min(p.line, lineStarts.length));
            int col = p.column - 1 - (line == 1 ? shift : 0);
            return Math.max(0, Math.min(code.length(), lineStarts[line - 1] + Math.max(0, col)));
        }

        private void deny(Node n, String message) {
            int at = n.getBegin().map(this::offset).orElse(0);
            f.deny(base + at, message);
        }

        private Class<?> variable(String name) {
            for (Map<String, Class<?>> scope : locals) {
                if (scope.containsKey(name)) {
                    return scope.get(name);
                }
            }
            if (bound.containsKey(name)) {
                return bound.get(name);
            }
            return f.globals.get(name);
        }

        private boolean isLocal(String name) {
            return locals.stream().anyMatch(s -> s.containsKey(name));
        }

        void statement(Statement s, int depth) {
            if (depth > MAX_NESTING) {
                deny(s, "statements nested deeper than " + MAX_NESTING + " levels");
                return;
            }
            if (s instanceof BlockStmt b) {
                locals.push(new HashMap<>());
                b.getStatements().forEach(st -> statement(st, depth + 1));
                locals.pop();
            } else if (s instanceof ExpressionStmt es) {
                Expression e = es.getExpression();
                if (e instanceof VariableDeclarationExpr v) {
                    declare(v, depth);
                } else if (e instanceof AssignExpr a) {
                    assign(a, depth);
                } else if (e instanceof MethodCallExpr) {
                    type(e, depth + 1);
                } else {
                    deny(
                            e,
                            "this statement is not allowed; a consequence calls the vocabulary, e.g."
                                    + " verdict.check(...)");
                }
            } else if (s instanceof IfStmt i) {
                condition(i.getCondition(), depth);
                statement(i.getThenStmt(), depth + 1);
                i.getElseStmt().ifPresent(e -> statement(e, depth + 1));
            } else if (!(s instanceof EmptyStmt)) {
                deny(s, describe(s) + " is not allowed in a consequence; " + ALLOWED_SHAPE);
            }
        }

        private void condition(Expression c, int depth) {
            Class<?> t = type(c, depth + 1);
            if (t != null && t != boolean.class && t != Boolean.class) {
                deny(c, "a condition must be a yes/no test, e.g. truth.isUnknown()");
            }
        }

        private void declare(VariableDeclarationExpr v, int depth) {
            if (!v.getAnnotations().isEmpty()
                    || v.getModifiers().stream()
                            .anyMatch(m -> m.getKeyword() != com.github.javaparser.ast.Modifier.Keyword.FINAL)) {
                deny(v, "annotations and modifiers other than final are not allowed on local variables");
            }
            for (VariableDeclarator d : v.getVariables()) {
                Class<?> declared = localType(d.getType());
                if (declared == null) {
                    deny(
                            d.getType(),
                            "a local variable of type " + d.getType() + " is not allowed; local variables"
                                    + " hold vocabulary values (" + RuleVocabulary.names(Role.VALUE)
                                    + "), boolean or int");
                }
                d.getInitializer().ifPresent(init -> type(init, depth + 1));
                if (isLocal(d.getNameAsString())
                        || bound.containsKey(d.getNameAsString())
                        || f.globals.containsKey(d.getNameAsString())) {
                    deny(d, "'" + d.getNameAsString() + "' is already declared");
                }
                locals.peek().put(d.getNameAsString(), declared == null ? Object.class : declared);
            }
        }

        private Class<?> localType(Type t) {
            if (t instanceof PrimitiveType p) {
                return switch (p.getType()) {
                    case BOOLEAN -> boolean.class;
                    case INT -> int.class;
                    default -> null;
                };
            }
            if (t instanceof ClassOrInterfaceType c
                    && c.getScope().isEmpty()
                    && c.getTypeArguments().isEmpty()
                    && c.getAnnotations().isEmpty()) {
                Class<?> type = f.types.get(c.getNameAsString());
                return type != null
                                && RuleVocabulary.of(type)
                                        .map(e -> e.role() == Role.VALUE)
                                        .orElse(false)
                        ? type
                        : null;
            }
            return null;
        }

        private void assign(AssignExpr a, int depth) {
            if (a.getOperator() != AssignExpr.Operator.ASSIGN
                    || !(a.getTarget() instanceof NameExpr n)
                    || !isLocal(n.getNameAsString())) {
                deny(a, "only plain assignment (=) to a local variable of the consequence is allowed");
                return;
            }
            type(a.getValue(), depth + 1);
        }

        /** The static type of an allowed expression, or {@code null} when it was denied. */
        Class<?> type(Expression e, int depth) {
            if (depth > MAX_NESTING) {
                deny(e, "expressions nested deeper than " + MAX_NESTING + " levels; use local variables");
                return null;
            }
            if (e instanceof EnclosedExpr en) {
                return type(en.getInner(), depth + 1);
            }
            if (e instanceof StringLiteralExpr s && !e.isTextBlockLiteralExpr()) {
                if (s.getValue().length() > MAX_STRING) {
                    deny(e, "a string literal longer than " + MAX_STRING + " characters");
                    return null;
                }
                return String.class;
            }
            if (e instanceof IntegerLiteralExpr) {
                return int.class;
            }
            if (e instanceof LongLiteralExpr) {
                return long.class;
            }
            if (e instanceof BooleanLiteralExpr) {
                return boolean.class;
            }
            if (e instanceof NullLiteralExpr) {
                return Null.class;
            }
            if (e instanceof NameExpr n) {
                Class<?> t = variable(n.getNameAsString());
                if (t == null) {
                    String id = n.getNameAsString();
                    deny(
                            e,
                            f.types.containsKey(id)
                                    ? "type " + id + " is not a value; call its vocabulary members"
                                    : Character.isUpperCase(id.charAt(0))
                                            ? "type " + id + " is not in the rule vocabulary;"
                                                    + " rules name only the vocabulary types they import ("
                                                    + RuleVocabulary.names(Role.VALUE) + ")"
                                            : "unknown name '" + n.getNameAsString()
                                                    + "'; a consequence uses the globals ("
                                                    + String.join(", ", f.globals.keySet())
                                                    + "), the facts it binds and its local variables");
                }
                return t;
            }
            if (e instanceof MethodCallExpr m) {
                return call(m, depth);
            }
            if (e instanceof FieldAccessExpr fa) {
                return constant(fa);
            }
            if (e instanceof ObjectCreationExpr o) {
                return construct(o, depth);
            }
            if (e instanceof ConditionalExpr c) {
                condition(c.getCondition(), depth);
                Class<?> a = type(c.getThenExpr(), depth + 1);
                Class<?> b = type(c.getElseExpr(), depth + 1);
                return a == null || b == null ? null : a == Null.class ? b : a;
            }
            if (e instanceof UnaryExpr u) {
                if (u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
                    condition(u.getExpression(), depth);
                    return boolean.class;
                }
                if (u.getOperator() == UnaryExpr.Operator.MINUS
                        && (u.getExpression() instanceof IntegerLiteralExpr
                                || u.getExpression() instanceof LongLiteralExpr)) {
                    return type(u.getExpression(), depth + 1);
                }
                deny(e, "the operator " + u.getOperator().asString() + " is not allowed; " + ALLOWED_SHAPE);
                return null;
            }
            if (e instanceof BinaryExpr b) {
                switch (b.getOperator()) {
                    case AND, OR -> {
                        condition(b.getLeft(), depth);
                        condition(b.getRight(), depth);
                    }
                    case EQUALS, NOT_EQUALS -> {
                        type(b.getLeft(), depth + 1);
                        type(b.getRight(), depth + 1);
                    }
                    default -> {
                        deny(
                                e,
                                "the operator " + b.getOperator().asString()
                                        + " is not allowed (no arithmetic or string"
                                        + " building in rules; amounts come from parameters)");
                        return null;
                    }
                }
                return boolean.class;
            }
            deny(e, describe(e) + " is not allowed in a rule; " + ALLOWED_SHAPE);
            return null;
        }

        /** The vocabulary type a scope names as a type ({@code Truth} in {@code Truth.any(...)}), or null. */
        private Class<?> typeScope(Expression scope) {
            if (scope instanceof NameExpr n && variable(n.getNameAsString()) == null) {
                return f.types.get(n.getNameAsString());
            }
            return null;
        }

        private boolean qualifiedName(Expression scope) {
            return scope instanceof NameExpr n
                            && variable(n.getNameAsString()) == null
                            && !f.types.containsKey(n.getNameAsString())
                    || scope instanceof FieldAccessExpr fa && qualifiedName(fa.getScope());
        }

        private Class<?> call(MethodCallExpr m, int depth) {
            String name = m.getNameAsString();
            if (m.getTypeArguments().isPresent()) {
                deny(m, "type arguments on a call are not allowed");
                return null;
            }
            if (m.getScope().isEmpty()) {
                deny(
                        m,
                        "call of " + name + "(...) without a receiver is not allowed; call the vocabulary on a global,"
                                + " a bound fact or a value, e.g. verdict.check(...)");
                return null;
            }
            Expression scope = m.getScope().get();
            Class<?> staticType = typeScope(scope);
            Class<?> receiver;
            if (staticType != null) {
                receiver = staticType;
            } else if (scope instanceof FieldAccessExpr && qualifiedName(scope)) {
                deny(scope, "the name " + scope + " is not allowed; rules name only the vocabulary's imported types");
                return null;
            } else {
                receiver = type(scope, depth + 1);
                if (receiver == null) {
                    return null;
                }
            }
            List<Class<?>> args = new ArrayList<>();
            boolean argsOk = true;
            for (Expression a : m.getArguments()) {
                Class<?> t = type(a, depth + 1);
                argsOk &= t != null;
                args.add(t);
            }
            Optional<Entry> entry = RuleVocabulary.allowing(receiver, name);
            if (entry.isEmpty() || RuleVocabulary.constant(receiver, name).isPresent()) {
                deny(
                        m,
                        !hasEntry(receiver)
                                ? "a value of type " + simple(receiver) + " has no methods a rule may call (" + name
                                        + ")"
                                : "method " + simple(receiver) + "." + name + "(...) is not in the rule vocabulary; "
                                        + simple(receiver) + " allows " + allowed(receiver));
                return null;
            }
            List<Executable> candidates = new ArrayList<>();
            for (Method method : RuleVocabulary.methods(receiver, name)) {
                if (Modifier.isStatic(method.getModifiers()) == (staticType != null)) {
                    candidates.add(method);
                }
            }
            if (candidates.isEmpty()) {
                deny(
                        m,
                        staticType != null
                                ? simple(receiver) + "." + name + "(...) is not a static method; call it on a"
                                        + " value"
                                : simple(receiver) + "." + name + "(...) is static; call it as " + simple(receiver)
                                        + "." + name + "(...)");
                return null;
            }
            Executable chosen = choose(candidates, args);
            if (chosen == null) {
                deny(m, simple(receiver) + "." + name + "(...) takes other arguments");
                return null;
            }
            Class<?> returns = ((Method) chosen).getReturnType();
            for (Executable other : candidates) {
                if (((Method) other).getReturnType() != returns && fitsAll(other, args)) {
                    // the compiler might pick the other one: then what is called next would be checked on the wrong
                    // type
                    deny(m, simple(receiver) + "." + name + "(...) is ambiguous here; give its arguments plain types");
                    return null;
                }
            }
            return argsOk ? returns : null;
        }

        private static boolean hasEntry(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (RuleVocabulary.of(c).isPresent()) {
                    return true;
                }
            }
            return false;
        }

        private static String allowed(Class<?> type) {
            List<String> members = new ArrayList<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                RuleVocabulary.of(c)
                        .ifPresent(e -> e.members().stream()
                                .filter(x -> !x.equals(RuleVocabulary.NEW) && !x.equals(RuleVocabulary.CONSTANTS))
                                .sorted()
                                .forEach(members::add));
            }
            return members.isEmpty() ? "no methods" : String.join(", ", members);
        }

        private Class<?> constant(FieldAccessExpr fa) {
            Class<?> owner = typeScope(fa.getScope());
            String name = fa.getNameAsString();
            if (owner != null && RuleVocabulary.allowsConstant(owner, name)) {
                return RuleVocabulary.constant(owner, name).get().getType();
            }
            if (owner == null && qualifiedName(fa.getScope())) {
                deny(fa, "the name " + fa + " is not allowed; import the vocabulary type and name it simply");
            } else {
                deny(
                        fa,
                        "field " + fa + " is not allowed; rules read only the vocabulary's constants"
                                + " (Truth.TRUE, Occupation.COURIER, …)");
            }
            return null;
        }

        private Class<?> construct(ObjectCreationExpr o, int depth) {
            if (o.getAnonymousClassBody().isPresent()
                    || o.getScope().isPresent()
                    || o.getTypeArguments().isPresent()
                    || o.getType().getTypeArguments().isPresent()
                    || o.getType().getScope().isPresent()) {
                deny(o, "this object creation is not allowed; a rule may create only " + constructible());
                return null;
            }
            Class<?> type = f.types.get(o.getType().getNameAsString());
            if (type == null
                    || !RuleVocabulary.of(type)
                            .map(e -> e.allows(RuleVocabulary.NEW))
                            .orElse(false)) {
                deny(o, "new " + o.getType() + "(...) is not allowed; a rule may create only " + constructible());
                return null;
            }
            List<Class<?>> args = new ArrayList<>();
            boolean ok = true;
            for (Expression a : o.getArguments()) {
                Class<?> t = type(a, depth + 1);
                ok &= t != null;
                args.add(t);
            }
            List<Executable> candidates = new ArrayList<>(RuleVocabulary.constructors(type));
            if (choose(candidates, args) == null) {
                deny(o, "new " + type.getSimpleName() + "(...) takes other arguments");
                return null;
            }
            return ok ? type : null;
        }

        private static String constructible() {
            return String.join(
                    ", ",
                    RuleVocabulary.entries().stream()
                            .filter(e -> e.allows(RuleVocabulary.NEW))
                            .map(e -> e.type().getSimpleName())
                            .toList());
        }

        /** The candidate the arguments fit; the first of the right arity when the types cannot tell. */
        private static Executable choose(List<Executable> candidates, List<Class<?>> args) {
            Executable first = null;
            for (Executable c : candidates) {
                if (!arity(c, args)) {
                    continue;
                }
                if (fitsAll(c, args)) {
                    return c;
                }
                if (first == null) {
                    first = c;
                }
            }
            return first;
        }

        private static boolean arity(Executable c, List<Class<?>> args) {
            int n = c.getParameterCount();
            return c.isVarArgs() ? args.size() >= n - 1 : args.size() == n;
        }

        /** Whether every argument may be passed to {@code c} (unknown argument types fit anything). */
        private static boolean fitsAll(Executable c, List<Class<?>> args) {
            if (!arity(c, args)) {
                return false;
            }
            Class<?>[] params = c.getParameterTypes();
            for (int i = 0; i < args.size(); i++) {
                Class<?> p = c.isVarArgs() && i >= params.length - 1
                        ? params[params.length - 1].getComponentType()
                        : params[i];
                if (!fits(p, args.get(i))
                        && !(c.isVarArgs()
                                && i == params.length - 1
                                && args.size() == params.length
                                && fits(params[i], args.get(i)))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean fits(Class<?> param, Class<?> arg) {
            if (arg == null || arg == Object.class) {
                return true; // unknown: leave it to the compiler
            }
            if (arg == Null.class) {
                return !param.isPrimitive();
            }
            if (param.isPrimitive() || arg.isPrimitive()) {
                return box(param) == box(arg)
                        || box(param) == Long.class && box(arg) == Integer.class
                        || param == Object.class;
            }
            return param.isAssignableFrom(arg);
        }

        private static Class<?> box(Class<?> c) {
            return c == int.class
                    ? Integer.class
                    : c == long.class ? Long.class : c == boolean.class ? Boolean.class : c;
        }

        private static String simple(Class<?> c) {
            return c.getSimpleName();
        }
    }

    /** A construct's name for a message: "a while loop", "a lambda", … */
    static String describe(Node n) {
        String kind = n.getClass().getSimpleName();
        return switch (kind) {
            case "WhileStmt" -> "a while loop";
            case "DoStmt" -> "a do loop";
            case "ForStmt", "ForEachStmt" -> "a for loop";
            case "TryStmt" -> "try";
            case "ThrowStmt" -> "throw";
            case "ReturnStmt" -> "return";
            case "SwitchStmt", "SwitchExpr" -> "switch";
            case "SynchronizedStmt" -> "synchronized";
            case "LocalClassDeclarationStmt", "LocalRecordDeclarationStmt" -> "a class declaration";
            case "LabeledStmt", "BreakStmt", "ContinueStmt", "YieldStmt" -> "a jump (label, break, continue, yield)";
            case "AssertStmt" -> "assert";
            case "LambdaExpr" -> "a lambda";
            case "MethodReferenceExpr" -> "a method reference";
            case "ArrayCreationExpr", "ArrayAccessExpr", "ArrayInitializerExpr" -> "an array";
            case "CastExpr" -> "a cast";
            case "InstanceOfExpr" -> "instanceof";
            case "ClassExpr" -> "a class literal";
            case "ThisExpr" -> "this";
            case "SuperExpr" -> "super";
            case "TextBlockLiteralExpr" -> "a text block";
            case "CharLiteralExpr" -> "a character literal";
            case "DoubleLiteralExpr" -> "a decimal literal (amounts come from parameters)";
            case "AssignExpr" -> "an assignment inside an expression";
            case "VariableDeclarationExpr" -> "a variable declaration inside an expression";
            default -> "'" + kind.replaceAll("(Expr|Stmt)$", "") + "'";
        };
    }
}
