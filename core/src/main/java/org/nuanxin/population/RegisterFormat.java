package org.nuanxin.population;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.model.Certificate;
import org.nuanxin.model.CertificateKind;
import org.nuanxin.model.Child;
import org.nuanxin.model.Event;
import org.nuanxin.model.Gender;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Money;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.WageArrears;
import org.nuanxin.model.Worker;

/**
 * The member register's columns and how a row's cells become a worker's situation.
 *
 * <p>The columns are the worker fields of SCENARIOS.md by name ({@link Worker#FIELDS}), in any order and
 * any subset, plus optional columns for at most one event of each type per row (an extension for
 * registers that carry the year's trips, stays or arrears):
 * {@code trip_date, trip_reason, trip_union_certified, trip_ticket_cost};
 * {@code stay_hospital, stay_admission_date, stay_discharge_date, stay_out_of_pocket_cost, stay_meal_cost};
 * {@code arrears_date, arrears_amount}. A row whose cells of an event are all empty has no such event.
 *
 * <p>Cells: an empty cell is unknown. Booleans are {@code true}/{@code false} (also {@code yes}/{@code no},
 * {@code 1}/{@code 0}, {@code 是}/{@code 否}); dates {@code YYYY-MM-DD}; enum values by name, any case;
 * places as {@link org.nuanxin.model.Places} accepts them; amounts in CNY ({@code 356.50}).
 * {@code children} is {@code birth_date[:SCHOOL_STAGE]} items separated by {@code ;}
 * ({@code 2015-06-01:PRIMARY;2019-03-02}; an empty birth date is unknown: {@code :PRIMARY});
 * {@code certificates} is {@code KIND[:date]} items ({@code DEGREE:2023-05-01;SKILL:2024-01-01}).
 * For both, {@code -} or {@code none} means known to have none, and an empty cell is unknown.
 */
public final class RegisterFormat {

    /** The event columns this format accepts besides the worker fields. */
    public static final List<String> EVENT_COLUMNS = List.of(
            "trip_date", "trip_reason", "trip_union_certified", "trip_ticket_cost",
            "stay_hospital", "stay_admission_date", "stay_discharge_date", "stay_out_of_pocket_cost", "stay_meal_cost",
            "arrears_date", "arrears_amount");

    /** Every column a register may have: the worker fields, then the event columns. */
    public static final List<String> COLUMNS;

    static {
        List<String> all = new ArrayList<>(Worker.FIELDS);
        all.addAll(EVENT_COLUMNS);
        COLUMNS = List.copyOf(all);
    }

