package org.nuanxin.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.nuanxin.Nuanxin;
import org.nuanxin.population.RegisterGenerator;

/**
 * What the test classes share, made once per test JVM (Surefire runs them all in one): a {@code local[2]} session,
 * which costs some 20 s and 480 MB to start; an engine of their own, the reference the Spark results must agree with;
 * and the generated register.
 */
final class SharedSpark {

    /** The date the tests assess at. */
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);

    /** Rows of the generated Xi'an register. */
    static final int ROWS = 100_000;

    private static SparkSession spark;
    private static Nuanxin engine;
    private static Path register;

    private SharedSpark() {}

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("nuanxin-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        }
        return spark;
    }

    /** An engine of the tests' own, not the one the Spark tasks use ({@link Engines}). */
    static synchronized Nuanxin engine() {
        if (engine == null) {
            engine = Nuanxin.builder().build();
        }
        return engine;
    }

    /**
     * A generated Xi'an register of {@value #ROWS} rows with event columns and 1 % deliberately bad rows (unknown
     * places and values, impossible dates, a cell short, negative costs), seed 20: written once, under target/.
     */
    static synchronized Path register() {
        if (register == null) {
            Path file = Path.of("target", "spark-tests", "xian-" + ROWS + ".csv");
            try {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    RegisterGenerator.write(
                            out,
                            ROWS,
                            "xian",
                            20,
                            RegisterGenerator.Options.defaults().withBadRowFraction(0.01));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            register = file;
        }
        return register;
    }
}
