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
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    public Params(String region, Map<String, Parameter> values) {
        this.region = region;
        this.values = Map.copyOf(values);
    }

    /** Every parameter by key. */
    public Map<String, Parameter> all() {
        return values;
    }

    /** The keys rules have read so far in this engine (for finding unused parameters). */
    public Set<String> keysRead() {
        return new TreeSet<>(read);
    }

    /** Notes that a rule read {@code key}; a lookup, not a write, once the key is known (rules read keys on every assessment). */
    private void markRead(String key) {
        if (!read.contains(key)) {
            read.add(key);
        }
    }

    /** Whether the parameters define {@code key} (an optional schedule, say). */
    public boolean has(String key) {
        markRead(key);
        return values.containsKey(key);
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
        Parameter p = values.get(key);
        if (p == null) {
            throw new RuleExecutionException("region " + region + ": rules read parameter '" + key
                    + "', which parameters.yaml does not define");
        }
        if (!type.isInstance(p.value())) {
            throw new RuleExecutionException("region " + region + ": parameter '" + key + "' is of type " + p.type()
                    + ", not " + type.getSimpleName());
        }
        markRead(key);
        return type.cast(p.value());
    }

    @Override
    public String toString() {
        return "Params[" + region + ", " + values.size() + " parameters]";
    }
}
