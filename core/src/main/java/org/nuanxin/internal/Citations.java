package org.nuanxin.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nuanxin.RuleProblem;
import org.nuanxin.RuleProblem.Severity;
import org.nuanxin.spi.RuleFiles;

/**
 * Checks a rule folder's citations of assumptions against its register ({@code assumptions.yaml}):
 * an id cited anywhere in the folder — a rule's metadata or comments, a parameter's source or note,
 * the catalogue — that the register does not define is an error (the explanation would cite nothing);
 * an id the register defines that nothing cites is a warning.
 */
public final class Citations {

    /** An assumption id in running text, not part of a longer word or number. */
    private static final Pattern CITED =
            Pattern.compile("(?<![A-Za-z0-9_-])" + RegionData.ASSUMPTION_ID + "(?![A-Za-z0-9_])");

    private Citations() {}

    /** The problems of {@code files}' citations, given the register {@code data} read from them. */
    public static List<RuleProblem> check(RuleFiles files, RegionData data) {
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> cited = new HashSet<>();
        boolean register = files.files().containsKey(RuleFiles.ASSUMPTIONS);
        for (Map.Entry<String, String> f : files.files().entrySet()) {
            if (f.getKey().equals(RuleFiles.ASSUMPTIONS)) {
                continue;
            }
            String text = f.getValue();
            Matcher m = CITED.matcher(text);
            int line = 1;
            int lineStart = 0;
            int scanned = 0;
            while (m.find()) {
                for (int i = scanned; i < m.start(); i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                scanned = m.start();
                String id = m.group();
                cited.add(id);
                if (!data.assumptions().containsKey(id)) {
                    problems.add(new RuleProblem(
                            f.getKey(),
                            line,
                            m.start() - lineStart + 1,
                            Severity.ERROR,
                            "",
                            "cites assumption " + id + ", which "
                                    + (register
                                            ? RuleFiles.ASSUMPTIONS + " does not define"
                                            : "no " + RuleFiles.ASSUMPTIONS + " of the rule folder defines")
                                    + "; define it there"
                                    + " (" + id + ": {zh: …, en: …, source: …}) or correct the id"));
                }
            }
        }
        for (String id : data.assumptions().keySet()) {
            if (!cited.contains(id)) {
                problems.add(new RuleProblem(
                        RuleFiles.ASSUMPTIONS,
                        data.lines().getOrDefault("assumption:" + id, 0),
                        0,
                        Severity.WARNING,
                        "",
                        "assumption " + id + " is cited nowhere (rules, parameters.yaml,"
                                + " benefits.yaml); cite it where the rules rely on it, or remove it"));
            }
        }
        return problems;
    }
}
