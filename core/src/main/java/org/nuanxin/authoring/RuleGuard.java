package org.nuanxin.authoring;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nuanxin.RuleProblem;
import org.nuanxin.RuleProblem.Severity;
import org.nuanxin.model.Certificate;
import org.nuanxin.model.CertificateKind;
import org.nuanxin.model.Child;
import org.nuanxin.model.Claim;
import org.nuanxin.model.Event;
import org.nuanxin.model.Gender;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Money;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.Place;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.WageArrears;
import org.nuanxin.rules.AmountField;
import org.nuanxin.rules.Arrears;
import org.nuanxin.rules.Context;
import org.nuanxin.rules.DateField;
import org.nuanxin.rules.Field;
import org.nuanxin.rules.Flag;
import org.nuanxin.rules.NumberField;
import org.nuanxin.rules.Params;
import org.nuanxin.rules.PlaceField;
import org.nuanxin.rules.Profile;
import org.nuanxin.rules.Stay;
import org.nuanxin.rules.Trip;
import org.nuanxin.rules.Truth;
import org.nuanxin.rules.Verdict;

/**
 * Rules are code: before a folder of DRL is compiled, the guard rejects anything outside the rule
 * vocabulary. It is an allow-list: a rule file may import only the library's rule and model types
 * and a few value types ({@code LocalDate}, {@code BigDecimal}, …), name only those types, and call
 * only their public methods and Drools' own operations. On top of that it refuses, wherever they
 * appear, the names of the dangerous parts of the JDK (System, Runtime, processes, reflection, class
 * loading, files, network, threads), Drools' session internals ({@code drools}, {@code kcontext}),
 * functions, loops, the MVEL dialect and unicode escapes (which the Java compiler decodes before it
 * reads a string literal).
 *
 * <p>The guard reads the text, not the compiled rules, so it reports the author's file, line and
 * column. It is deliberately strict: a legitimate rule that trips it should be written with the
 * vocabulary instead.
 */
public final class RuleGuard {

    /** The rule vocabulary: the only types a rule file may import or name, by simple name. */
    private static final List<Class<?>> VOCABULARY = List.of(
            Truth.class, Field.class, Flag.class, PlaceField.class, DateField.class, NumberField.class,
            AmountField.class, Profile.class, Trip.class, Stay.class, Arrears.class, Context.class, Params.class,
            Verdict.class, Place.class, Occupation.class, Gender.class, MedicalInsurance.class, SchoolStage.class,
            CertificateKind.class, TripReason.class, Child.class, Certificate.class, Claim.class, Money.class,
            Event.class, HomecomingTrip.class, Hospitalisation.class, WageArrears.class,
            LocalDate.class, MonthDay.class, Month.class, BigDecimal.class, List.class, Set.class, Collection.class);

    /** Types of java.lang a rule may name without importing them. */
    private static final List<Class<?>> JAVA_LANG = List.of(String.class, Integer.class, Long.class,
            Boolean.class, Math.class);

    /** Packages whose classes a rule file may import. */
    private static final Set<String> IMPORTABLE_PACKAGES = Set.of("org.nuanxin.rules", "org.nuanxin.model");

    /** Names refused wherever they appear: the dangerous parts of the JDK and of Drools. */
    private static final Set<String> DENIED = Set.of(
            "System", "Runtime", "ProcessBuilder", "ProcessHandle", "Process", "Thread", "ThreadLocal",
            "ThreadGroup", "Class", "ClassLoader", "getClassLoader", "getContextClassLoader",
            "getSystemClassLoader", "getClass", "forName", "newInstance", "invoke", "invokeExact", "getMethod",
            "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields",
            "getField", "getFields", "getConstructor", "getDeclaredConstructor", "setAccessible", "MethodHandles",
            "MethodHandle", "Proxy", "reflect", "exec", "exit", "halt", "load", "loadLibrary", "getenv",
            "getProperty", "setProperty", "getRuntime", "Files", "File", "Paths", "Path", "FileInputStream",
            "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "PrintStream", "Socket",
            "ServerSocket", "URL", "URI", "HttpClient", "InetAddress", "ObjectInputStream", "ObjectOutputStream",
            "Executors", "ExecutorService", "CompletableFuture", "ForkJoinPool", "Timer", "ScriptEngineManager",
            "Unsafe", "SecurityManager", "drools", "kcontext", "getKieRuntime", "getKieBase",
            "getWorkingMemory", "getEntryPoint", "sleep", "wait", "notify", "notifyAll", "synchronized",
            "native", "volatile", "transient", "class", "function", "interface", "while", "for", "do",
            "serialVersionUID");

