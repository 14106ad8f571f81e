package org.nuanxin.population;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nuanxin.Parameter;
import org.nuanxin.input.YamlNode;

/**
 * A {@link PopulationReport} written out as the {@code population} command and the Spark module's command print it:
 * for people ({@link #text}, in Chinese or English), or the same per-benefit totals and run summary for programs
 * ({@link #json}, {@link #csv}), which are the same in every language.
 */
public final class ReportWriter {

    private ReportWriter() {}

    // --- text -----------------------------------------------------------------------------------------------

    /**
     * The report: a heading line, a table per benefit (counts by status, cash, in-kind value, quota, budget,
     * flags), the notes of the quota and budget parameters, the bad rows, {@code stats} if given, and a last line
     * {@code N rows, N bad rows, S s, R rows/s}.
     */
    public static void text(PrintWriter out, PopulationReport r, String stats, Locale language) {
        Lang lang = Lang.of(language);
        out.println(lang.pick(
                r.region() + "，评估日 " + r.asOf() + "（规则 " + r.ruleSetVersion() + "）：评估了 " + r.assessed() + " 名劳动者",
                r.region() + " as of " + r.asOf() + " (rules " + r.ruleSetVersion() + "): " + r.assessed()
                        + " workers assessed"));
        List<String[]> rows = new ArrayList<>();
        rows.add(
                lang == Lang.ZH
                        ? new String[] {"代码", "可以申请", "不符合", "还需了解", "现金", "实物价值", "名额", "预算", "提示"}
                        : new String[] {
                            "CODE",
                            "ELIGIBLE",
                            "NOT_ELIGIBLE",
                            "NEEDS_INFO",
                            "CASH",
                            "IN_KIND",
                            "QUOTA",
                            "BUDGET",
                            "FLAGS"
                        });
        List<String> notes = new ArrayList<>();
        for (BenefitTotals b : r.benefits()) {
            List<String> flags = new ArrayList<>();
            b.flags().forEach(f -> flags.add(flag(f, language)));
            for (Parameter p : new Parameter[] {b.quota(), b.budget()}) {
                if (p != null && !p.note().isBlank()) {
                    String of = p == b.quota() ? lang.pick("名额", "quota") : lang.pick("预算", "budget");
                    notes.add("[" + (notes.size() + 1) + "] " + b.code() + " " + of + " " + p.key()
                            + lang.pick("：", ": ") + PlainTable.oneLine(p.note()));
                    flags.add(lang.pick("注 ", "NOTE ") + notes.size());
                }
            }
            rows.add(new String[] {
                b.code(),
                Long.toString(b.eligible()),
                Long.toString(b.notEligible()),
                Long.toString(b.needsInfo()),
                b.hasRange()
                        ? b.cashLow().toPlainString() + ".." + b.cashHigh().toPlainString()
                        : b.cash().toPlainString(),
                b.value().toPlainString(),
                b.quota() == null ? "-" : Long.toString(b.quotaPlaces()),
                b.budget() == null ? "-" : b.budgetAmount().toPlainString(),
                String.join(lang.pick("，", ", "), flags)
            });
        }
        for (String line : PlainTable.format(rows, 1, 2, 3, 4, 5, 6, 7)) {
            out.println(line);
        }
        if (!notes.isEmpty()) {
            out.println();
            out.println(lang.pick("注：", "notes:"));
            notes.forEach(n -> out.println("  " + n));
        }
        if (!r.problems().isEmpty() || r.problemsOmitted() > 0) {
            out.println();
            for (RowProblem p : r.problems()) {
                out.println(PlainTable.oneLine(
                        lang == Lang.ZH ? "第 " + p.row() + " 行：" + p.field() + "：" + p.problem() : p.toString()));
            }
            long more = r.problemsOmitted();
            if (more > 0) {
                int listed = r.problems().size();
                out.println(lang.pick(
                        "……另有 " + more + " 个问题（只列出行号最小的 " + listed + " 个）",
                        "... and " + more + " more problem" + (more == 1 ? "" : "s") + " (the first " + listed
                                + " by row are listed)"));
            }
        }
        out.println();
        if (stats != null) {
            out.println(stats);
        }
        String seconds = String.format(Locale.ROOT, "%.1f", r.elapsed().toNanos() / 1e9);
        String rate = String.format(Locale.ROOT, "%.0f", r.rowsPerSecond());
        out.println(lang.pick(
                r.rows() + " 行，" + r.badRows() + " 行有误，" + seconds + " 秒，" + rate + " 行/秒",
                r.rows() + " rows, " + r.badRows() + " bad row" + (r.badRows() == 1 ? "" : "s") + ", " + seconds
                        + " s, " + rate + " rows/s"));
        out.flush();
    }

