package org.nuanxin.spark;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.SparkSession;
import org.nuanxin.InvalidInputException;
import org.nuanxin.population.Population;
import org.nuanxin.population.PopulationReport;
import scala.Tuple2;

/**
 * A register CSV file (or a folder of them) totalled the fastest way: Spark cuts the files into splits at line
 * breaks, as Hadoop's text input format does, and each task runs population itself over its split (the header row
 * first, then the split's lines), one assessing thread a task. The rows are read and counted by population's own
 * code, and the driver merges the splits' totals and numbers their bad rows as one reading of the file does.
 *
 * <p>A line break inside a quoted cell would let a split begin inside a row. Each split checks that it read as many
 * rows as it had non-empty lines; if one did not, the register holds such a cell (or a quote left open), and the
 * splits' work is dropped: each file is read again whole, by one task, by population, which reads such cells as a
 * single reading does.
 */
final class CsvSplits {

    /**
     * The Spark setting that bounds, in bytes, a file read whole by one task (a register whose cells hold line
     * breaks); default {@value #WHOLE_FILE_DEFAULT}. A task holds such a file in memory twice (its text and its
     * characters), so a larger one is refused, not read.
     */
    static final String WHOLE_FILE_BYTES = "spark.nuanxin.wholeFileBytes";

    static final long WHOLE_FILE_DEFAULT = 256L * 1024 * 1024;

    private CsvSplits() {}

    static PopulationReport totals(
            SparkSession spark, String path, String region, LocalDate asOf, String expected, String source, int max)
            throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = new Configuration(sc.hadoopConfiguration());
        JavaPairRDD<LongWritable, Text> lines =
                sc.newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class, conf);
        List<String> first = lines.map(l -> l._2().toString()).take(1);
        String header = first.isEmpty() ? "" : first.get(0);
        // the header checked on the driver, by population: a run over the header row alone (an empty file fails here)
        Population.run(
                Engines.get(),
                region,
                asOf,
                new StringReader(header.isEmpty() ? "" : header + "\n"),
                options(max, source));
        long started = System.nanoTime();
        List<PartialTotals> parts = lines.mapPartitionsWithIndex(
                        new Split(header, region, asOf, expected, max, source), false)
                .collect();
        for (PartialTotals p : parts) {
            if (p.spansLines()) { // a split met a cell that spans lines: read each file whole
                long limit = Long.parseLong(spark.conf().get(WHOLE_FILE_BYTES, Long.toString(WHOLE_FILE_DEFAULT)));
                refuseLarger(conf, path, limit, source);
                return whole(sc, path, region, asOf, expected, max, source, started);
            }
        }
        return report(parts, region, asOf, max, started, spark.sparkContext().defaultParallelism());
    }

    /**
     * Refuses a file of the register larger than {@code limit} bytes, before any is read whole.
     *
     * @throws InvalidInputException naming the register, the file and what to do
     */
    private static void refuseLarger(Configuration conf, String path, long limit, String source) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        FileSystem fs = p.getFileSystem(conf);
        FileStatus[] found = fs.globStatus(p);
        for (FileStatus f : found == null ? new FileStatus[0] : found) {
            for (FileStatus file : f.isDirectory() ? fs.listStatus(f.getPath()) : new FileStatus[] {f}) {
                if (file.isFile() && file.getLen() > limit) {
                    throw new InvalidInputException(
                            source,
                            "quoted cells hold line breaks, so each file must be read whole by one task, and "
                                    + file.getPath().getName() + " has " + file.getLen() + " bytes, over the limit of "
                                    + limit + " (" + WHOLE_FILE_BYTES + "); remove the line breaks from the cells, "
                                    + "split the file, or raise the limit with the executors' memory");
                }
            }
        }
    }

    /** Each file read whole by one task, in file order. */
    private static PopulationReport whole(
            JavaSparkContext sc,
            String path,
            String region,
            LocalDate asOf,
            String expected,
            int max,
            String source,
            long started) {
        JavaPairRDD<String, String> files = sc.wholeTextFiles(path);
        List<PartialTotals> parts = files.sortByKey()
                .zipWithIndex()
                .map(f -> {
                    Engines.checked(region, expected);
                    String text = f._1()._2();
                    PopulationReport r =
                            Population.run(Engines.get(), region, asOf, new StringReader(text), options(max, source));
                    return PartialTotals.ofSplit(
                            r, f._2().intValue(), text.lines().count(), true);
                })
                .collect();
        return report(parts, region, asOf, max, started, sc.defaultParallelism());
    }

    /** The splits' totals merged, timed from {@code started} ({@link System#nanoTime}). */
    private static PopulationReport report(
            List<PartialTotals> parts, String region, LocalDate asOf, int max, long started, int parallelism) {
        return PartialTotals.report(
                parts,
                Engines.get().region(region),
                asOf,
                max,
                java.time.Duration.ofNanos(System.nanoTime() - started),
                parallelism);
    }

    /** One split: population over its lines. */
    private static final class Split
            implements Function2<Integer, Iterator<Tuple2<LongWritable, Text>>, Iterator<PartialTotals>> {
        private static final long serialVersionUID = 1L;
        private final String header;
        private final String region;
        private final LocalDate asOf;
        private final String expected;
        private final int max;
        private final String source;

        Split(String header, String region, LocalDate asOf, String expected, int max, String source) {
            this.header = header;
            this.region = region;
            this.asOf = asOf;
            this.expected = expected;
            this.max = max;
            this.source = source;
        }

        @Override
        public Iterator<PartialTotals> call(Integer split, Iterator<Tuple2<LongWritable, Text>> lines) {
            Engines.checked(region, expected);
            LinesReader in = new LinesReader(lines, header, source);
            PopulationReport r = Population.run(Engines.get(), region, asOf, in, options(max, source));
            if (r.rows() != in.dataLines()) {
                return List.of(PartialTotals.spanningLines()).iterator();
            }
            List<PartialTotals> out = new ArrayList<>(1);
            out.add(PartialTotals.ofSplit(r, split, in.lines(), in.fileStart()));
            return out.iterator();
        }
    }

    /** One assessing thread (a task is one core's work), the problems kept, the register's name. */
    private static Population.Options options(int max, String source) {
        return Population.Options.defaults().withThreads(1).withMaxProblems(max).withSource(source);
    }
}
