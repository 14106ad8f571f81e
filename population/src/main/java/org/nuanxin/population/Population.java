package org.nuanxin.population;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nuanxin.Assessment;
import org.nuanxin.BatchAssessor;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Nuanxin;
import org.nuanxin.Region;

/**
 * Population (batch) mode: assesses every worker of a member register (CSV, one worker a row; see
 * {@link RegisterFormat}) with an engine, on all cores, and adds the decisions up per benefit.
 *
 * <pre>{@code
 * PopulationReport r = Population.run(nuanxin, "xian", LocalDate.of(2026, 3, 10), path, Population.Options.defaults());
 * r.benefits().forEach(System.out::println);   // XIAN_FREE_HEALTH_CHECK: 812 eligible, …; quota 10000
 * }</pre>
 *
 * <p>A register in a file is read in ranges of bytes, each assessing thread reading ranges of its own as a Spark job
 * splits a file ({@link #run(Nuanxin, String, LocalDate, Path, Options)}): nothing is read by one thread for all, and
 * each thread keeps its own totals ({@link PopulationTotals}), merged in file order. A register from a
 * {@link Reader} streams instead: the calling thread only reads text and cuts it into blocks of whole rows (at most
 * {@link Options#batchSize()} rows and about {@link Options#blockSize()} characters each) and hands them to the
 * assessing threads through a bounded queue, blocking when it is full. Either way at most
 * {@link Options#maxRowsInFlight()} rows are in memory whatever the size of the file, and no assessment is kept:
 * each thread adds its decisions to its own totals (exact, {@link java.math.BigDecimal}), merged at the end. Rows
 * are assessed with {@link Nuanxin#assess(String, org.nuanxin.model.Situation, LocalDate)}, so the engine's own
 * decision reuse (its {@code cachedDecisions} bound, shared by the threads) applies;
 * {@link Options#withPinnedRules} assesses through one {@link Nuanxin#batch(String, LocalDate)} instead.
 *
 * <p>A bad row (an unknown place or enum value, a malformed date or boolean, a negative amount, the wrong
 * number of cells) is reported with its row number and field and does not stop the run. A bad header, an
 * unknown region or an unreadable file does; so does a failure of the rules themselves.
 */
public final class Population {

    private Population() {}

    /** How a run is carried out. Immutable; change it with the {@code with…} methods. */
    public static final class Options {
        private final int threads;
        private final int batchSize;
        private final int blockSize;
        private final int queueCapacity;
        private final int maxProblems;
        private final LongConsumer progress;
        private final String source;
        private final boolean pinned;
        private final LongConsumer bytesRead;

        private Options(
                int threads,
                int batchSize,
                int blockSize,
                int queueCapacity,
                int maxProblems,
                LongConsumer progress,
                String source,
                boolean pinned,
                LongConsumer bytesRead) {
            this.threads = threads;
            this.batchSize = batchSize;
            this.blockSize = blockSize;
            this.queueCapacity = queueCapacity;
            this.maxProblems = maxProblems;
            this.progress = progress;
            this.source = source;
            this.pinned = pinned;
            this.bytesRead = bytesRead;
        }

        /** Rows a batch holds at most by default. */
        public static final int DEFAULT_BATCH_SIZE = 1024;
        /** Characters a batch holds about at most by default (64 Ki: some 400 rows of a typical register). */
        public static final int DEFAULT_BLOCK_SIZE = 64 * 1024;

        /**
         * One assessing thread per available processor, batches of at most {@value #DEFAULT_BATCH_SIZE} rows
         * and about {@value #DEFAULT_BLOCK_SIZE} characters, a queue of two batches per thread, the first 100
         * problems kept, no progress callback, the source named {@code register}.
         */
        public static Options defaults() {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Options(
                    cores, DEFAULT_BATCH_SIZE, DEFAULT_BLOCK_SIZE, 2 * cores, 100, null, "register", false, null);
        }

