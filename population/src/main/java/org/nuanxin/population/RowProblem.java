package org.nuanxin.population;

import java.util.Objects;

/**
 * A row of a member register that could not be assessed, or one of its cells.
 *
 * @param row     the row number; the header is row 1 (for a row with a line break inside a quoted cell,
 *                the line it starts on)
 * @param field   the column ({@code work_city}), or {@code columns} for a row with the wrong number of cells
 * @param problem what is wrong and what would be accepted
 */
public record RowProblem(long row, String field, String problem) implements Comparable<RowProblem> {

    public RowProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    /** By row, then field. */
    @Override
    public int compareTo(RowProblem o) {
        int c = Long.compare(row, o.row);
        return c != 0 ? c : field.compareTo(o.field);
    }

    /** {@code row 17: work_city: unknown city 'atlantis'; …}. */
    @Override
    public String toString() {
        return "row " + row + ": " + field + ": " + problem;
    }
}
