package org.nuanxin.reliability;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Copies everything written to {@code System.out} and {@code System.err} during the test run to
 * {@code <logDir>/console.log}, so that {@link CanaryLeakTest} can scan it (Drools and the JDK print
 * there, not through slf4j). Registered with the JUnit Platform through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; it also creates the log
 * folder before slf4j-simple opens its file there. It also notes tests that ended with an error other than
 * a failed assertion (a class the JVM could not load because a concurrent {@code mvn install} replaced a
 * jar, say): such a run is broken, and {@link ReliabilityReportTest} does not write its figures.
 */
public final class ConsoleCapture implements TestExecutionListener {

    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static OutputStream file;
    private static final java.util.List<String> ERRORS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The folder of the run's logs ({@code target/reliability-logs}). */
    static Path logDir() {
        return Path.of(System.getProperty("nuanxin.reliability.logDir", "target/reliability-logs"));
    }

    /** The console copy. */
    static Path consoleLog() {
        return logDir().resolve("console.log");
    }

    /** The slf4j-simple log file the pom configures (or null when the run did not set one). */
    static Path slf4jLog() {
        String f = System.getProperty("org.slf4j.simpleLogger.logFile");
        return f == null || f.startsWith("System.") ? null : Path.of(f);
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        try {
            Files.createDirectories(logDir());
            file = new FileOutputStream(consoleLog().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, file), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, file), true, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (originalOut != null) {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
            try {
                file.close();
            } catch (IOException e) {
                // the copy is complete enough
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED
                && result.getThrowable().isPresent()
                && !(result.getThrowable().get() instanceof AssertionError)) {
            ERRORS.add(test.getDisplayName() + ": " + result.getThrowable().get());
        }
    }

    /** Tests of this run that ended with an error other than a failed assertion. */
    static java.util.List<String> errors() {
        return java.util.List.copyOf(ERRORS);
    }

    /** Flushes the console copy so that a scan sees everything written so far. */
    static synchronized void flush() {
        System.out.flush();
        System.err.flush();
        if (file != null) {
            try {
                file.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            synchronized (b) {
                b.flush();
            }
        }
    }
}
