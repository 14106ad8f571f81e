package org.nuanxin.reliability;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The figures the reliability tests measure, collected in this JVM; {@link ReliabilityReportTest}
 * writes them to {@code docs/reliability.md} at the end of a full run. Keys are dotted
 * ({@code hammer.BUNDLED.32.assessments}); values are what the doc prints.
 */
final class Figures {

    private static final Map<String, Object> VALUES = new ConcurrentSkipListMap<>();

    private Figures() {}

    static void put(String key, Object value) {
        VALUES.put(key, value);
    }

    static void add(String key, long delta) {
        VALUES.merge(key, delta, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
    }

    static Object get(String key) {
        return VALUES.get(key);
    }

    static long count(String key) {
        Object v = VALUES.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static boolean has(String key) {
        return VALUES.containsKey(key);
    }

    static Map<String, Object> all() {
        return Map.copyOf(VALUES);
    }
}
