package org.nuanxin.population;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Nuanxin;
import org.nuanxin.Parameter;
import org.nuanxin.Region;
import org.nuanxin.model.Money;

/**
 * Population (batch) mode: assesses every worker of a member register (CSV, one worker a row; see
 * {@link RegisterFormat}) with an engine, on all cores, and adds the decisions up per benefit.
 *
 * <pre>{@code
 * try (Reader csv = Files.newBufferedReader(path)) {
 *     PopulationReport r = Population.run(nuanxin, "xian", LocalDate.of(2026, 3, 10), csv, Population.Options.defaults());
 *     r.benefits().forEach(System.out::println);   // XIAN_FREE_HEALTH_CHECK: 812 eligible, …; quota 10000
 * }
 * }</pre>
 *
 * <p>The run streams: the calling thread only reads text and cuts it into blocks of whole rows (at most
 * {@link Options#batchSize()} rows and about {@link Options#blockSize()} characters each) and hands them to
 * the assessing threads through a bounded queue, blocking when it is full, so at most
 * {@link Options#maxRowsInFlight()} rows are in memory whatever the size of the file. The assessing threads
 * split the rows into cells, read them and assess them, so reading is not the bottleneck. No assessment is
 * kept: each thread adds its decisions to its own totals (exact, {@link BigDecimal}), merged at the end.
 * Rows are assessed with {@link Nuanxin#assess(String, org.nuanxin.model.Situation, LocalDate)}, so the
 * engine's own decision reuse (its {@code cachedDecisions} bound) applies; {@link Options#withPinnedRules}
 * assesses through {@link Nuanxin#batch(String, LocalDate)} instead.
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

        private Options(
                int threads,
                int batchSize,
                int blockSize,
                int queueCapacity,
                int maxProblems,
                LongConsumer progress,
                String source,
                boolean pinned) {
            this.threads = threads;
            this.batchSize = batchSize;
            this.blockSize = blockSize;
            this.queueCapacity = queueCapacity;
            this.maxProblems = maxProblems;
            this.progress = progress;
            this.source = source;
            this.pinned = pinned;
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
            return new Options(cores, DEFAULT_BATCH_SIZE, DEFAULT_BLOCK_SIZE, 2 * cores, 100, null, "register", false);
        }

        /** Assessing threads (at least 1); the queue keeps two batches per thread unless set after this. */
        public Options withThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            return new Options(n, batchSize, blockSize, 2 * n, maxProblems, progress, source, pinned);
        }

        /** Rows handed to a thread at a time, at most (at least 1); this bounds the rows in flight. */
        public Options withBatchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("batch size must be at least 1");
            }
            return new Options(threads, rows, blockSize, queueCapacity, maxProblems, progress, source, pinned);
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
            return new Options(threads, batchSize, chars, queueCapacity, maxProblems, progress, source, pinned);
        }

        /** Batches waiting for a thread at most (at least 1): the back-pressure bound. */
        public Options withQueueCapacity(int batches) {
            if (batches < 1) {
                throw new IllegalArgumentException("queue capacity must be at least 1");
            }
            return new Options(threads, batchSize, blockSize, batches, maxProblems, progress, source, pinned);
        }

        /** Problems kept in the report (those of the smallest row numbers); the rest are counted. */
        public Options withMaxProblems(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("max problems must not be negative");
            }
            return new Options(threads, batchSize, blockSize, queueCapacity, n, progress, source, pinned);
        }

        /**
         * Called with the number of rows done (assessed or found bad) as the run goes: on the calling
         * thread only, after each batch is handed over, about every 100 ms while the last batches finish,
         * and once at the end with every row. A terminal display should throttle it further.
         */
        public Options withProgress(LongConsumer callback) {
            return new Options(threads, batchSize, blockSize, queueCapacity, maxProblems, callback, source, pinned);
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
                    pinned);
        }

        /**
         * Assess through {@link Nuanxin#batch(String, LocalDate)} instead of {@link Nuanxin#assess}: the rule set
         * serving when the run starts decides every row even if the region is reloaded meanwhile, and decisions
         * are reused for workers whose facts read by the rules are equal. Both paths hold at most the engine's
         * {@code cachedDecisions} bound of decisions (default 10,000; a few KB each).
         */
        public Options withPinnedRules(boolean on) {
            return new Options(threads, batchSize, blockSize, queueCapacity, maxProblems, progress, source, on);
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
         */
        public long maxRowsInFlight() {
            return (long) (queueCapacity + threads + 1) * batchSize;
        }
    }

    /**
     * Assesses every row of a member register and adds the decisions up per benefit.
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
            CsvBlocks.Block header = blocks.next(1);
            if (header == null) {
                throw new MalformedFileException(
                        options.source(), 0, "", "the file is empty; the first row names the columns");
            }
            String problem = header.problem();
            String[] cells = null;
            if (problem == null) {
                CsvTokenizer tokenizer = new CsvTokenizer();
                tokenizer.reset(header.text(), header.length(), header.firstLine());
                tokenizer.next();
                problem = tokenizer.problem();
                cells = tokenizer.cells().strings();
            }
            if (problem != null) {
                throw new MalformedFileException(options.source(), 1, "header", problem);
            }
            format = RegisterFormat.header(options.source(), cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Run(engine, r, asOf, blocks, format, options).go(started);
    }

    /** An assessment's complaint about a row, named by the register's columns ({@code children[1].x} is {@code children}). */
    static RowProblem problem(long row, InvalidInputException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(children|certificates)\\[(\\d+)\\]\\.(.+)")
                .matcher(e.field());
        if (m.matches()) {
            String item = m.group(1).equals("children") ? "child " : "certificate ";
            return new RowProblem(
                    row, m.group(1), item + (Integer.parseInt(m.group(2)) + 1) + ": " + m.group(3) + " " + e.problem());
        }
        return new RowProblem(row, e.field(), e.problem());
    }

    /** One run: the reading thread's side and the assessing threads. */
    private static final class Run {
        private final Nuanxin engine;
        private final Region region;
        private final LocalDate asOf;
        private final CsvBlocks blocks;
        private final RegisterFormat format;
        private final Options options;
        private final BlockingQueue<CsvBlocks.Block> queue;
        private final org.nuanxin.BatchAssessor batch;
        private final AtomicLong done = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final List<Totals> totals = Collections.synchronizedList(new ArrayList<>());
        private long read;
        private long peak;

        Run(Nuanxin engine, Region region, LocalDate asOf, CsvBlocks blocks, RegisterFormat format, Options options) {
            this.engine = engine;
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
                for (Thread t : threads) { // let them stop before reporting (they exit on the failure flag)
                    try {
                        t.join(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                if (f instanceof RuntimeException re) {
                    throw re;
                }
                if (f instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(f);
            }
            progress();
            return report(Duration.ofNanos(System.nanoTime() - started));
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
            if (options.progress != null) {
                options.progress.accept(done.get());
            }
        }

        private void assessLoop() {
            Totals mine = new Totals(region.benefits(), options.maxProblems());
            totals.add(mine);
            CsvTokenizer tokenizer = new CsvTokenizer();
            RegisterFormat.Parser parser = format.parser();
            try {
                while (failure.get() == null) {
                    CsvBlocks.Block b = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (b == null) {
                        continue;
                    }
                    if (b == CsvBlocks.Block.END) {
                        return;
                    }
                    if (b.problem() != null) { // a row too long to keep
                        mine.rows++;
                        mine.bad(RegisterFormat.broken(b.firstLine(), b.problem())
                                .problems());
                    } else {
                        tokenizer.reset(b.text(), b.length(), b.firstLine());
                        while (tokenizer.next()) {
                            mine.rows++;
                            assess(
                                    tokenizer.line(),
                                    tokenizer.problem() != null
                                            ? RegisterFormat.broken(tokenizer.line(), tokenizer.problem())
                                            : parser.row(tokenizer.line(), tokenizer.cells()),
                                    mine);
                        }
                    }
                    done.addAndGet(b.records());
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, new CancellationException("population run interrupted"));
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        }

        private void assess(long row, RegisterFormat.Row parsed, Totals mine) {
            if (!parsed.ok()) {
                mine.bad(parsed.problems());
                return;
            }
            Assessment a;
            try {
                a = batch != null
                        ? batch.assess(parsed.situation())
                        : engine.assess(region.id(), parsed.situation(), asOf);
            } catch (InvalidInputException e) { // inconsistent with the date: a bad row
                mine.bad(List.of(problem(row, e)));
                return;
            }
            if (parsed.situation().events().isEmpty()
                    && parsed.situation().claims().isEmpty()) {
                mine.add(a);
            } else {
                mine.addOnce(a); // decided afresh for this row alone: no other row hands it back
            }
        }

        /** {@code p} with only its value in force on the run's date: a quota or budget changed later is not this run's. */
        private Parameter inForce(Parameter p) {
            if (p == null || !p.changesOverTime()) {
                return p;
            }
            java.util.NavigableMap<LocalDate, Parameter.Dated> one = new java.util.TreeMap<>();
            one.put(asOf, p.datedOn(asOf));
            return new Parameter(p.key(), p.type(), one, p.note(), p.usedBy());
        }

        private PopulationReport report(Duration elapsed) {
            Totals all = new Totals(region.benefits(), options.maxProblems());
            for (Totals t : totals) {
                all.merge(t);
            }
            if (all.rows != read) { // the reading thread and the assessing threads must agree on every row
                throw new IllegalStateException(
                        "population run lost rows: " + read + " cut into blocks, " + all.rows + " read from them");
            }
            // a reload during the run shows as several versions
            String version = all.versions.isEmpty() ? region.ruleSetVersion() : String.join(", ", all.versions);
            List<BenefitTotals> benefits = new ArrayList<>(region.benefits().size());
            for (int i = 0; i < region.benefits().size(); i++) {
                Benefit b = region.benefits().get(i);
                Parameter quota = b.quotaKey().isEmpty()
                        ? null
                        : inForce(region.parameters().get(b.quotaKey()));
                Parameter budget = b.budgetKey().isEmpty()
                        ? null
                        : inForce(region.parameters().get(b.budgetKey()));
                benefits.add(new BenefitTotals(
                        b,
                        all.eligible[i],
                        all.notEligible[i],
                        all.needsInfo[i],
                        all.cash[i],
                        all.cashMin[i],
                        all.cashMax[i],
                        all.value[i],
                        quota,
                        budget));
            }
            List<RowProblem> problems = new ArrayList<>(all.problems);
            Collections.sort(problems);
            return new PopulationReport(
                    region.id(),
                    asOf,
                    version,
                    read,
                    all.badRows,
                    benefits,
                    problems,
                    all.problemCount,
                    elapsed,
                    options.threads(),
                    peak);
        }
    }

    /** One thread's totals; merged into one at the end. Not thread-safe. */
    private static final class Totals {
        private final List<Benefit> benefits;
        private final int maxProblems;
        final long[] eligible;
        final long[] notEligible;
        final long[] needsInfo;
        final BigDecimal[] cash;
        final BigDecimal[] cashMin;
        final BigDecimal[] cashMax;
        final BigDecimal[] value;
        /** The kept problems: a max-heap by row, so the smallest rows stay. */
        final PriorityQueue<RowProblem> problems = new PriorityQueue<>(Collections.reverseOrder());

        long problemCount;
        long badRows;
        long rows;
        /**
         * Assessments counted but not yet added up: an identity hash table, at most half full. Only
         * assessments another row may share go in (rows with events or claims are always decided afresh,
         * {@link #addOnce}); it stays small because, with the engine's cache off, what it holds is garbage
         * kept alive until the next fold.
         */
        private final Assessment[] seen = new Assessment[1 << 12];

        private final long[] times = new long[seen.length];
        private int distinct;
        final java.util.Set<String> versions = new java.util.LinkedHashSet<>(2);
        /** The rule-set version last added to {@link #versions}: a reload is rare, a set lookup per row is not. */
        private String lastVersion;

        Totals(List<Benefit> benefits, int maxProblems) {
            this.benefits = benefits;
            this.maxProblems = maxProblems;
            int n = benefits.size();
            eligible = new long[n];
            notEligible = new long[n];
            needsInfo = new long[n];
            cash = zeros(n);
            cashMin = zeros(n);
            cashMax = zeros(n);
            value = zeros(n);
        }

        private static BigDecimal[] zeros(int n) {
            BigDecimal[] a = new BigDecimal[n];
            java.util.Arrays.fill(a, Money.ZERO);
            return a;
        }

        /**
         * Counts an assessment. The engine hands out the same assessment for workers whose facts are equal, so
         * the distinct ones are counted here and added up, times their count, now and then ({@link #fold()}):
         * the sums are exact either way, and this reads each decision once per distinct assessment, not per row.
         */
        void add(Assessment a) {
            int mask = seen.length - 1;
            int h = System.identityHashCode(a);
            int i = (h ^ (h >>> 16)) & mask;
            Assessment k;
            while ((k = seen[i]) != null) {
                if (k == a) {
                    times[i]++;
                    return;
                }
                i = (i + 1) & mask;
            }
            if (distinct == seen.length / 2) {
                fold();
                add(a);
                return;
            }
            seen[i] = a;
            times[i] = 1;
            distinct++;
        }

        /** Counts an assessment no other row can share (decided afresh for one row): added up at once. */
        void addOnce(Assessment a) {
            add(a, 1);
        }

        /** Adds the counted assessments up and forgets them. */
        void fold() {
            for (int i = 0; i < seen.length; i++) {
                if (seen[i] != null) {
                    add(seen[i], times[i]);
                    seen[i] = null;
                }
            }
            distinct = 0;
        }

        private void add(Assessment a, long count) {
            List<Decision> decisions = a.decisions();
            if (a.ruleSetVersion() != lastVersion) {
                lastVersion = a.ruleSetVersion();
                versions.add(lastVersion);
            }
            BigDecimal n = count == 1 ? null : BigDecimal.valueOf(count);
            for (int j = 0; j < decisions.size(); j++) {
                Decision d = decisions.get(j);
                int i = j < benefits.size() && benefits.get(j).code().equals(d.code()) ? j : indexOf(d.code());
                switch (d.status()) {
                    case ELIGIBLE -> eligible[i] += count;
                    case NOT_ELIGIBLE -> notEligible[i] += count;
                    case NEEDS_INFO -> needsInfo[i] += count;
                }
                if (d.amount() != null) {
                    cash[i] = cash[i].add(times(d.amount(), n));
                }
                if (d.amountMin() != null) {
                    cashMin[i] = cashMin[i].add(times(d.amountMin(), n));
                }
                if (d.amountMax() != null) {
                    cashMax[i] = cashMax[i].add(times(d.amountMax(), n));
                }
                if (d.value() != null) {
                    value[i] = value[i].add(times(d.value(), n));
                }
            }
        }

        /** {@code amount × n} (exact, the scale of {@code amount}); {@code amount} when {@code n} is null (once). */
        private static BigDecimal times(BigDecimal amount, BigDecimal n) {
            return n == null ? amount : amount.multiply(n);
        }

        private int indexOf(String code) {
            for (int i = 0; i < benefits.size(); i++) {
                if (benefits.get(i).code().equals(code)) {
                    return i;
                }
            }
            throw new IllegalStateException(
                    "the assessment has a benefit " + code + " the region's catalogue does not");
        }

        void bad(List<RowProblem> rowProblems) {
            badRows++;
            for (RowProblem p : rowProblems) {
                keep(p);
            }
        }

        private void keep(RowProblem p) {
            problemCount++;
            if (maxProblems == 0) {
                return;
            }
            if (problems.size() < maxProblems) {
                problems.add(p);
            } else if (p.compareTo(problems.peek()) < 0) {
                problems.poll();
                problems.add(p);
            }
        }

        void merge(Totals t) {
            fold();
            t.fold();
            for (int i = 0; i < eligible.length; i++) {
                eligible[i] += t.eligible[i];
                notEligible[i] += t.notEligible[i];
                needsInfo[i] += t.needsInfo[i];
                cash[i] = cash[i].add(t.cash[i]);
                cashMin[i] = cashMin[i].add(t.cashMin[i]);
                cashMax[i] = cashMax[i].add(t.cashMax[i]);
                value[i] = value[i].add(t.value[i]);
            }
            badRows += t.badRows;
            rows += t.rows;
            versions.addAll(t.versions);
            long kept = problemCount;
            for (RowProblem p : t.problems) {
                keep(p);
            }
            problemCount = kept + t.problemCount;
        }
    }
}
