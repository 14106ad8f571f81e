package org.nuanxin.spark;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What every task of a job needs to know, made on the driver and shipped with the job's functions: the region, date
 * and expected rule set, and where a prepared register row keeps its cells, its row key and its claims.
 */
final class Layout implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a column's values become the text the register format reads. */
    static final byte TEXT = 0;
    /** Any other single value: booleans, dates, decimals, integers (see {@link Cells#text}). */
    static final byte VALUE = 1;
    /** An array column (children, certificates): its items joined with {@code ;}. */
    static final byte LIST = 2;

    final String region;
    final LocalDate asOf;
    final String expectedVersion;
    final String source;
    /** The register's columns as named, in the dataset's order: the header {@code RegisterFormat} reads. */
    final String[] columns;
    /** For each of {@link #columns}, its index in the prepared row. */
    final int[] at;
    /** For each of {@link #columns}, {@link #TEXT}, {@link #VALUE} or {@link #LIST}. */
    final byte[] kinds;
    /** Index of the {@code id} column in {@link #columns}, or -1. */
    final int idColumn;
    /** Index in the prepared row of the CSV reader's malformed-record column, or -1. */
    final int corrupt;
    /** Index in the prepared row of the member's claims (a list of benefit and date), or -1 without claims. */
    final int claims;
    /**
     * Index in the prepared row of the row key ({@code monotonically_increasing_id}), or -1 when the rows come to the
     * tasks as the register's partitions hold them (no join) and a task makes the same key itself.
     */
    final int rowKey;

    Layout(
            String region,
            LocalDate asOf,
            String expectedVersion,
            String source,
            String[] columns,
            int[] at,
            byte[] kinds,
            int idColumn,
            int corrupt,
            int claims,
            int rowKey) {
        this.region = region;
        this.asOf = asOf;
        this.expectedVersion = expectedVersion;
        this.source = source;
        this.columns = columns;
        this.at = at;
        this.kinds = kinds;
        this.idColumn = idColumn;
        this.corrupt = corrupt;
        this.claims = claims;
        this.rowKey = rowKey;
    }
}
