package org.nuanxin.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.InvalidInputException;
import org.nuanxin.model.Claim;
import org.nuanxin.model.Situation;
import org.nuanxin.population.Population;
import org.nuanxin.population.RegisterFormat;
import org.nuanxin.population.RowProblem;
import org.nuanxin.population.TestCsv;

/**
 * The reference the Spark rows are held to: a register's lines read one by one with the register format, each worker
 * assessed with {@code Nuanxin.assess} by the tests' own engine, written as the output rows of
 * {@link NuanxinSpark#assess} would be.
 */
final class Oracle {

    private Oracle() {}

    /** The header and the data lines {@code from} to {@code to} (1-based, the header not counted) of a CSV file. */
    static List<String[]> lines(Path csv, int from, int to) {
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            lines.add(split(in.readLine()));
            String line;
            for (int n = 1; (line = in.readLine()) != null && n <= to; n++) {
                if (n >= from) {
                    lines.add(split(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** One RFC 4180 record of one line: cells between commas, quotes doubled inside quoted cells. */
    static String[] split(String line) {
        return TestCsv.cells(line);
    }

    /**
     * What {@link NuanxinSpark#assess} gives for each row, by member id, as text: one entry per output row, the
     * columns after the member id joined with {@code |}.
     */
    static Map<String, List<String>> expected(
            String region, LocalDate asOf, String[] header, List<String[]> rows, Map<String, List<Claim>> claims) {
        RegisterFormat format = RegisterFormat.header("register", header);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i);
            String id = cells[0].strip();
            List<String> decisions = new ArrayList<>();
            RegisterFormat.Row parsed = format.row(i + 2, cells);
            List<RowProblem> problems = parsed.problems();
            Assessment a = null;
            if (parsed.ok()) {
                Situation s = parsed.situation();
                List<Claim> theirs = claims.getOrDefault(id, List.of());
                if (!theirs.isEmpty()) {
                    s = new Situation(s.worker(), s.events(), theirs);
                }
                try {
                    a = SharedSpark.engine().assess(region, s, asOf);
                } catch (InvalidInputException e) {
                    problems = List.of(Population.problem(i + 2, e));
                }
            }
            if (a == null) {
                decisions.add(String.join(
                        "|",
                        "null",
                        NuanxinSpark.INVALID,
                        "null|null|null|null",
                        "[]",
                        SharedSpark.engine().region(region).ruleSetVersion(),
                        problems.stream()
                                .map(p -> p.field() + ": " + p.problem())
                                .toList()
                                .toString()));
            } else {
                for (Decision d : a.decisions()) {
                    decisions.add(String.join(
                            "|",
                            d.code(),
                            d.status().name(),
                            text(d.amount()),
                            text(d.amountMin()),
                            text(d.amountMax()),
                            text(d.value()),
                            d.missing().toString(),
                            a.ruleSetVersion(),
                            "null"));
                }
            }
            out.put(id, decisions);
        }
        return out;
    }

    /** An output row of {@link NuanxinSpark#assess} in the form of {@link #expected}, less its member id. */
    static String text(Row r) {
        return String.join(
                "|",
                String.valueOf(r.getString(1)),
                r.getString(2),
                text(r.getDecimal(3)),
                text(r.getDecimal(4)),
                text(r.getDecimal(5)),
                text(r.getDecimal(6)),
                r.getList(7).toString(),
                r.getString(8),
                r.isNullAt(9) ? "null" : r.getList(9).toString());
    }

    private static String text(BigDecimal d) {
        return d == null ? "null" : d.toPlainString();
    }
}
