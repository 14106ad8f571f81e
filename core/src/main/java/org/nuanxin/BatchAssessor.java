package org.nuanxin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.nuanxin.internal.CompiledRegion;
import org.nuanxin.model.Situation;
import org.nuanxin.rules.Profile;

/**
 * Assesses many workers of one region on one date, as a planner's population run does, reusing a
 * decision for every worker whose facts — exactly the facts the region's rules read — are the
 * same. The rules always decide: a worker is assessed by them unless an earlier worker with the
 * same values of every fact the rules have read so far was; the first assessment of a new
 * combination records which facts the rules read, and a fact never read before (a rule branching
 * on a value) widens the key and empties the cache. Workers with events or claims are always
 * assessed afresh.
 *
 * <p>Thread-safe; made with {@link Nuanxin#batch(String, LocalDate)}. It keeps the rule set that
 * served when it was made, and at most {@code maxEntries} decisions.
 */
public final class BatchAssessor {

    private final CompiledRegion region;
    private final LocalDate asOf;
    private final int maxFirings;
    private final int maxEntries;
    private final Object widen = new Object();
    /** The facts read so far; replaced whole, with a new generation, when it grows. */
    private record Facts(int generation, Map<String, Function<Profile, Object>> byKey) {}

    private volatile Facts facts = new Facts(0, Map.of());

    /*
     * A plain map emptied when full, not Caffeine's bounded cache, on measurement (issue 19; BatchBenchmark,
     * a 50,000-row Xi'an register, two JMH runs on 2026-12-05, docs/performance.md). Where every distinct
     * decision fits the bound (the common case), Caffeine 3.3.1 made the batch path slower: 0.88 ± 0.06 and
     * 0.86 ± 0.10 times the map's throughput with one thread, 0.87 ± 0.07 and 0.75 ± 0.08 with two; where every
     * row without events is a hit, 0.82 ± 0.12 and 0.61 ± 0.08. Caffeine records each read and maintains its
     * eviction policy on each write, work that buys nothing when nothing is evicted. Where the decisions
     * exceed the bound (7,156 distinct, a bound of 1,000) it kept more of them (a fifth less allocation per
     * row) but was no faster: 0.96 ± 0.13 (one thread) and 1.06 ± 0.11 (two).
     */
    private final ConcurrentHashMap<List<Object>, Assessment> cache = new ConcurrentHashMap<>();

    BatchAssessor(CompiledRegion region, LocalDate asOf, int maxFirings, int maxEntries) {
        this.region = region;
        this.asOf = asOf;
        this.maxFirings = maxFirings;
        this.maxEntries = maxEntries;
    }

    /** The date every worker is assessed at. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Decisions held for reuse. */
    public int cachedDecisions() {
        return cache.size();
    }

    /**
     * Assesses one worker; see {@link Nuanxin#assess(String, Situation, LocalDate)}.
     *
     * @throws InvalidInputException  when the situation is inconsistent with the date
     * @throws RuleExecutionException when the region's rules fail
     */
    public Assessment assess(Situation situation) {
        if (!situation.events().isEmpty() || !situation.claims().isEmpty()) {
            return region.assess(situation, asOf, maxFirings);
        }
        CompiledRegion.checkDates(situation.worker(), asOf);
        situation = situation.seenOn(asOf);
        Facts known = facts;
        Profile probe = new Profile(situation.worker(), asOf);
        List<Object> key = new ArrayList<>(known.byKey().size() + 1);
        key.add(known.generation()); // a key is only valid for the facts it was made of
        for (Function<Profile, Object> f : known.byKey().values()) {
            key.add(f.apply(probe));
        }
        Assessment hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        Map<String, Function<Profile, Object>> read = new LinkedHashMap<>();
        Assessment a = region.assess(situation, asOf, maxFirings, (k, fact, value) -> read.putIfAbsent(k, fact));
        if (known.byKey().keySet().containsAll(read.keySet())) {
            if (cache.size() >= maxEntries) {
                cache.clear();
            }
            cache.put(key, a);
        } else {
            synchronized (widen) {
                Map<String, Function<Profile, Object>> wider = new LinkedHashMap<>(facts.byKey());
                read.forEach(wider::putIfAbsent);
                facts = new Facts(facts.generation() + 1, java.util.Collections.unmodifiableMap(wider));
                cache.clear();
            }
        }
        return a;
    }

    @Override
    public String toString() {
        return "BatchAssessor[" + region.region().id() + " as of " + asOf + ", "
                + facts.byKey().size() + " facts read, " + cache.size() + " decisions held]";
    }
}