    /** Package roots that start a fully-qualified name. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net",
            "io", "jakarta", "kotlin", "scala", "groovy", "mvel", "mvel2");

    /** DRL and Java keywords and Drools operations a rule may use. */
    private static final Set<String> KEYWORDS = Set.of("package", "import", "global", "rule", "when", "then",
            "end", "not", "exists", "forall", "eval", "from", "collect", "accumulate", "init", "action", "reverse",
            "result", "over", "salience", "enabled", "query", "declare", "extends", "and", "or", "in", "matches",
            "contains", "memberOf", "soundslike", "str", "this", "true", "false", "null", "new", "return", "if",
            "else", "switch", "case", "default", "break", "continue", "final", "var", "instanceof", "int", "long",
            "boolean", "double", "float", "short", "byte", "char", "void", "modify", "update", "insert",
            "insertLogical", "retract", "delete", "count", "sum", "min", "max", "average", "collectList",
            "collectSet", "try", "catch", "finally", "throw", "attributes", "dialect", "duration", "timer",
            "ruleflow", "group", "activation", "lock", "active", "loop", "no", "auto", "focus", "date",
            "effective", "expires", "calendars", "entry", "point", "window", "unit");

    /** Operations that may be called without a receiver. */
    private static final Set<String> BARE_CALLS = Set.of("not", "exists", "forall", "eval", "accumulate",
            "collect", "count", "sum", "min", "max", "average", "collectList", "collectSet", "insert",
            "insertLogical", "update", "modify", "retract", "delete", "init", "action", "reverse", "result",
            "if", "switch", "return", "catch", "and", "or", "over", "from", "in", "contains", "matches",
            "memberOf", "soundslike", "str", "window", "entry");

    private static final Map<String, Class<?>> TYPES = new HashMap<>();
    private static final Set<String> METHODS = new HashSet<>();

