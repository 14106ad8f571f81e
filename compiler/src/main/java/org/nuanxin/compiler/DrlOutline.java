package org.nuanxin.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.drl.parser.antlr4.DRL10Parser;
import org.drools.drl.parser.antlr4.DRL10ParserHelper;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.nuanxin.RuleProblem;
import org.nuanxin.RuleProblem.Severity;
import org.nuanxin.internal.DrlSource;

/**
 * A DRL file as its parser sees it: the rules it declares with their lines, and the parse errors at
 * a language level. Used to point problems found in compiled rules back at the author's line, and to
 * check that today's files will parse at the next language level (DRL10).
 *
 * @param ruleLines rule name → 1-based line of its {@code rule} keyword
 * @param errors    parse errors, located
 */
public record DrlOutline(Map<String, Integer> ruleLines, List<RuleProblem> errors) {

    /** Parses {@code text} at the default language level (DRL6). */
    public static DrlOutline of(String file, String text) {
        return of(file, text, LanguageLevelOption.DRL6);
    }

    /**
     * Parses {@code text} with the next language level's parser (DRL10, ANTLR4), which will become
     * the default: only its syntax errors are reported. The parser is driven directly so that its
     * errors are collected instead of printed on the console.
     */
    public static DrlOutline ofDrl10(String file, String text) {
        List<RuleProblem> errors = new ArrayList<>();
        BaseErrorListener collect = new BaseErrorListener() {
            @Override
            public void syntaxError(
                    Recognizer<?, ?> recognizer,
                    Object symbol,
                    int line,
                    int column,
                    String msg,
                    RecognitionException e) {
                errors.add(new RuleProblem(
                        file, line, column + 1, Severity.ERROR, "", "does not parse at language level DRL10: " + msg));
            }
        };
        try {
            DRL10Parser parser = DRL10ParserHelper.createDrlParser(withoutMetadata(text));
            parser.removeErrorListeners();
            parser.addErrorListener(collect);
            if (parser.getTokenStream().getTokenSource() instanceof Lexer lexer) {
                lexer.removeErrorListeners();
                lexer.addErrorListener(collect);
            }
            parser.compilationUnit();
        } catch (RuntimeException | StackOverflowError e) {
            errors.add(new RuleProblem(
                    file,
                    0,
                    0,
                    Severity.ERROR,
                    "",
                    "does not parse at language level DRL10: " + e.getClass().getSimpleName()));
        }
        return new DrlOutline(Map.of(), List.copyOf(errors));
    }

    /** The rule lines of a package the rule guard already parsed; no parse errors (it had none). */
    public static DrlOutline of(PackageDescr pkg) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (RuleDescr r : pkg.getRules()) {
            lines.put(r.getName(), Math.max(r.getLine(), 0));
        }
        return new DrlOutline(lines, List.of());
    }

    private static DrlOutline of(String file, String text, LanguageLevelOption level) {
        DrlParser parser = new DrlParser(level);
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<RuleProblem> errors = new ArrayList<>();
        String prefix = "";
        try {
            PackageDescr pkg = parser.parse(false, text);
            if (pkg != null) {
                for (RuleDescr r : pkg.getRules()) {
                    lines.put(r.getName(), Math.max(r.getLine(), 0));
                }
            }
        } catch (DroolsParserException | RuntimeException | StackOverflowError e) {
            errors.add(new RuleProblem(
                    file, 0, 0, Severity.ERROR, "", prefix + e.getClass().getSimpleName()));
        }
        for (DroolsError e : parser.getErrors()) {
            int line = e instanceof ParserError p ? Math.max(p.getRow(), 0) : lineOf(e);
            int col = e instanceof ParserError p ? Math.max(p.getCol(), 0) : 0;
            errors.add(new RuleProblem(file, line, col, Severity.ERROR, "", prefix + e.getMessage()));
        }
        return new DrlOutline(lines, List.copyOf(errors));
    }

    private static final java.util.regex.Pattern METADATA =
            java.util.regex.Pattern.compile("@[A-Za-z_][A-Za-z0-9_]*\\s*\\(\\s*\"[^\"\\n]*\"\\s*\\)");

    /**
     * The text with rule metadata ({@code @zh("…")}) blanked, lines and columns kept. Drools 10.2's
     * DRL10 parser lets an annotation's chunk swallow the rest of the rule up to {@code then}
     * (apache/incubator-kie-drools#6237), which would hide every error of the conditions; metadata
     * of this simple form parses the same at both levels, so nothing is lost by leaving it out.
     */
    static String withoutMetadata(String text) {
        String code = new DrlSource(text).code();
        StringBuilder out = new StringBuilder(text);
        java.util.regex.Matcher m = METADATA.matcher(code);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    private static int lineOf(DroolsError e) {
        int[] lines = e.getLines();
        return lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
    }

    /** The line of a rule, or 0 when the parser did not see it. */
    public int line(String rule) {
        return ruleLines.getOrDefault(rule, 0);
    }
}
