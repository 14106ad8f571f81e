package org.nuanxin.interview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nuanxin.Parameter;
import org.nuanxin.Region;
import org.nuanxin.model.CertificateKind;
import org.nuanxin.model.Gender;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.Place;
import org.nuanxin.model.Places;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.TripReason;

/**
 * The answers the interview tries when it ranks a question: every answer a yes/no or a choice can
 * take, and for dates, amounts and places the values the regions' own parameters name (each date
 * with the day before and after, each amount with a fen more), plus ages and a place outside every
 * region. Two answers the rules cannot tell apart decide the same; so trying these tells which
 * answers would decide what. Built once per interview step from the parameters in force on the date.
 */
final class Probes {

    /** Whole years before the assessment date that the dates of birth, joining and service try. */
    private static final int[] YEARS = {
        0, 1, 2, 3, 5, 8, 16, 17, 18, 19, 25, 34, 35, 36, 45, 55, 59, 60, 61, 64, 65, 66, 70
    };

    private final LocalDate asOf;
    private final List<LocalDate> dates = new ArrayList<>();
    private final List<BigDecimal> money = new ArrayList<>();
    private final List<Place> cities = new ArrayList<>();
    private final List<Place> provinces = new ArrayList<>();
    private final Set<String> texts = new LinkedHashSet<>();

    /** Probes by regions (their rule-set versions) and date: the parameters in force decide them. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Probes> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The probes for the regions on the date, made once and shared (they are read-only). */
    static Probes of(Collection<Region> regions, LocalDate asOf) {
        StringBuilder key = new StringBuilder(asOf.toString());
        for (Region r : regions) {
            key.append('|').append(r.id()).append('@').append(r.ruleSetVersion());
        }
        if (CACHE.size() > 256) {
            CACHE.clear(); // bounded: a long-running service sees many dates
        }
        return CACHE.computeIfAbsent(key.toString(), k -> new Probes(regions, asOf));
    }

    private Probes(Collection<Region> regions, LocalDate asOf) {
        this.asOf = asOf;
        Set<LocalDate> d = new LinkedHashSet<>();
        for (int y : YEARS) {
            d.add(asOf.minusYears(y));
        }
        Set<BigDecimal> m = new LinkedHashSet<>(List.of(new BigDecimal("1.00"), new BigDecimal("100000.00")));
        Set<Place> c = new LinkedHashSet<>();
        Set<Place> p = new LinkedHashSet<>();
        for (Region r : regions) {
            for (Parameter param : r.parameters().values()) {
                collect(param.valueOn(asOf), d, m, c, p);
            }
        }
        Places places = Places.standard();
        Place outside = places.city("probe", "beijing");
        c.add(outside);
        p.add(outside.province());
        for (Place province : List.copyOf(p)) {
            places.all().stream()
                    .filter(x ->
                            x.level() != Place.Level.PROVINCE && x.province().equals(province))
                    .findFirst()
                    .ifPresent(c::add);
        }
        for (Place city : c) {
            p.add(city.province());
        }
        dates.addAll(d);
        money.addAll(m);
        cities.addAll(c);
        provinces.addAll(p);
    }

    private void collect(Object v, Set<LocalDate> d, Set<BigDecimal> m, Set<Place> c, Set<Place> p) {
        if (v instanceof LocalDate date) {
            d.add(date.minusDays(1));
            d.add(date);
            d.add(date.plusDays(1));
        } else if (v instanceof BigDecimal b) {
            m.add(b.setScale(2, java.math.RoundingMode.UNNECESSARY));
            m.add(b.add(new BigDecimal("0.01")).setScale(2, java.math.RoundingMode.UNNECESSARY));
        } else if (v instanceof Place place) {
            (place.level() == Place.Level.PROVINCE ? p : c).add(place);
        } else if (v instanceof String s) {
            if (s.matches("[A-Za-z][A-Za-z0-9_]*")) {
                texts.add(s);
            }
        } else if (v instanceof Collection<?> items) {
            for (Object o : items) {
                collect(o, d, m, c, p);
            }
        } else if (v instanceof Map<?, ?> map) {
            for (Object o : map.values()) {
                collect(o, d, m, c, p);
            }
        }
    }

    /** The names the parameters give that are not choices of a closed list: employers, hospitals. */
    Set<String> texts() {
        return java.util.Collections.unmodifiableSet(texts);
    }

    /** The answers to try for {@code field}. */
    List<Object> of(String field) {
        Fields.Spec spec = Fields.spec(field);
        String part = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return switch (spec.kind()) {
            case YES_NO, EVENT -> List.of(Boolean.TRUE, Boolean.FALSE);
            case COUNT -> List.of(0, 1);
            case DATE -> List.copyOf(dates);
            case MONEY -> List.copyOf(money);
            case PLACE -> part.equals("hukou_province") ? List.copyOf(provinces) : List.copyOf(cities);
            case ONE_OF ->
                switch (part) {
                    case "occupation" -> List.of((Object[]) Occupation.values());
                    case "gender" -> List.of((Object[]) Gender.values());
                    case "medical_insurance" -> List.of((Object[]) MedicalInsurance.values());
                    case "school_stage" -> List.of((Object[]) SchoolStage.values());
                    case "kind" -> List.of((Object[]) CertificateKind.values());
                    case "reason" -> List.of((Object[]) TripReason.values());
                    default -> {
                        List<Object> open = new ArrayList<>(texts);
                        open.add("OTHER");
                        yield open;
                    }
                };
        };
    }

    @Override
    public String toString() {
        return "Probes[as of " + asOf + ": " + dates.size() + " dates, " + money.size() + " amounts, " + cities.size()
                + " cities, " + provinces.size() + " provinces, " + texts.size() + " names]";
    }
}
