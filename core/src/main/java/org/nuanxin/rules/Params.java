package org.nuanxin.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.nuanxin.Parameter;
import org.nuanxin.RuleExecutionException;
import org.nuanxin.model.Place;

/**
 * A region's parameters as the global {@code params} in rules: amounts, caps, dates and quotas by
 * key, so that no figure is a literal in a rule condition. Immutable and shared by all assessments.
 */
public final class Params {

    private final String region;
    private final Map<String, Parameter> values;
    /** The parameters with a flag each: set once a rule reads it (a field write, not a map update, per read). */
    private final Map<String, Slot> slots;
    /** Keys rules asked about that the parameters do not define ({@link #has}). */
    private final Set<String> readUndefined = ConcurrentHashMap.newKeySet();

    private static final class Slot {
        final Parameter parameter;
        volatile boolean read;

        Slot(Parameter parameter) {
            this.parameter = parameter;
        }
    }

    public Params(String region, Map<String, Parameter> values) {
        this.region = region;
        this.values = Map.copyOf(values);
        Map<String, Slot> slots = new java.util.HashMap<>();
        // interned keys: the keys rules pass are string literals (interned), so a lookup's equals is an identity check
        this.values.forEach((k, v) -> slots.put(k.intern(), new Slot(v)));
        this.slots = java.util.Collections.unmodifiableMap(slots);
    }

    /** Every parameter by key. */
    public Map<String, Parameter> all() {
        return values;
    }

    /** The keys rules have read so far in this engine (for finding unused parameters). */
    public Set<String> keysRead() {
        Set<String> keys = new TreeSet<>(readUndefined);
        slots.forEach((k, slot) -> {
            if (slot.read) {
                keys.add(k);
            }
        });
        return keys;
    }

    /** Whether the parameters define {@code key} (an optional schedule, say). */
    public boolean has(String key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            readUndefined.add(key);
            return false;
        }
        markRead(slot);
        return true;
    }

    private static void markRead(Slot slot) {
        if (!slot.read) {
            slot.read = true;
        }
    }

    public LocalDate date(String key) {
        return get(key, LocalDate.class);
    }

    /** A yearly date such as the first day of a season ({@code --06-01}). */
    public MonthDay monthDay(String key) {
        return get(key, MonthDay.class);
    }

    public BigDecimal money(String key) {
        return get(key, BigDecimal.class);
    }

    public int integer(String key) {
        return get(key, Integer.class);
    }

    public String text(String key) {
        return get(key, String.class);
    }

    public Place place(String key) {
        return get(key, Place.class);
    }

    /** A list of names, e.g. the trip reasons that qualify. */
    public List<?> texts(String key) {
        return get(key, List.class);
    }

    /**
     * An amount looked up in a table by a fact's value, e.g. the hospitalisation cap by medical
     * insurance type (A-XA-1). When the fact is unknown and every row holds the same amount, that
     * amount is known anyway; otherwise the answer is unknown and names the fact's field.
     */
    public AmountField moneyBy(String key, Field<?> by) {
        Map<?, ?> table = get(key, Map.class);
        if (by.value() == null) {
            Collection<?> amounts = table.values();
            Object first = amounts.iterator().next();
            boolean same = amounts.stream().allMatch(a -> ((BigDecimal) a).compareTo((BigDecimal) first) == 0);
            return new AmountField(by.name(), same ? (BigDecimal) first : null);
        }
        String name = by.value() instanceof Enum<?> e ? e.name() : String.valueOf(by.value());
        Object amount = table.get(name);
        if (amount == null) {
            throw new RuleExecutionException("region " + region + ": parameter table '" + key + "' has no row for "
                    + by.name() + " value " + name);
        }
        return new AmountField(by.name(), (BigDecimal) amount);
    }

    private <T> T get(String key, Class<T> type) {
        Slot slot = slots.get(key);
        if (slot == null) {
            throw new RuleExecutionException("region " + region + ": rules read parameter '" + key
                    + "', which parameters.yaml does not define");
        }
        Parameter p = slot.parameter;
        if (!type.isInstance(p.value())) {
            throw new RuleExecutionException("region " + region + ": parameter '" + key + "' is of type " + p.type()
                    + ", not " + type.getSimpleName());
        }
        markRead(slot);
        return type.cast(p.value());
    }

    @Override
    public String toString() {
        return "Params[" + region + ", " + values.size() + " parameters]";
    }
}