    /** A flag of {@link BenefitTotals#flags()} in {@code language}'s words (Chinese, else English). */
    public static String flag(String flag, Locale language) {
        if (Lang.of(language) == Lang.EN) {
            return flag;
        }
        return switch (flag) {
            case BenefitTotals.QUOTA_EXCEEDED -> "超出名额";
            case BenefitTotals.BUDGET_EXCEEDED -> "超出预算";
            case BenefitTotals.BUDGET_MAY_BE_EXCEEDED -> "可能超出预算";
            default -> flag;
        };
    }

    // --- JSON -----------------------------------------------------------------------------------------------

    /**
     * One JSON object: the run ({@code region}, {@code as_of}, {@code rule_set_version}, {@code rows},
     * {@code bad_rows}, {@code assessed}, {@code seconds}, {@code rows_per_second}, {@code threads},
     * {@code peak_rows_in_flight}), {@code benefits} (one object per benefit, the columns of {@link #CSV_HEADER}
     * that are about the benefit, quota and budget {@code null} when it names none, and its parameters' notes),
     * {@code problems} (the bad rows listed: {@code row}, {@code field}, {@code problem}) with
     * {@code problem_count} (all of them), and, given, the {@code stats} object.
     */
    public static void json(PrintWriter out, PopulationReport r, String statsJson) {
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"region\": ").append(quote(r.region())).append(",\n");
        s.append("  \"as_of\": \"").append(r.asOf()).append("\",\n");
        s.append("  \"rule_set_version\": ").append(quote(r.ruleSetVersion())).append(",\n");
        s.append("  \"rows\": ").append(r.rows()).append(",\n");
        s.append("  \"bad_rows\": ").append(r.badRows()).append(",\n");
        s.append("  \"assessed\": ").append(r.assessed()).append(",\n");
        s.append("  \"seconds\": ").append(seconds(r)).append(",\n");
        s.append("  \"rows_per_second\": ").append(rate(r)).append(",\n");
        s.append("  \"threads\": ").append(r.threads()).append(",\n");
        s.append("  \"peak_rows_in_flight\": ").append(r.peakRowsInFlight()).append(",\n");
        s.append("  \"benefits\": [");
        boolean first = true;
        for (BenefitTotals b : r.benefits()) {
            s.append(first ? "\n" : ",\n").append("    {");
            first = false;
            String[] cells = benefitCells(b);
            for (int i = 0; i < BENEFIT_COLUMNS.length; i++) {
                s.append(i == 0 ? "" : ", ")
                        .append(quote(BENEFIT_COLUMNS[i]))
                        .append(": ")
                        .append(jsonValue(BENEFIT_COLUMNS[i], cells[i]));
            }
            s.append(", \"notes\": [");
            boolean firstNote = true;
            for (Parameter p : new Parameter[] {b.quota(), b.budget()}) {
                if (p != null && !p.note().isBlank()) {
                    s.append(firstNote ? "" : ", ")
                            .append("{\"of\": \"")
                            .append(p == b.quota() ? "quota" : "budget")
                            .append("\", \"parameter\": ")
                            .append(quote(p.key()))
                            .append(", \"note\": ")
                            .append(quote(p.note()))
                            .append("}");
                    firstNote = false;
                }
            }
            s.append("]}");
        }
        s.append(first ? "],\n" : "\n  ],\n");
        s.append("  \"problems\": [");
        first = true;
        for (RowProblem p : r.problems()) {
            s.append(first ? "\n" : ",\n")
                    .append("    {\"row\": ")
                    .append(p.row())
                    .append(", \"field\": ")
                    .append(quote(p.field()))
                    .append(", \"problem\": ")
                    .append(quote(p.problem()))
                    .append("}");
            first = false;
        }
        s.append(first ? "],\n" : "\n  ],\n");
        s.append("  \"problem_count\": ").append(r.problemCount());
        if (statsJson != null) {
            s.append(",\n  \"stats\": ").append(statsJson);
        }
        s.append("\n}");
        out.println(s);
        out.flush();
    }

    /** Numbers and booleans bare, {@code null} for an empty cell, the rest quoted. */
    private static String jsonValue(String column, String cell) {
        if (cell.isEmpty()) {
            return "null";
        }
        return switch (column) {
            case "benefit", "name_zh", "name_en", "quota_parameter", "budget_parameter" -> quote(cell);
            default -> cell; // counts, amounts, true/false
        };
    }

    // --- CSV ------------------------------------------------------------------------------------------------

    /** The columns about one benefit, in the order of the CSV (and of each JSON benefit object). */
    private static final String[] BENEFIT_COLUMNS = {
        "benefit",
        "name_zh",
        "name_en",
        "eligible",
        "not_eligible",
        "needs_info",
        "cash",
        "cash_low",
        "cash_high",
        "in_kind",
        "quota",
        "quota_parameter",
        "budget",
        "budget_parameter",
        "quota_exceeded",
        "budget_exceeded",
        "budget_may_be_exceeded"
    };

    /** The columns about the run, repeated on every row of the CSV. */
    private static final String[] RUN_COLUMNS = {
        "region",
        "as_of",
        "rule_set_version",
        "rows",
        "bad_rows",
        "assessed",
        "problem_count",
        "seconds",
        "rows_per_second"
    };

    /** The CSV's header: the run's columns, then the benefit's. */
    public static final List<String> CSV_HEADER = csvHeader();

    private static List<String> csvHeader() {
        List<String> h = new ArrayList<>(List.of(RUN_COLUMNS));
        h.addAll(List.of(BENEFIT_COLUMNS));
        return List.copyOf(h);
    }

    /**
     * CSV as RFC 4180 writes it (lines ending in CR LF, a header line, a cell quoted when it holds a comma, a quote
     * or a line break, a quote in it doubled; UTF-8): one row per benefit with the run's columns on each, so that
     * every row stands alone in a spreadsheet. An empty cell: the benefit names no quota or budget. The bad rows
     * are counted ({@code bad_rows}, {@code problem_count}), not listed; the text and JSON forms list them.
     */
    public static void csv(PrintWriter out, PopulationReport r) {
        out.print(csvLine(CSV_HEADER));
        List<String> run = List.of(
                r.region(),
                r.asOf().toString(),
                r.ruleSetVersion(),
                Long.toString(r.rows()),
                Long.toString(r.badRows()),
                Long.toString(r.assessed()),
                Long.toString(r.problemCount()),
                seconds(r),
                rate(r));
        for (BenefitTotals b : r.benefits()) {
            List<String> row = new ArrayList<>(run);
            row.addAll(List.of(benefitCells(b)));
            out.print(csvLine(row));
        }
        out.flush();
    }

    /** One CSV record with its CR LF. */
    static String csvLine(List<String> cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                s.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                s.append(c);
            }
        }
        return s.append("\r\n").toString();
    }

    /**
     * The cells of {@link #BENEFIT_COLUMNS}: {@code cash} is the settled amounts' sum; {@code cash_low} and
     * {@code cash_high} add the ends of the ranges (the text's {@code low..high}, equal to {@code cash} when no
     * decision gave a range).
     */
    private static String[] benefitCells(BenefitTotals b) {
        return new String[] {
            b.code(),
            b.benefit().nameZh(),
            b.benefit().nameEn(),
            Long.toString(b.eligible()),
            Long.toString(b.notEligible()),
            Long.toString(b.needsInfo()),
            b.cash().toPlainString(),
            b.cashLow().toPlainString(),
            b.cashHigh().toPlainString(),
            b.value().toPlainString(),
            b.quota() == null ? "" : Long.toString(b.quotaPlaces()),
            b.quota() == null ? "" : b.quota().key(),
            b.budget() == null ? "" : plain(b.budgetAmount()),
            b.budget() == null ? "" : b.budget().key(),
            Boolean.toString(b.quotaExceeded()),
            Boolean.toString(b.budgetExceeded()),
            Boolean.toString(b.budgetMayBeExceeded())
        };
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }

    private static String seconds(PopulationReport r) {
        return String.format(Locale.ROOT, "%.3f", r.elapsed().toNanos() / 1e9);
    }

    private static String rate(PopulationReport r) {
        return String.format(Locale.ROOT, "%.0f", r.rowsPerSecond());
    }

    /** {@code v} as a JSON string, quoted, with {@code "}, {@code \} and control characters escaped. */
    private static String quote(String v) {
        StringBuilder s = new StringBuilder();
        YamlNode.quote(s, v);
        return s.toString();
    }

    /** The two languages of the text: Chinese when the locale's language is Chinese, else English. */
    private enum Lang {
        ZH,
        EN;

        String pick(String zh, String en) {
            return this == ZH ? zh : en;
        }

        static Lang of(Locale locale) {
            return locale.getLanguage().equals("zh") ? ZH : EN;
        }
    }
}
