import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nuanxin.Nuanxin;
import org.nuanxin.population.Population;
import org.nuanxin.population.PopulationReport;
import org.nuanxin.spark.NuanxinSpark;

/**
 * One tool, one register, several runs in one JVM: the first cold (the JIT compiles as it goes), the later ones
 * warm, as in a long-lived process (a Spark executor, a batch worker). Run by benchmarks/spark-population.sh as a
 * single-file program on the local launcher's classpath (Nuanxin, population, the regions and Spark):
 *
 *   java [Spark's --add-opens] -cp spark/target/nuanxin-spark-local.jar benchmarks/SparkPopulationBench.java \
 *       population|spark|spark-dataset CORES REGISTER RUNS
 *
 * Prints one line per run: "tool cores run rows rows/s". population runs with --threads CORES and an engine whose
 * decision cache is sized as the command sizes it; spark and spark-dataset with local[CORES] and the same sizing
 * (NuanxinSpark's executor engine): spark totals the file as the command does (NuanxinSpark.totalsOfCsv, population
 * over each split), spark-dataset through a Dataset of Spark's CSV source (NuanxinSpark.totals, the way of any
 * source). The register is read from the file each run.
 */
public class SparkPopulationBench {
    public static void main(String[] args) throws Exception {
        String tool = args[0];
        int cores = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        LocalDate asOf = LocalDate.of(2026, 3, 10);
        if (tool.equals("population")) {
            long byHeap = Runtime.getRuntime().maxMemory() / (10 * 1024);
            int cache = (int) Math.max(Nuanxin.DEFAULT_CACHED_DECISIONS, Math.min(100_000, byHeap));
            Nuanxin engine = Nuanxin.builder().cachedDecisions(cache).build();
            for (int run = 1; run <= runs; run++) {
                PopulationReport r;
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    r = Population.run(engine, "xian", asOf, in, Population.Options.defaults().withThreads(cores));
                }
                print(tool, cores, run, r);
            }
        } else {
            SparkSession spark = SparkSession.builder()
                    .master("local[" + cores + "]")
                    .appName("bench")
                    .config("spark.ui.enabled", "false")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("ERROR");
            for (int run = 1; run <= runs; run++) {
                if (tool.equals("spark")) { // the command's way with a CSV file: population over each split
                    print(tool, cores, run, NuanxinSpark.totalsOfCsv(spark, file.toString(), "xian", asOf));
                } else { // spark-dataset: the way of any source, here Spark's CSV reader
                    Dataset<Row> register = NuanxinSpark.readRegister(spark, file.toString());
                    print(tool, cores, run, NuanxinSpark.totals(register, "xian", asOf));
                }
            }
            spark.stop();
        }
    }

    private static void print(String tool, int cores, int run, PopulationReport r) {
        System.out.println(String.format(
                Locale.ROOT, "%s %d %d %d %.0f", tool, cores, run, r.rows(), r.rowsPerSecond()));
    }
}