    static {
        for (Class<?> c : VOCABULARY) {
            TYPES.put(c.getSimpleName(), c);
        }
        for (Class<?> c : JAVA_LANG) {
            TYPES.put(c.getSimpleName(), c);
        }
        List<Class<?>> all = new ArrayList<>(VOCABULARY);
        all.addAll(JAVA_LANG);
        all.add(Enum.class);
        all.add(Comparable.class);
        for (Class<?> c : all) {
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() != Object.class && Modifier.isPublic(m.getModifiers())) {
                    METHODS.add(m.getName());
                }
            }
        }
        METHODS.addAll(Set.of("equals", "hashCode", "toString", "compareTo"));
        METHODS.removeAll(DENIED);
    }

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([^;\\n]*?)\\s*;?\\s*$");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^\\s*global\\s+([\\w.$]+)\\s+[\\w$]+\\s*;?");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;?");
    private static final Pattern DIALECT_MVEL = Pattern.compile("\\bdialect\\s+\"mvel\"");
    private static final Pattern DECLARE = Pattern.compile("\\bdeclare\\s+(\\w+)");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private RuleGuard() {
    }

    /** Whether the guard lets this file through. */
    public static boolean accepts(String text) {
        return check("drl", text).isEmpty();
    }

    /**
     * Every construct of the file outside the allow-list, as errors located at the author's line and
     * column. An empty list means the file may be compiled.
     */
    public static List<RuleProblem> check(String file, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        DrlSource src = new DrlSource(text);
        String original = src.original();
        int escape = original.indexOf("\\u");
        if (escape >= 0) {
            problems.add(problem(file, src, escape, "unicode escapes (\\u…) are not allowed in rule files; write the"
                    + " character itself (files are UTF-8)"));
        }
        Matcher mvel = DIALECT_MVEL.matcher(original);
        if (mvel.find()) {
            problems.add(problem(file, src, mvel.start(), "the MVEL dialect is not allowed; rules use the Java dialect"));
        }
        String code = src.code();
        Set<String> types = new HashSet<>();
        StringBuilder masked = new StringBuilder(code);
        mask(masked, PACKAGE.matcher(code));
        Matcher imp = IMPORT.matcher(code);
        while (imp.find()) {
            String target = imp.group(1).trim();
            String error = importError(target, types);
            if (error != null) {
                problems.add(problem(file, src, imp.start(1), error));
            }
            mask(masked, imp.start(), imp.end());
        }
        Matcher glob = GLOBAL.matcher(code);
        while (glob.find()) {
            String type = glob.group(1);
            String simple = type.substring(type.lastIndexOf('.') + 1);
            boolean ok = type.contains(".") ? IMPORTABLE_PACKAGES.contains(type.substring(0, type.lastIndexOf('.')))
                    && TYPES.containsKey(simple) : types.contains(simple) || TYPES.containsKey(simple) && isVocabulary(simple);
            if (!ok) {
                problems.add(problem(file, src, glob.start(1), "global of type " + type + " is not allowed; globals"
                        + " are the rule vocabulary's Verdict, Params and Context"));
            }
            mask(masked, glob.start(1), glob.end(1));
        }
        Matcher declare = DECLARE.matcher(code);
        while (declare.find()) {
            types.add(declare.group(1));
        }
        scan(file, src, masked.toString(), types, problems);
        return problems;
    }

    private static boolean isVocabulary(String simple) {
        return VOCABULARY.stream().anyMatch(c -> c.getSimpleName().equals(simple));
    }

    private static String importError(String target, Set<String> types) {
        if (target.startsWith("static ") || target.startsWith("function ") || target.startsWith("accumulate ")) {
            return "'import " + target + "' is not allowed; rules call only the rule vocabulary";
        }
        int dot = target.lastIndexOf('.');
        if (dot < 0) {
            return "import of " + target + " is not allowed";
        }
        String pkg = target.substring(0, dot);
        String name = target.substring(dot + 1);
        if (name.equals("*")) {
            if (IMPORTABLE_PACKAGES.contains(pkg)) {
                VOCABULARY.stream().filter(c -> c.getPackageName().equals(pkg))
                        .forEach(c -> types.add(c.getSimpleName()));
                return null;
            }
            return "import of " + target + " is not allowed; rule files import org.nuanxin.rules.*,"
                    + " org.nuanxin.model.* and value types such as java.time.LocalDate";
        }
        Class<?> c = TYPES.get(name);
        if (c != null && c.getName().equals(target) && isVocabulary(name)) {
            types.add(name);
            return null;
        }
        return "import of " + target + " is not allowed; rule files import the rule vocabulary"
                + " (org.nuanxin.rules, org.nuanxin.model) and value types such as java.time.LocalDate";
    }

    private static void scan(String file, DrlSource src, String code, Set<String> imported, List<RuleProblem> problems) {
        Matcher m = IDENT.matcher(code);
        while (m.find()) {
            String id = m.group();
            int at = m.start();
            char before = previousNonSpace(code, at);
            char after = nextNonSpace(code, m.end());
            if (before == '@') {
                continue;                                       // metadata name
            }
            if (DENIED.contains(id)) {
                problems.add(problem(file, src, at, "'" + id + "' is not allowed in rules (no system access, reflection,"
                        + " class loading, files, network, threads, loops, functions or Drools internals)"));
                continue;
            }
            if (before == '.') {
                if (after == '(' && !METHODS.contains(id)) {
                    problems.add(problem(file, src, at, "call of method '" + id + "' is not allowed; rules call only"
                            + " methods of the rule vocabulary"));
                }
                continue;
            }
            if (PACKAGE_ROOTS.contains(id) && after == '.') {
                String path = dotted(code, at);
                boolean ok = IMPORTABLE_PACKAGES.stream().anyMatch(p -> path.startsWith(p + "."))
                        && TYPES.containsKey(path.substring(path.lastIndexOf('.') + 1));
                if (!ok) {
                    problems.add(problem(file, src, at, "fully-qualified name " + path + " is not allowed; rules name"
                            + " only the rule vocabulary"));
                }
                skipDotted(m, code, at);
                continue;
            }
            if (Character.isUpperCase(id.charAt(0))) {
                if (!imported.contains(id) && !(TYPES.containsKey(id) && JAVA_LANG.contains(TYPES.get(id)))) {
                    problems.add(problem(file, src, at, "type " + id + " is not allowed; rules name only the types"
                            + " they import from the rule vocabulary"));
                }
                continue;
            }
            if (after == '(' && !id.startsWith("$") && !BARE_CALLS.contains(id) && !KEYWORDS.contains(id)) {
                problems.add(problem(file, src, at, "call of '" + id + "' is not allowed; rules call only the rule"
                        + " vocabulary and Drools operations"));
            }
        }
    }

    private static String dotted(String code, int at) {
        int i = at;
        while (i < code.length() && (Character.isJavaIdentifierPart(code.charAt(i)) || code.charAt(i) == '.'
                || code.charAt(i) == ' ' && i + 1 < code.length() && code.charAt(i + 1) == '.')) {
            i++;
        }
        return code.substring(at, i).replace(" ", "");
    }

    private static void skipDotted(Matcher m, String code, int at) {
        int end = at + dotted(code, at).length();
        while (end < code.length() && (Character.isJavaIdentifierPart(code.charAt(end)) || code.charAt(end) == '.')) {
            end++;
        }
        m.region(Math.min(end, code.length()), code.length());
    }

    private static char previousNonSpace(String s, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!Character.isWhitespace(s.charAt(j))) {
                return s.charAt(j);
            }
        }
        return 0;
    }

    private static char nextNonSpace(String s, int i) {
        for (int j = i; j < s.length(); j++) {
            if (!Character.isWhitespace(s.charAt(j))) {
                return s.charAt(j);
            }
        }
        return 0;
    }

    private static void mask(StringBuilder b, Matcher m) {
        while (m.find()) {
            mask(b, m.start(), m.end());
        }
    }

    private static void mask(StringBuilder b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b.charAt(i) != '\n') {
                b.setCharAt(i, ' ');
            }
        }
    }

    private static RuleProblem problem(String file, DrlSource src, int offset, String message) {
        return new RuleProblem(file, src.line(offset), src.column(offset), Severity.ERROR, "", "guard: " + message);
    }
}
