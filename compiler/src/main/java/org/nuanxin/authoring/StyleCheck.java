package org.nuanxin.authoring;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Providers;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.nuanxin.RuleProblem;
import org.nuanxin.RuleProblem.Severity;
import org.nuanxin.compiler.RuleGuard;

/**
 * The policy author's style, checked by the linter on rules the guard accepted: rule files hold the
 * package line and rules, and each rule states its criterion as one vocabulary expression with every
 * figure in the data. Warnings, located at the line; the bundled regions have none.
 *
 * <ul>
 *   <li>An import or global the prelude gives every rule file ({@link RuleGuard#preludeTypes()},
 *       {@link RuleGuard#GLOBALS}) is redundant; an import no rule uses is unused.</li>
 *   <li>A consequence is one statement, a call on {@code verdict} ({@code verdict.check(…)},
 *       {@code verdict.pay…(…)}, {@code verdict.value(…)}): local variables, {@code if} and a second
 *       statement mean the criterion belongs in the vocabulary, or in two rules.</li>
 *   <li>A benefit code written as a string in a rule belongs in the catalogue ({@code limit:} says how
 *       often a benefit is granted); a number other than 0 and 1 (an amount, an age, a count) is a
 *       parameter.</li>
 * </ul>
 */
final class StyleCheck {

    private StyleCheck() {}

    /**
     * The style problems of one rule file.
     *
     * @param pkg   the guard's parse of the file (with the prelude added; what the file declares has a line)
     * @param codes the region's benefit codes
     */
    static List<RuleProblem> check(String file, PackageDescr pkg, Set<String> codes) {
        List<RuleProblem> out = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        for (RuleDescr r : pkg.getRules()) {
            code.append(r.getConsequence()).append('\n');
            r.getLhs().getDescrs().forEach(d -> code.append(d.getText()).append('\n'));
        }
        for (ImportDescr i : pkg.getImports()) {
            if (i.getLine() <= 0) {
                continue; // the prelude's
            }
            String target = i.getTarget().strip();
            String simple = target.substring(target.lastIndexOf('.') + 1);
            if (simple.equals("*")
                    || RuleGuard.preludeTypes().stream()
                            .anyMatch(t -> t.getName().equals(target))) {
                out.add(warning(
                        file,
                        i,
                        "",
                        "import " + target + " is not needed: every rule file has the"
                                + " vocabulary's types (Profile, Trip, Stay, Arrears, Truth, Place, the model's enumerations);"
                                + " remove this line"));
            } else if (!code.toString().matches("(?s).*\\b" + java.util.regex.Pattern.quote(simple) + "\\b.*")) {
                out.add(warning(file, i, "", "import " + target + " is not used by any rule of this file; remove it"));
            }
        }
        for (GlobalDescr g : pkg.getGlobals()) {
            if (g.getLine() > 0 && RuleGuard.GLOBALS.containsKey(g.getIdentifier())) {
                out.add(warning(
                        file,
                        g,
                        "",
                        "global " + g.getIdentifier() + " is declared for every rule file;" + " remove this line"));
            }
        }
        JavaParser parser =
                new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        for (RuleDescr r : pkg.getRules()) {
            String rule = r.getName();
            ParseResult<BlockStmt> block =
                    parser.parse(ParseStart.BLOCK, Providers.provider("{" + r.getConsequence() + "}"));
            if (block.getResult().isEmpty()) {
                continue; // the guard reports what does not parse
            }
            List<Statement> statements = block.getResult().get().getStatements();
            boolean one = statements.size() == 1
                    && statements.get(0) instanceof ExpressionStmt e
                    && e.getExpression() instanceof MethodCallExpr call
                    && call.getScope()
                            .filter(s -> s instanceof NameExpr n
                                    && n.getNameAsString().equals("verdict"))
                            .isPresent();
            if (!one) {
                out.add(warning(
                        file,
                        r,
                        rule,
                        "the consequence is "
                                + (statements.size() == 1 ? "not a call on verdict" : statements.size() + " statements")
                                + "; a rule states its criterion as one vocabulary"
                                + " expression, verdict.check(…), verdict.pay…(…) or verdict.value(…): move a recurring"
                                + " criterion into the vocabulary, or split the rule"));
            }
            List<String> texts = new ArrayList<>();
            texts.add(r.getConsequence().toString());
            r.getLhs().getDescrs().stream()
                    .filter(d -> d instanceof EvalDescr)
                    .forEach(d -> texts.add(String.valueOf(((EvalDescr) d).getContent())));
            for (String t : texts) {
                ParseResult<BlockStmt> parsed = t == r.getConsequence().toString()
                        ? block
                        : parser.parse(ParseStart.BLOCK, Providers.provider("{" + t + ";}"));
                parsed.getResult().ifPresent(b -> {
                    for (StringLiteralExpr s : b.findAll(StringLiteralExpr.class)) {
                        if (codes.contains(s.getValue())) {
                            out.add(warning(
                                    file,
                                    r,
                                    rule,
                                    "the benefit code " + s.getValue() + " is written in the"
                                            + " rule; say how often the benefit is granted in benefits.yaml (limit: once_a_year,"
                                            + " once_a_year_of_trip, once_in_programme, once_since)"));
                        }
                    }
                    for (LiteralStringValueExpr n : b.findAll(LiteralStringValueExpr.class)) {
                        if ((n instanceof IntegerLiteralExpr
                                        || n instanceof LongLiteralExpr
                                        || n instanceof DoubleLiteralExpr)
                                && !n.getValue().equals("0")
                                && !n.getValue().equals("1")) {
                            out.add(warning(
                                    file,
                                    r,
                                    rule,
                                    "the number " + n.getValue() + " is written in the rule;"
                                            + " amounts, ages, counts and dates are parameters (parameters.yaml), read with"
                                            + " params.money(\"…\"), params.integer(\"…\")…"));
                        }
                    }
                });
            }
        }
        return out;
    }

    private static RuleProblem warning(String file, BaseDescr d, String rule, String message) {
        return new RuleProblem(
                file,
                Math.max(d.getLine(), 0),
                Math.max(d.getColumn(), 0) + 1,
                Severity.WARNING,
                rule,
                "style: " + message);
    }
}
