package org.nuanxin.spark;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.nuanxin.Assessment;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Nuanxin;
import org.nuanxin.Region;
import org.nuanxin.model.Claim;
import org.nuanxin.model.Situation;
import org.nuanxin.population.Population;
import org.nuanxin.population.RegisterFormat;
import org.nuanxin.population.RowProblem;

/**
 * Reads and assesses the rows of one partition, in one task: the register format's own reader (one per task, so its
 * tables of repeated values fill once per partition) and this JVM's engine, whose rule set for the region is checked
 * against the job's before the first row. Not thread-safe.
 */
final class RowReader {

    /** One row's outcome: its assessment, or the problems that kept it from one. */
    record Outcome(long key, String memberId, Assessment assessment, boolean shared, List<RowProblem> problems) {
        boolean ok() {
            return assessment != null;
        }
    }

    private static final Comparator<Claim> BY_DATE =
            Comparator.comparing(Claim::date).thenComparing(Claim::benefit);

    private final Layout layout;
    private final Nuanxin engine;
    private final Region region;
    private final String version;
    private final RegisterFormat.Parser parser;
    private final String[] cells;
    /** Without a row-key column, the next row's key: this task's partition and the row's index in it. */
    private long nextKey;

    RowReader(Layout layout) {
        this.layout = layout;
        this.engine = Engines.get();
        this.region = Engines.checked(layout.region, layout.expectedVersion);
        this.version = region.ruleSetVersion();
        this.parser = RegisterFormat.header(layout.source, layout.columns).parser();
        this.cells = new String[layout.columns.length];
        TaskContext task = TaskContext.get();
        this.nextKey =
                layout.rowKey >= 0 || task == null ? 0 : (long) task.partitionId() << PartialTotals.PARTITION_SHIFT;
    }

    /** The region as this JVM's engine has it (its rule set the job's). */
    Region region() {
        return region;
    }

    /** The rule-set version every assessment of this reader is made with. */
    String version() {
        return version;
    }

    /** Reads and assesses one row. */
    Outcome read(Row row) {
        long key = layout.rowKey >= 0 ? row.getLong(layout.rowKey) : nextKey++;
        for (int i = 0; i < cells.length; i++) {
            int at = layout.at[i];
            cells[i] = switch (layout.kinds[i]) {
                case Layout.TEXT -> row.getString(at);
                case Layout.LIST -> row.isNullAt(at) ? null : Cells.list(row.getList(at));
                default -> Cells.text(row.get(at));
            };
        }
        String memberId = layout.idColumn < 0 || cells[layout.idColumn] == null ? null : cells[layout.idColumn].strip();
        if (layout.corrupt >= 0 && !row.isNullAt(layout.corrupt)) {
            return bad(key, memberId, malformed(key, row.getString(layout.corrupt)));
        }
        RegisterFormat.Row parsed = parser.row(key, cells);
        if (!parsed.ok()) {
            return bad(key, memberId, parsed.problems());
        }
        Situation situation = parsed.situation();
        if (layout.claims >= 0 && !row.isNullAt(layout.claims)) {
            List<RowProblem> problems = new ArrayList<>(1);
            List<Claim> claims = claims(key, row.getList(layout.claims), problems);
            if (!problems.isEmpty()) {
                return bad(key, memberId, problems);
            }
            situation = new Situation(situation.worker(), situation.events(), claims);
        }
        Assessment a;
        try {
            a = engine.assess(layout.region, situation, layout.asOf);
        } catch (InvalidInputException e) { // inconsistent with the date: a bad row, as in population
            return bad(key, memberId, List.of(Population.problem(key, e)));
        }
        return new Outcome(
                key,
                memberId,
                a,
                situation.events().isEmpty() && situation.claims().isEmpty(),
                List.of());
    }

    private static Outcome bad(long key, String memberId, List<RowProblem> problems) {
        return new Outcome(key, memberId, null, false, problems);
    }

    /**
     * A record the CSV reader could not fit to the header. One with another number of cells is reported as the
     * register format reports it (it checks the count first, so the cells' contents do not matter).
     */
    private List<RowProblem> malformed(long key, String record) {
        int n = Cells.count(record);
        if (n != cells.length) {
            return parser.row(key, new String[n]).problems();
        }
        return List.of(new RowProblem(
                key,
                RegisterFormat.ROW_FIELD,
                "the CSV reader could not read the row (check its quotes: a quote inside a quoted cell is doubled)"));
    }

    /** The member's claims, by date; a claim without a benefit or an ISO date is the row's problem. */
    private static List<Claim> claims(long key, List<Row> rows, List<RowProblem> problems) {
        List<Claim> claims = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row c = rows.get(i);
            String date = c.getString(1);
            try {
                claims.add(new Claim(c.getString(0), date == null ? null : LocalDate.parse(date.strip())));
            } catch (DateTimeParseException e) {
                problems.add(new RowProblem(
                        key,
                        "claims",
                        "claim " + (i + 1) + ": not a date '" + date + "'; write claim_date as YYYY-MM-DD"));
            } catch (InvalidInputException e) {
                problems.add(new RowProblem(key, "claims", "claim " + (i + 1) + ": " + e.getMessage()));
            }
        }
        claims.sort(BY_DATE);
        return claims;
    }
}