    /** The field a row with the wrong number of cells, or broken quoting, is reported under. */
    public static final String ROW_FIELD = "columns";

    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < COLUMNS.size(); i++) {
            INDEX.put(COLUMNS.get(i), i);
        }
    }

    private static final int TRIP = INDEX.get("trip_date");
    private static final int STAY = INDEX.get("stay_hospital");
    private static final int ARREARS = INDEX.get("arrears_date");

    private final List<String> header;
    /** For each column of the file, the index of its field in {@link #COLUMNS}. */
    private final int[] fieldOf;

    private RegisterFormat(List<String> header, int[] fieldOf) {
        this.header = header;
        this.fieldOf = fieldOf;
    }

    /**
     * Reads a header row.
     *
     * @param source the file's name, for the error
     * @throws MalformedFileException for an empty, unknown or duplicate column name
     */
    public static RegisterFormat header(String source, String[] cells) {
        List<String> names = new ArrayList<>(cells.length);
        int[] fieldOf = new int[cells.length];
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < cells.length; i++) {
            String name = Normalizer.normalize(cells[i], Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new MalformedFileException(source, 1, "header", "column " + (i + 1) + " has no name");
            }
            Integer field = INDEX.get(name);
            if (field == null) {
                throw new MalformedFileException(source, 1, "header", "unknown column '" + shorten(cells[i].strip())
                        + "' (column " + (i + 1) + "); the columns are the worker fields: "
                        + String.join(", ", Worker.FIELDS) + "; and the event columns: " + String.join(", ", EVENT_COLUMNS));
            }
            if (!seen.add(name)) {
                throw new MalformedFileException(source, 1, "header", "column '" + name + "' appears twice");
            }
            names.add(name);
            fieldOf[i] = field;
        }
        return new RegisterFormat(List.copyOf(names), fieldOf);
    }

    /** The header's column names, normalised, in file order. */
    public List<String> columns() {
        return header;
    }

    /** The outcome of reading one row: a situation, or the problems that stop it being assessed. */
    public record Row(long row, Situation situation, List<RowProblem> problems) {
        /** Whether the row can be assessed. */
        public boolean ok() {
            return situation != null;
        }
    }

    /**
     * Reads a data row. Every cell is checked, so a row reports all its bad cells at once.
     *
     * @param row   the row number (header = 1)
     * @param cells the row's cells as read
     */
    public Row row(long row, String[] cells) {
        if (cells.length != fieldOf.length) {
            return bad(row, ROW_FIELD, "the row has " + cells.length + " cell" + (cells.length == 1 ? "" : "s")
                    + " but the header has " + fieldOf.length + " columns (quote a cell that holds a comma)");
        }
        String[] v = new String[COLUMNS.size()];
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].strip();
            v[fieldOf[i]] = c.isEmpty() ? null : c;
        }
        List<RowProblem> problems = new ArrayList<>(0);
        Worker.Builder b = Worker.builder();
        Cells in = new Cells(row, v, problems);
        b.id(v[INDEX.get("id")]);
        b.occupation(in.enumOf("occupation", Occupation.class));
        b.newEmploymentForm(in.bool("new_employment_form"));
        in.place(() -> b.workCity(v[INDEX.get("work_city")]));
        in.place(() -> b.residenceCity(v[INDEX.get("residence_city")]));
        in.place(() -> b.workProvince(v[INDEX.get("work_province")]));
        in.place(() -> b.hukouProvince(v[INDEX.get("hukou_province")]));
        b.gender(in.enumOf("gender", Gender.class));
        b.birthDate(in.date("birth_date"));
        b.unionMember(in.bool("union_member"));
        b.unionJoinDate(in.date("union_join_date"));
        b.medicalInsurance(in.enumOf("medical_insurance", MedicalInsurance.class));
        b.hardship(in.bool("hardship"));
        b.martyrFamily(in.bool("martyr_family"));
        b.frontlineOutstanding(in.bool("frontline_outstanding"));
        b.employer(v[INDEX.get("employer")]);
        b.headPlatformEnterprise(in.bool("head_platform_enterprise"));
        b.employmentStartDate(in.date("employment_start_date"));
        b.integrityDeductions(in.bool("integrity_deductions"));
        b.children(in.children("children"));
        b.certificates(in.certificates("certificates"));
        List<Event> events = new ArrayList<>(0);
        if (any(v, TRIP, 4)) {
            LocalDate date = in.date("trip_date");
            TripReason reason = in.enumOf("trip_reason", TripReason.class);
            Boolean certified = in.bool("trip_union_certified");
            BigDecimal cost = in.money("trip_ticket_cost");
            in.event(() -> events.add(new HomecomingTrip(date, reason, certified, cost)), "trip_");
        }
        if (any(v, STAY, 5)) {
            String hospital = v[STAY];
            LocalDate admission = in.date("stay_admission_date");
            LocalDate discharge = in.date("stay_discharge_date");
            BigDecimal cost = in.money("stay_out_of_pocket_cost");
            BigDecimal meals = in.money("stay_meal_cost");
            in.event(() -> events.add(new Hospitalisation(hospital, admission, discharge, cost, meals)), "stay_");
        }
        if (any(v, ARREARS, 2)) {
            LocalDate date = in.date("arrears_date");
            BigDecimal amount = in.money("arrears_amount");
            in.event(() -> events.add(new WageArrears(date, amount)), "arrears_");
        }
        if (!problems.isEmpty()) {
            return new Row(row, null, List.copyOf(problems));
        }
        Worker worker;
        try {
            worker = b.build();
        } catch (InvalidInputException e) {
            return bad(row, e.field(), e.problem());
        }
        return new Row(row, new Situation(worker, events, List.of()), List.of());
    }

    /** A row whose CSV itself is broken (an unclosed quote, text after a closing quote). */
    static Row broken(long row, String problem) {
        return bad(row, ROW_FIELD, problem);
    }

    private static Row bad(long row, String field, String problem) {
        return new Row(row, null, List.of(new RowProblem(row, field, problem)));
    }

    private static boolean any(String[] v, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (v[i] != null) {
                return true;
            }
        }
        return false;
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** One row's cells by field, with the problems found so far. */
    private static final class Cells {
        private final long row;
        private final String[] v;
        private final List<RowProblem> problems;

        Cells(long row, String[] v, List<RowProblem> problems) {
            this.row = row;
            this.v = v;
            this.problems = problems;
        }

        private String get(String field) {
            return v[INDEX.get(field)];
        }

        private void problem(String field, String problem) {
            problems.add(new RowProblem(row, field, problem));
        }

        void place(Runnable set) {
            try {
                set.run();
            } catch (InvalidInputException e) {
                problem(e.field(), e.problem());
            }
        }

        void event(Runnable add, String prefix) {
            try {
                add.run();
            } catch (InvalidInputException e) {
                problem(e.field().startsWith(prefix) ? e.field() : prefix + e.field(), e.problem());
            }
        }

        Boolean bool(String field) {
            String t = get(field);
            if (t == null) {
                return null;
            }
            Boolean b = parseBool(t);
            if (b == null) {
                problem(field, "not a yes/no value '" + shorten(t) + "'; write true or false (or leave the cell empty when unknown)");
            }
            return b;
        }

        LocalDate date(String field) {
            String t = get(field);
            if (t == null) {
                return null;
            }
            try {
                return parseDate(t);
            } catch (IllegalArgumentException e) {
                problem(field, e.getMessage());
                return null;
            }
        }

        BigDecimal money(String field) {
            String t = get(field);
            if (t == null) {
                return null;
            }
            try {
                return Money.parse(field, t);
            } catch (InvalidInputException e) {
                problem(field, e.problem());
                return null;
            }
        }

        <E extends Enum<E>> E enumOf(String field, Class<E> type) {
            String t = get(field);
            if (t == null) {
                return null;
            }
            try {
                return parseEnum(t, type);
            } catch (IllegalArgumentException e) {
                problem(field, e.getMessage());
                return null;
            }
        }

        List<Child> children(String field) {
            String t = get(field);
            if (t == null) {
                return null;
            }
            if (none(t)) {
                return List.of();
            }
            List<Child> list = new ArrayList<>();
            String[] items = t.split(";", -1);
            for (int i = 0; i < items.length; i++) {
                String item = items[i].strip();
                if (item.isEmpty()) {
                    if (i == items.length - 1 && i > 0) {
                        continue;     // a trailing ';'
                    }
                    problem(field, "child " + (i + 1) + " is empty; write birth_date[:SCHOOL_STAGE] items separated by ;"
                            + " (e.g. 2015-06-01:PRIMARY;2019-03-02), or - for none");
                    return null;
                }
                int colon = item.indexOf(':');
                String date = (colon < 0 ? item : item.substring(0, colon)).strip();
                String stage = colon < 0 ? "" : item.substring(colon + 1).strip();
                try {
                    list.add(new Child(date.isEmpty() ? null : parseDate(date),
                            stage.isEmpty() ? null : parseEnum(stage, SchoolStage.class)));
                } catch (IllegalArgumentException e) {
                    problem(field, "child " + (i + 1) + ": " + e.getMessage());
                    return null;
                }
            }
            return list;
        }

        List<Certificate> certificates(String field) {
            String t = get(field);
            if (t == null) {
                return null;
            }
            if (none(t)) {
                return List.of();
            }
            List<Certificate> list = new ArrayList<>();
            String[] items = t.split(";", -1);
            for (int i = 0; i < items.length; i++) {
                String item = items[i].strip();
                if (item.isEmpty()) {
                    if (i == items.length - 1 && i > 0) {
                        continue;
                    }
                    problem(field, "certificate " + (i + 1) + " is empty; write KIND[:date] items separated by ;"
                            + " (e.g. DEGREE:2023-05-01;SKILL:2024-01-01), or - for none");
                    return null;
                }
                int colon = item.indexOf(':');
                String kind = (colon < 0 ? item : item.substring(0, colon)).strip();
                String date = colon < 0 ? "" : item.substring(colon + 1).strip();
                try {
                    list.add(new Certificate(kind.isEmpty() ? null : parseEnum(kind, CertificateKind.class),
                            date.isEmpty() ? null : parseDate(date)));
                } catch (IllegalArgumentException e) {
                    problem(field, "certificate " + (i + 1) + ": " + e.getMessage());
                    return null;
                }
            }
            return list;
        }
    }

    private static boolean none(String t) {
        return t.equals("-") || t.equalsIgnoreCase("none") || t.equals("[]") || t.equals("无");
    }

    /** {@code true}, {@code false} and their synonyms; {@code null} when the text is none of them. */
    static Boolean parseBool(String t) {
        return switch (Normalizer.normalize(t, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是" -> Boolean.TRUE;
            case "false", "no", "n", "0", "否" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** An ISO date in the years 1900 to 2200. */
    static LocalDate parseDate(String t) {
        LocalDate d;
        try {
            d = LocalDate.parse(Normalizer.normalize(t, Normalizer.Form.NFKC).strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date '" + shorten(t) + "'; write it as YYYY-MM-DD, e.g. 2026-03-10");
        }
        if (d.getYear() < 1900 || d.getYear() > 2200) {
            throw new IllegalArgumentException("date out of range (years 1900 to 2200)");
        }
        return d;
    }

    /** An enum constant by name; case and surrounding blanks are forgiven, typos are not. */
    static <E extends Enum<E>> E parseEnum(String t, Class<E> type) {
        String name = Normalizer.normalize(t, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown value '" + shorten(t) + "'; expected one of: "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }
}