        /** Assessing threads (at least 1); the queue keeps two batches per thread unless set after this. */
        public Options withThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            return new Options(n, batchSize, blockSize, 2 * n, maxProblems, progress, source, pinned, bytesRead);
        }

        /** Rows handed to a thread at a time, at most (at least 1); this bounds the rows in flight. */
        public Options withBatchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("batch size must be at least 1");
            }
            return new Options(
                    threads, rows, blockSize, queueCapacity, maxProblems, progress, source, pinned, bytesRead);
        }

        /**
         * Characters of the register handed to a thread at a time, about (at least 1): a batch ends at the
         * last whole row within this many characters, or at {@link #batchSize()} rows, whichever comes
         * first. A row longer than this still goes whole (one batch); a row longer than 65,536 characters
         * is a bad row.
         */
        public Options withBlockSize(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("block size must be at least 1 character");
            }
            return new Options(
                    threads, batchSize, chars, queueCapacity, maxProblems, progress, source, pinned, bytesRead);
        }

        /** Batches waiting for a thread at most (at least 1): the back-pressure bound. */
        public Options withQueueCapacity(int batches) {
            if (batches < 1) {
                throw new IllegalArgumentException("queue capacity must be at least 1");
            }
            return new Options(
                    threads, batchSize, blockSize, batches, maxProblems, progress, source, pinned, bytesRead);
        }

        /** Problems kept in the report (those of the smallest row numbers); the rest are counted. */
        public Options withMaxProblems(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("max problems must not be negative");
            }
            return new Options(threads, batchSize, blockSize, queueCapacity, n, progress, source, pinned, bytesRead);
        }

        /**
         * Called with the number of rows done (assessed or found bad) as the run goes: on the calling
         * thread only, about every 100 ms (reading from a {@link Reader}: also after each batch is handed over),
         * and once at the end with every row; never less than before. A terminal display should throttle it
         * further.
         */
        public Options withProgress(LongConsumer callback) {
            return new Options(
                    threads, batchSize, blockSize, queueCapacity, maxProblems, callback, source, pinned, bytesRead);
        }

        /** The name of the register in error messages (a file name). */
        public Options withSource(String name) {
            return new Options(
                    threads,
                    batchSize,
                    blockSize,
                    queueCapacity,
                    maxProblems,
                    progress,
                    Objects.requireNonNull(name),
                    pinned,
                    bytesRead);
        }

        /**
         * Assess through {@link Nuanxin#batch(String, LocalDate)} instead of {@link Nuanxin#assess}: the rule set
         * serving when the run starts decides every row even if the region is reloaded meanwhile, and decisions
         * are reused for workers whose facts read by the rules are equal. Both paths hold at most the engine's
         * {@code cachedDecisions} bound of decisions (default 10,000; a few KB each).
         */
        public Options withPinnedRules(boolean on) {
            return new Options(
                    threads, batchSize, blockSize, queueCapacity, maxProblems, progress, source, on, bytesRead);
        }

        /**
         * For a run over a file ({@link Population#run(Nuanxin, String, LocalDate, Path, Options)}): called with the
         * bytes of the file read so far, on the calling thread, just before each call of the
         * {@linkplain #withProgress progress} callback; never more than the file's size, never less than before.
         */
        public Options withBytesRead(LongConsumer callback) {
            return new Options(
                    threads, batchSize, blockSize, queueCapacity, maxProblems, progress, source, pinned, callback);
        }

        /** Whether rows are assessed through {@link Nuanxin#batch(String, LocalDate)}. */
        public boolean pinnedRules() {
            return pinned;
        }

        public int threads() {
            return threads;
        }

        /** Rows a batch holds at most. */
        public int batchSize() {
            return batchSize;
        }

        /** Characters a batch holds about at most. */
        public int blockSize() {
            return blockSize;
        }

        public int queueCapacity() {
            return queueCapacity;
        }

        public int maxProblems() {
            return maxProblems;
        }

        public String source() {
            return source;
        }

        /**
         * The most rows a run holds at once: the batch being handed over, the batches queued and one batch per
         * thread, {@code (queueCapacity + threads + 1) × batchSize}. Their text is at most about
         * {@code (queueCapacity + threads + 1) × blockSize} characters (more only by a row longer than a block).
         * A run over a file holds one batch per thread, fewer.
         */
        public long maxRowsInFlight() {
            return (long) (queueCapacity + threads + 1) * batchSize;
        }
    }

    /**
     * Assesses every row of a member register read from a {@link Reader} and adds the decisions up per benefit. The
     * calling thread reads the text and cuts it into blocks of whole rows for the assessing threads; a register in a
     * file is read faster by {@link #run(Nuanxin, String, LocalDate, Path, Options)}, each thread its own part.
     *
     * @param engine  the engine (shared; it is thread-safe)
     * @param region  region id
     * @param asOf    the assessment date of every row
     * @param csv     the register: a header row of column names, then one worker a row. Not closed here.
     * @param options threads, batching, progress
     * @throws org.nuanxin.UnknownRegionException when the engine has no such region
     * @throws MalformedFileException              for an empty file or a bad header
     * @throws UncheckedIOException                when the register cannot be read
     * @throws org.nuanxin.RuleExecutionException  when the region's rules fail on a row
     * @throws CancellationException               when the calling thread is interrupted
     */
    public static PopulationReport run(Nuanxin engine, String region, LocalDate asOf, Reader csv, Options options) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(options, "options");
        if (asOf == null) {
            throw new InvalidInputException("as_of", "an assessment date is required");
        }
        Region r = engine.region(region);
        long started = System.nanoTime();
        CsvBlocks blocks = new CsvBlocks(csv, options.blockSize());
        RegisterFormat format;
        try {
            format = header(blocks.next(1), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Run(engine, r, asOf, blocks, format, options, null).go(started);
    }

    /**
     * Assesses every row of a member register in a file (UTF-8) and adds the decisions up per benefit, as
     * {@link #run(Nuanxin, String, LocalDate, Reader, Options)} does, with the same report, but without one thread
     * reading for all: each assessing thread reads ranges of the file of its own, as a Spark job splits a file.
     *
     * <p>A range of bytes starts after the first line break at or after its nominal start (the first range at the
     * first row after the header) and ends where the next begins, so that the ranges hold every line once; each
     * thread's rows are numbered from its range's first line and renumbered when the ranges' totals are merged, in
     * file order, so a bad row names its line as a single reading does. Memory stays bounded: each thread holds one
     * batch of rows and a few buffers.
     *
     * <p>A line break inside a quoted cell would make a range start in the middle of a row. The ranges are read on
     * the premise that there is none, and every range checks it as it reads: if no range meets a line break inside
     * quotes, none started inside a row (the first such line break in the file lies in a range that started right,
     * and that range would have met it). If one does, the ranges' work is dropped and the file is read again by one
     * reader as {@link #run(Nuanxin, String, LocalDate, Reader, Options)} reads it: a register whose cells hold line
     * breaks is read at that pace, and never wrongly. Likewise a failure of the rules is reported once every range
     * before it is read and checked, so a range that started inside a row never fails a run.
     *
     * @param engine  the engine (shared; it is thread-safe)
     * @param region  region id
     * @param asOf    the assessment date of every row
     * @param file    the register, UTF-8 (a byte-order mark is dropped): a header row of column names, then one worker
     *                a row
     * @param options threads, batching, progress
     * @throws org.nuanxin.UnknownRegionException when the engine has no such region
     * @throws MalformedFileException              for an empty file or a bad header
     * @throws UncheckedIOException                when the file cannot be read, or is not UTF-8 (the cause is a
     *                                             {@link java.nio.charset.CharacterCodingException})
     * @throws org.nuanxin.RuleExecutionException  when the region's rules fail on a row
     * @throws CancellationException               when the calling thread is interrupted
     */
    public static PopulationReport run(Nuanxin engine, String region, LocalDate asOf, Path file, Options options) {
        return runFile(engine, region, asOf, file, options, null).report();
    }

    /** A run over a file, and whether it was read by one reader after a range met a line break inside quotes. */
    record FileOutcome(PopulationReport report, boolean singleReader) {}

    /**
     * {@link #run(Nuanxin, String, LocalDate, Path, Options)} with the ranges' nominal starts given (byte offsets,
     * increasing; those within the header count as its end), or {@code null} for ranges sized to the file and threads.
     */
    static FileOutcome runFile(Nuanxin engine, String region, LocalDate asOf, Path file, Options options, long[] cuts) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        if (asOf == null) {
            throw new InvalidInputException("as_of", "an assessment date is required");
        }
        Region r = engine.region(region);
        long started = System.nanoTime();
        Monotonic rowsDone = new Monotonic(options.progress);
        Monotonic bytesDone = new Monotonic(options.bytesRead);
        Options watched = options.withProgress(options.progress == null ? null : rowsDone)
                .withBytesRead(options.bytesRead == null ? null : bytesDone);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            CsvBlocks blocks =
                    new CsvBlocks(new FileRange(channel, 0, size, new AtomicLong()), options.blockSize(), true, false);
            CsvBlocks.Block header = blocks.next(1);
            RegisterFormat format = header(header, options);
            ByteBuffer bom = ByteBuffer.allocate(3);
            channel.read(bom, 0);
            long dataStart = (bom.position() == 3
                                    && (bom.get(0) & 0xFF) == 0xEF
                                    && (bom.get(1) & 0xFF) == 0xBB
                                    && (bom.get(2) & 0xFF) == 0xBF
                            ? 3
                            : 0)
                    + utf8Length(header.text(), header.from(), header.length());
            long firstLine = header.firstLine() + lineBreaks(header.text(), header.from(), header.length());
            long[] starts =
                    starts(channel, dataStart, size, cuts != null ? cuts : cuts(dataStart, size, options.threads()));
            PopulationReport report =
                    new FileRun(engine, r, asOf, channel, starts, firstLine, format, watched).go(started);
            if (report != null) {
                return new FileOutcome(report, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a range met a line break inside a quoted cell: one reader, from the start
        CountingStream counted;
        try {
            counted = new CountingStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Reader in = new InputStreamReader(
                counted,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            CsvBlocks blocks = new CsvBlocks(in, options.blockSize());
            RegisterFormat format = header(blocks.next(1), options);
            return new FileOutcome(new Run(engine, r, asOf, blocks, format, watched, counted::count).go(started), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the header row's block into the register's format. */
    private static RegisterFormat header(CsvBlocks.Block header, Options options) {
        if (header == null) {
            throw new MalformedFileException(
                    options.source(), 0, "", "the file is empty; the first row names the columns");
        }
        String problem = header.problem();
        String[] cells = null;
        if (problem == null) {
            CsvTokenizer tokenizer = new CsvTokenizer();
            tokenizer.reset(header);
            tokenizer.next();
            problem = tokenizer.problem();
            cells = tokenizer.cells().strings();
        }
        if (problem != null) {
            throw new MalformedFileException(options.source(), 1, "header", problem);
        }
        return RegisterFormat.header(options.source(), cells);
    }

    /** The bytes of {@code text[from, from + length)} in UTF-8 (a surrogate pair is one 4-byte character). */
    static long utf8Length(char[] text, int from, int length) {
        long n = 0;
        for (int i = from; i < from + length; i++) {
            char c = text[i];
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static long lineBreaks(char[] text, int from, int length) {
        long n = 0;
        for (int i = from; i < from + length; i++) {
            if (text[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Ranges of the data by default: some 8 per thread, of 256 KiB to 16 MiB each. */
    static long[] cuts(long dataStart, long size, int threads) {
        long bytes = size - dataStart;
        long range = Math.max(MIN_RANGE, Math.min(MAX_RANGE, bytes / (8L * threads)));
        int n = (int) Math.max(0, (bytes - 1) / range);
        long[] cuts = new long[n];
        for (int i = 0; i < n; i++) {
            cuts[i] = dataStart + (i + 1) * range;
        }
        return cuts;
    }

    private static final long MIN_RANGE = 256 * 1024;
    private static final long MAX_RANGE = 16 * 1024 * 1024;

    /**
     * Where each range starts, and the file's size last: the first range at {@code dataStart}, every other after the
     * first line break at or after its nominal start (so a start just after a line break stays).
     */
    private static long[] starts(FileChannel channel, long dataStart, long size, long[] cuts) throws IOException {
        long[] starts = new long[cuts.length + 2];
        starts[0] = dataStart;
        ByteBuffer b = ByteBuffer.allocate(4096);
        for (int i = 0; i < cuts.length; i++) {
            long at = Math.max(cuts[i], starts[i]);
            if (at > dataStart) {
                at = lineStartFrom(channel, at - 1, size, b);
            }
            starts[i + 1] = Math.min(Math.max(at, starts[i]), size);
        }
        starts[cuts.length + 1] = size;
        return starts;
    }

    /** The position after the first line break at or after {@code from}, or {@code size} when there is none. */
    private static long lineStartFrom(FileChannel channel, long from, long size, ByteBuffer b) throws IOException {
        long at = from;
        while (at < size) {
            b.clear();
            int n = channel.read(b, at);
            if (n <= 0) {
                return size;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return size;
    }

    /**
     * An assessment's complaint about a row, named by the register's columns ({@code children[1].x} is
     * {@code children}): a row whose cells read well but that the engine refuses (a date after the assessment
     * date) is a bad row like one whose cells do not read. Public for the Spark module, which reports rows alike.
     */
    public static RowProblem problem(long row, InvalidInputException e) {
        Matcher m = LIST_ITEM.matcher(e.field());
        if (m.matches()) {
            String item = m.group(1).equals("children") ? "child " : "certificate ";
            return new RowProblem(
                    row, m.group(1), item + (Integer.parseInt(m.group(2)) + 1) + ": " + m.group(3) + " " + e.problem());
        }
        return new RowProblem(row, e.field(), e.problem());
    }

    private static final Pattern LIST_ITEM = Pattern.compile("(children|certificates)\\[(\\d+)\\]\\.(.+)");

    /** A callback passed only values above the last: progress never goes back, even when a file is read again. */
    private static final class Monotonic implements LongConsumer {
        private final LongConsumer to;
        private long last = -1;

        Monotonic(LongConsumer to) {
            this.to = to;
        }

        @Override
        public void accept(long value) {
            if (value > last) {
                last = value;
                to.accept(value);
            } else if (value == last) {
                to.accept(value);
            }
        }
    }

    /** Counts the bytes of a stream read so far; read and counted on one thread (the calling thread). */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }

    /** One thread's reading of rows: cells, parsing, assessing, counting into totals. Not thread-safe. */
    private static final class Rows {
        private final Nuanxin engine;
        private final String region;
        private final LocalDate asOf;
        private final BatchAssessor batch;
        private final CsvTokenizer tokenizer = new CsvTokenizer();
        private final RegisterFormat.Parser parser;

        Rows(Nuanxin engine, String region, LocalDate asOf, BatchAssessor batch, RegisterFormat format) {
            this.engine = engine;
            this.region = region;
            this.asOf = asOf;
            this.batch = batch;
            this.parser = format.parser();
        }

        /** Every row of a block into {@code into}. */
        void block(CsvBlocks.Block b, PopulationTotals into) {
            if (b.problem() != null) { // a row too long to keep
                into.addBadRow(RegisterFormat.broken(b.firstLine(), b.problem()).problems());
                return;
            }
            tokenizer.reset(b);
            while (tokenizer.next()) {
                assess(
                        tokenizer.line(),
                        tokenizer.problem() != null
                                ? RegisterFormat.broken(tokenizer.line(), tokenizer.problem())
                                : parser.row(tokenizer.line(), tokenizer.cells()),
                        into);
            }
        }

        private void assess(long row, RegisterFormat.Row parsed, PopulationTotals into) {
            if (!parsed.ok()) {
                into.addBadRow(parsed.problems());
                return;
            }
            Assessment a;
            try {
                a = batch != null ? batch.assess(parsed.situation()) : engine.assess(region, parsed.situation(), asOf);
            } catch (InvalidInputException e) { // inconsistent with the date: a bad row
                into.addBadRow(List.of(problem(row, e)));
                return;
            }
            if (parsed.situation().events().isEmpty()
                    && parsed.situation().claims().isEmpty()) {
                into.add(a);
            } else {
                into.addOnce(a); // decided afresh for this row alone: no other row hands it back
            }
        }
    }

    /** The report of merged totals. */
    private static PopulationReport report(
            Region region, LocalDate asOf, PopulationTotals all, Duration elapsed, Options options, long peak) {
        List<String> versions = all.ruleSetVersions();
        // a reload during the run shows as several versions
        String version = versions.isEmpty() ? region.ruleSetVersion() : String.join(", ", versions);
        return new PopulationReport(
                region.id(),
                asOf,
                version,
                all.rows(),
                all.badRows(),
                all.benefits(),
                all.problems(),
                all.problemCount(),
                elapsed,
                options.threads(),
                peak);
    }

    /** One run over a reader: the reading thread's side and the assessing threads. */
    private static final class Run {
        private final Nuanxin engine;
        private final Region region;
        private final LocalDate asOf;
        private final CsvBlocks blocks;
        private final RegisterFormat format;
        private final Options options;
        private final BlockingQueue<CsvBlocks.Block> queue;
        private final BatchAssessor batch;
        private final AtomicLong done = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final List<PopulationTotals> totals = Collections.synchronizedList(new ArrayList<>());
        /** The bytes read so far, or {@code null} when the input is not a file. */
        private final LongSupplier bytes;

        private long read;
        private long peak;

        Run(
                Nuanxin engine,
                Region region,
                LocalDate asOf,
                CsvBlocks blocks,
                RegisterFormat format,
                Options options,
                LongSupplier bytes) {
            this.engine = engine;
            this.bytes = bytes;
            this.region = region;
            this.asOf = asOf;
            this.blocks = blocks;
            this.format = format;
            this.options = options;
            this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
            this.batch = options.pinnedRules() ? engine.batch(region.id(), asOf) : null;
        }

        PopulationReport go(long started) {
            List<Thread> threads = new ArrayList<>(options.threads());
            for (int i = 0; i < options.threads(); i++) {
                Thread t = new Thread(this::assessLoop, "nuanxin-population-" + (i + 1));
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            try {
                readLoop();
                for (int i = 0; i < threads.size(); i++) {
                    hand(CsvBlocks.Block.END);
                }
                for (Thread t : threads) {
                    while (t.isAlive()) {
                        t.join(100);
                        progress();
                    }
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, new CancellationException("population run interrupted"));
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                failure.compareAndSet(null, new UncheckedIOException(e));
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                if (failure.get() != null) {
                    threads.forEach(Thread::interrupt);
                }
            }
            Throwable f = failure.get();
            if (f != null) {
                stop(threads);
                throw rethrow(f);
            }
            progress();
            PopulationTotals all = new PopulationTotals(region, asOf, options.maxProblems());
            for (PopulationTotals t : totals) {
                all.merge(t);
            }
            if (all.rows() != read) { // the reading thread and the assessing threads must agree on every row
                throw new IllegalStateException(
                        "population run lost rows: " + read + " cut into blocks, " + all.rows() + " read from them");
            }
            return report(region, asOf, all, Duration.ofNanos(System.nanoTime() - started), options, peak);
        }

        /** The calling thread's part: cuts the text into blocks of whole rows and hands them over. */
        private void readLoop() throws IOException, InterruptedException {
            int size = options.batchSize();
            CsvBlocks.Block block;
            while ((block = blocks.next(size)) != null) {
                read += block.records();
                peak = Math.max(peak, read - done.get());
                hand(block);
                progress();
            }
        }

        /** Puts a block on the queue, waiting while it is full, unless the run has failed. */
        private void hand(CsvBlocks.Block b) throws InterruptedException {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    throw new CancellationException("stopped after a failure");
                }
            }
        }

        private void progress() {
            if (bytes != null && options.bytesRead != null) {
                options.bytesRead.accept(bytes.getAsLong());
            }
            if (options.progress != null) {
                options.progress.accept(done.get());
            }
        }

        private void assessLoop() {
            PopulationTotals mine = new PopulationTotals(region, asOf, options.maxProblems());
            totals.add(mine);
            Rows rows = new Rows(engine, region.id(), asOf, batch, format);
            try {
                while (failure.get() == null) {
                    CsvBlocks.Block b = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (b == null) {
                        continue;
                    }
                    if (b == CsvBlocks.Block.END) {
                        return;
                    }
                    rows.block(b, mine);
                    done.addAndGet(b.records());
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, new CancellationException("population run interrupted"));
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    /** Lets the threads stop before a failure is reported (they exit on the failure flag). */
    private static void stop(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private static RuntimeException rethrow(Throwable f) {
        if (f instanceof RuntimeException re) {
            return re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(f);
    }

    /**
     * One run over a file: each thread takes the next range of the file, reads and assesses it into totals of its own
     * (rows numbered from the range's first line), and hands them over; the totals are merged in file order as soon
     * as the ranges before them are, renumbered from the line their range starts on. Shared between threads: the
     * next range to take, the counters for progress, and the merge, once a range.
     */
    private static final class FileRun {
        private final Nuanxin engine;
        private final Region region;
        private final LocalDate asOf;
        private final FileChannel channel;
        /** Range {@code i} is {@code [starts[i], starts[i + 1])}. */
        private final long[] starts;

        private final RegisterFormat format;
        private final Options options;
        private final BatchAssessor batch;
        private final int ranges;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong inFlight = new AtomicLong();
        private final AtomicLong peak = new AtomicLong();
        /** A failure that ends the run whatever the ranges hold: the file cannot be read, an interruption, an Error. */
        private final AtomicReference<Throwable> fatal = new AtomicReference<>();
        /** Ranges after this one are not needed: one met a line break inside quotes, or a failure of the rules. */
        private volatile int last = Integer.MAX_VALUE;

        // guarded by this: the merge in file order, and the first ranges that met a quoted line break or a failure
        private final PopulationTotals all;
        private final PopulationTotals[] parts;
        private final long[] lines;
        private int merged;
        private long line;
        private int quotedAt = Integer.MAX_VALUE;
        private int failedAt = Integer.MAX_VALUE;
        private RuntimeException failure;

        FileRun(
                Nuanxin engine,
                Region region,
                LocalDate asOf,
                FileChannel channel,
                long[] starts,
                long firstLine,
                RegisterFormat format,
                Options options) {
            this.engine = engine;
            this.region = region;
            this.asOf = asOf;
            this.channel = channel;
            this.starts = starts;
            this.ranges = starts.length - 1;
            this.line = firstLine;
            this.format = format;
            this.options = options;
            this.batch = options.pinnedRules() ? engine.batch(region.id(), asOf) : null;
            this.all = new PopulationTotals(region, asOf, options.maxProblems());
            this.parts = new PopulationTotals[ranges];
            this.lines = new long[ranges];
        }

        /** The report, or {@code null} when a range met a line break inside quotes and the file must be read again. */
        PopulationReport go(long started) {
            int n = Math.min(options.threads(), ranges);
            List<Thread> threads = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(this::work, "nuanxin-population-" + (i + 1));
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            try {
                for (Thread t : threads) {
                    while (t.isAlive()) {
                        t.join(100);
                        progress();
                    }
                }
            } catch (InterruptedException e) {
                fatal.compareAndSet(null, new CancellationException("population run interrupted"));
                Thread.currentThread().interrupt();
                stop(threads);
            }
            Throwable f = fatal.get();
            if (f != null) {
                throw rethrow(f);
            }
            synchronized (this) {
                if (failure != null && failedAt <= quotedAt) {
                    // every range before it was read without a line break inside quotes: it started on a row
                    throw failure;
                }
                if (quotedAt != Integer.MAX_VALUE) {
                    return null;
                }
                if (merged != ranges) {
                    throw new IllegalStateException("population run lost ranges: " + merged + " of " + ranges);
                }
            }
            progress();
            return report(region, asOf, all, Duration.ofNanos(System.nanoTime() - started), options, peak.get());
        }

        private void progress() {
            if (options.bytesRead != null) {
                options.bytesRead.accept(bytes.get());
            }
            if (options.progress != null) {
                options.progress.accept(done.get());
            }
        }

        private void work() {
            Rows rows = new Rows(engine, region.id(), asOf, batch, format);
            try {
                int i;
                while (fatal.get() == null && (i = next.getAndIncrement()) < ranges && i <= last) {
                    range(i, rows);
                }
            } catch (IOException e) {
                fatal.compareAndSet(null, new UncheckedIOException(e));
            } catch (Error e) {
                fatal.compareAndSet(null, e);
            } catch (RuntimeException e) { // not from the rules: they are caught per range
                fatal.compareAndSet(null, e);
            }
        }

        /** Reads and assesses range {@code i}; gives up early when the run no longer needs it. */
        private void range(int i, Rows rows) throws IOException {
            PopulationTotals mine = new PopulationTotals(region, asOf, options.maxProblems());
            CsvBlocks blocks = new CsvBlocks(
                    new FileRange(channel, starts[i], starts[i + 1], bytes), options.blockSize(), false, true);
            long read = 0;
            CsvBlocks.Block b;
            while ((b = blocks.next(options.batchSize())) != null) {
                if (blocks.quotedLineBreak()) {
                    quoted(i);
                    return;
                }
                if (fatal.get() != null || i > last) {
                    return;
                }
                long held = inFlight.addAndGet(b.records());
                peak.accumulateAndGet(held, Math::max);
                try {
                    rows.block(b, mine);
                } catch (RuntimeException e) {
                    failed(i, e);
                    return;
                } finally {
                    inFlight.addAndGet(-b.records());
                }
                read += b.records();
                done.addAndGet(b.records());
            }
            if (blocks.quotedLineBreak()) {
                quoted(i);
                return;
            }
            if (mine.rows() != read) {
                throw new IllegalStateException("population run lost rows in range " + i + ": " + read
                        + " cut into blocks, " + mine.rows() + " read from them");
            }
            mine.fold();
            merge(i, mine, blocks.lineAtEnd() - 1);
        }

        /** Range {@code i} is done: merges it, and those after it that were waiting for it, in file order. */
        private synchronized void merge(int i, PopulationTotals part, long lineBreaks) {
            parts[i] = part;
            lines[i] = lineBreaks;
            while (merged < ranges && parts[merged] != null) {
                all.merge(parts[merged], line - 1);
                line += lines[merged];
                parts[merged] = null;
                merged++;
            }
        }

        private synchronized void quoted(int i) {
            quotedAt = Math.min(quotedAt, i);
            last = Math.min(last, i);
        }

        private synchronized void failed(int i, RuntimeException e) {
            if (i < failedAt) {
                failedAt = i;
                failure = e;
            }
            last = Math.min(last, i);
        }
    }
}
