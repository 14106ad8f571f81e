package org.nuanxin.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.nuanxin.Parameter;
import org.nuanxin.RuleExecutionException;
import org.nuanxin.model.Place;

/**
 * A region's parameters as the global {@code params} in rules: amounts, caps, dates and quotas by
 * key, so that no figure is a literal in a rule condition. Immutable and shared by all assessments.
 *
 * <p>A parameter may hold values by date ({@link Parameter#values()}); an assessment reads the
 * values in force on its date through {@link #on(LocalDate)}. The views for the dates on which some
 * value changes are made once, with the parameters, so that choosing one is a map lookup and a read
 * allocates nothing. All views share what rules have read ({@link #keysRead()}).
 */
public final class Params {

    private final String region;
    private final Map<String, Parameter> values;
    /** The parameters with their values in force in this view, and a flag each shared by all views. */
    private final Map<String, Slot> slots;
    /** Keys rules asked about that the parameters do not define ({@link #has}); shared by all views. */
    private final Set<String> readUndefined;
    /**
     * The view in force from each date on which a value changes; empty when no parameter changes
     * (then this one serves every date). Shared by all views.
     */
    private final NavigableMap<LocalDate, Params> views;
    /** The view before the first change: every parameter's first value; {@code null} in a view. */
    private final Params first;
    /** The object the views were made by, which holds them all. */
    private final Params root;

    /** Whether a rule has read a parameter: set once (a field write, not a map update, per read). */
    private static final class Flag {
        volatile boolean read;
    }

    private static final class Slot {
        final Parameter parameter;
        final Object value;
        final Flag flag;

        Slot(Parameter parameter, Object value, Flag flag) {
            this.parameter = parameter;
            this.value = value;
            this.flag = flag;
        }
    }

    /**
     * The parameters of {@code region}; this object reads each parameter's latest value, and
     * {@link #on(LocalDate)} the values in force on a date.
     */
    public Params(String region, Map<String, Parameter> values) {
        this.region = region;
        this.values = Map.copyOf(values);
        this.readUndefined = ConcurrentHashMap.newKeySet();
        this.root = this;
        Map<String, Flag> flags = new java.util.HashMap<>();
        this.values.keySet().forEach(k -> flags.put(k, new Flag()));
        this.slots = slots(this.values, flags, null);
        java.util.TreeSet<LocalDate> changes = new java.util.TreeSet<>();
        for (Parameter p : this.values.values()) {
            if (p.changesOverTime()) {
                changes.addAll(p.values().keySet());
                changes.remove(p.values().firstKey()); // before its second date, its first value holds
            }
        }
        NavigableMap<LocalDate, Params> views = new TreeMap<>();
        for (LocalDate d : changes) {
            views.put(d, new Params(this, slots(this.values, flags, d)));
        }
        this.views = java.util.Collections.unmodifiableNavigableMap(views);
        this.first = changes.isEmpty()
                ? this
                : new Params(this, slots(this.values, flags, changes.first().minusDays(1)));
    }

    /** A view of {@code all}'s parameters with the values of {@code slots}. */
    private Params(Params all, Map<String, Slot> slots) {
        this.region = all.region;
        this.values = all.values;
        this.readUndefined = all.readUndefined;
        this.slots = slots;
        this.views = Collections.emptyNavigableMap();
        this.first = null;
        this.root = all;
    }

    /** The slots with the values in force on {@code date}, or the latest values when it is {@code null}. */
    private static Map<String, Slot> slots(Map<String, Parameter> values, Map<String, Flag> flags, LocalDate date) {
        Map<String, Slot> slots = new java.util.HashMap<>();
        // interned keys: the keys rules pass are string literals (interned), so a lookup's equals is an identity check
        values.forEach(
                (k, p) -> slots.put(k.intern(), new Slot(p, date == null ? p.value() : p.valueOn(date), flags.get(k))));
        return Collections.unmodifiableMap(slots);
    }

    /**
     * The parameters with the values in force on {@code date}: made once, so this is a lookup. A
     * view answers the same keys as this object and shares what rules read.
     */
    public Params on(LocalDate date) {
        Params r = root;
        if (r.views.isEmpty()) {
            return r;
        }
        Map.Entry<LocalDate, Params> e = r.views.floorEntry(date);
        return e != null ? e.getValue() : r.first;
    }

    /** Every parameter by key, with all its dated values. */
    public Map<String, Parameter> all() {
        return values;
    }

    /** The keys rules have read so far in this engine (for finding unused parameters). */
    public Set<String> keysRead() {
        Set<String> keys = new TreeSet<>(readUndefined);
        slots.forEach((k, slot) -> {
            if (slot.flag.read) {
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
        if (!slot.flag.read) {
            slot.flag.read = true;
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
            throw new RuleExecutionException(
                    "region " + region + ": rules read parameter '" + key + "', which parameters.yaml does not define");
        }
        if (!type.isInstance(slot.value)) {
            throw new RuleExecutionException("region " + region + ": parameter '" + key + "' is of type "
                    + slot.parameter.type() + ", not " + type.getSimpleName());
        }
        markRead(slot);
        return type.cast(slot.value);
    }

    @Override
    public String toString() {
        return "Params[" + region + ", " + values.size() + " parameters]";
    }
}
