package org.nuanxin.internal;

import java.util.List;
import org.nuanxin.Benefit;

/**
 * The criteria a benefit's catalogue entry declares instead of a rule — what it gives
 * ({@code about_zh}/{@code about_en}), {@code serves: everyone} and {@code limit: once_a_year} and its
 * kin — written as the rules a policy author would otherwise have written by hand. They are compiled with the region's own rules, through the rule guard, into
 * the same executable model, so they run and explain exactly as rules do; their reasons name the
 * benefit and the declared criterion, and cite the benefit's source and clause.
 *
 * <p>The text is made from the catalogue alone and is the same every time, so that a region jar
 * (which compiled it at build time) and a rule folder (compiled at run time) agree.
 */
public final class Declarations {

    /** The criterion a benefit's {@code about_zh}/{@code about_en} becomes: what it gives, always met. */
    static final String ABOUT = "说明";

    /** The file the declared criteria are reported in: they come from the catalogue. */
    static final String FILE = "benefits.yaml";

    private Declarations() {}

    /** Whether any benefit declares a criterion. */
    public static boolean any(List<Benefit> benefits) {
        return benefits.stream()
                .anyMatch(b -> b.servesEveryone()
                        || b.limit() != Benefit.Limit.NONE
                        || !b.aboutZh().isEmpty());
    }

    /** The declared criteria of {@code benefits} as DRL of package {@code pkg}, one rule each. */
    public static String drl(String pkg, List<Benefit> benefits) {
        StringBuilder out = new StringBuilder("package ").append(pkg).append(";\n");
        for (Benefit b : benefits) {
            if (!b.aboutZh().isEmpty()) {
                rule(out, b, ABOUT, "Profile()", "verdict.check(Truth.TRUE);", b.aboutZh(), b.aboutEn(), "", "");
            } else if (b.servesEveryone()) {
                rule(
                        out,
                        b,
                        "面向全体服务对象",
                        "Profile()",
                        "verdict.check(Truth.TRUE);",
                        b.nameZh() + "面向全体服务对象，没有其他条件",
                        b.nameEn() + ": offered to every worker the programme covers, with no condition of its own",
                        "",
                        "");
            }
            String code = quoted(b.code());
            switch (b.limit()) {
                case NONE -> {}
                case ONCE_A_YEAR ->
                    rule(
                            out,
                            b,
                            "每年一次",
                            "Profile()",
                            "verdict.check(ctx.noClaimInYear(" + code + ", ctx.asOf()));",
                            "今年（${year}年）尚未享受过" + b.nameZh() + "（每年一次）",
                            "not yet granted this year (${year}): " + b.nameEn() + " is once a year",
                            "今年（${year}年）已享受过" + b.nameZh() + "，每年一次",
                            "already granted this year (${year}): " + b.nameEn() + " is once a year");
                case ONCE_A_YEAR_OF_TRIP ->
                    rule(
                            out,
                            b,
                            "每年一次",
                            "$t : Trip()",
                            "verdict.check($t, ctx.noClaimInYearOf(" + code + ", $t.date()));",
                            "返乡当年尚未享受过" + b.nameZh() + "（每年一次）",
                            "not yet granted in the year of the trip: " + b.nameEn() + " is once a year",
                            "返乡当年已享受过" + b.nameZh() + "，每年一次",
                            "already granted in the year of the trip: " + b.nameEn() + " is once a year");
                case ONCE_IN_PROGRAMME ->
                    rule(
                            out,
                            b,
                            "实施期内一次",
                            "Profile()",
                            "verdict.check(ctx.noClaimBetween(" + code + ", params.date(\"programme.start\"),"
                                    + " params.date(\"programme.end\")));",
                            "实施期内尚未享受过" + b.nameZh() + "（实施期内一次）",
                            "not yet granted during the programme: " + b.nameEn() + " is once per programme",
                            "实施期内已享受过" + b.nameZh() + "，实施期内只有一次",
                            "already granted during the programme: " + b.nameEn() + " is once per programme");
                case ONCE_SINCE ->
                    rule(
                            out,
                            b,
                            "只有一次",
                            "Profile()",
                            "verdict.check(ctx.noClaimBetween(" + code + ", params.date(" + quoted(b.limitFrom())
                                    + "), ctx.asOf()));",
                            "自${param." + b.limitFrom() + "}起尚未享受过" + b.nameZh() + "（只有一次）",
                            "not yet granted since ${param." + b.limitFrom() + "}: " + b.nameEn() + " is given once",
                            "自${param." + b.limitFrom() + "}起已享受过" + b.nameZh() + "，只有一次",
                            "already granted since ${param." + b.limitFrom() + "}: " + b.nameEn() + " is given once");
            }
        }
        return out.toString();
    }

    /** The name of the rule a benefit's declared criterion becomes. */
    static String ruleName(Benefit b, String criterion) {
        return b.nameZh() + "：" + criterion;
    }

    private static void rule(
            StringBuilder out,
            Benefit b,
            String criterion,
            String when,
            String then,
            String zh,
            String en,
            String unmetZh,
            String unmetEn) {
        out.append("\nrule ")
                .append(quoted(ruleName(b, criterion)))
                .append('\n')
                .append("    @benefit(")
                .append(quoted(b.code()))
                .append(")\n")
                .append("    @source(")
                .append(quoted(b.source()))
                .append(")\n")
                .append("    @clause(")
                .append(quoted(b.clause()))
                .append(")\n")
                .append("    @zh(")
                .append(quoted(zh))
                .append(")\n")
                .append("    @en(")
                .append(quoted(en))
                .append(")\n");
        if (!unmetZh.isEmpty()) {
            out.append("    @unmet_zh(")
                    .append(quoted(unmetZh))
                    .append(")\n")
                    .append("    @unmet_en(")
                    .append(quoted(unmetEn))
                    .append(")\n");
        }
        out.append("when\n    ")
                .append(when)
                .append("\nthen\n    ")
                .append(then)
                .append("\nend\n");
    }

    /** A DRL string literal. */
    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"';
    }
}
