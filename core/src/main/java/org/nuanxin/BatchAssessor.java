package org.nuanxin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    private final Decisions cache;

    /**
     * The decisions held. MEASUREMENT ONLY (issue 19): two stores, chosen by the system property
     * {@code nuanxin.batch.cache} ({@code map} or {@code caffeine}), so that BatchBenchmark measures both
     * in one JMH run; the slower one and the property go in the next commit.
     */
    private interface Decisions {
        Assessment get(List<Object> key);

        void put(List<Object> key, Assessment a);

        void clear();

        long size();
    }

    /** A map emptied when it reaches the bound. */
    private static final class MapDecisions implements Decisions {
        private final ConcurrentHashMap<List<Object>, Assessment> map = new ConcurrentHashMap<>();
        private final int max;

        MapDecisions(int max) {
            this.max = max;
        }

        @Override
        public Assessment get(List<Object> key) {
            return map.get(key);
        }

        @Override
        public void put(List<Object> key, Assessment a) {
            if (map.size() >= max) {
                map.clear();
            }
            map.put(key, a);
        }

        @Override
        public void clear() {
            map.clear();
        }

        @Override
        public long size() {
            return map.size();
        }
    }

    /** Caffeine's bounded cache (W-TinyLFU eviction), its upkeep done on the calling thread. */
    private static final class CaffeineDecisions implements Decisions {
        private final Cache<List<Object>, Assessment> cache;

        CaffeineDecisions(int max) {
            cache = Caffeine.newBuilder()
                    .maximumSize(max)
                    .executor(Runnable::run)
                    .build();
        }

        @Override
        public Assessment get(List<Object> key) {
            return cache.getIfPresent(key);
        }

        @Override
        public void put(List<Object> key, Assessment a) {
            cache.put(key, a);
        }

        @Override
        public void clear() {
            cache.invalidateAll();
        }

        @Override
        public long size() {
            return cache.estimatedSize();
        }
    }

    BatchAssessor(CompiledRegion region, LocalDate asOf, int maxFirings, int maxEntries) {
        this.region = region;
        this.asOf = asOf;
        this.maxFirings = maxFirings;
        this.maxEntries = maxEntries;
        this.cache = "map".equals(System.getProperty("nuanxin.batch.cache"))
                ? new MapDecisions(maxEntries)
                : new CaffeineDecisions(maxEntries);
    }

    /** The date every worker is assessed at. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Decisions held for reuse. */
    public int cachedDecisions() {
        return (int) cache.size();
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
