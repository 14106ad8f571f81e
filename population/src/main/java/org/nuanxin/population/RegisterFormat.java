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
import org.nuanxin.model.Place;
import org.nuanxin.model.Places;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.WageArrears;
import org.nuanxin.model.Worker;

/**
 * The member register's columns and how a row's cells become a worker's situation.
 *
 * <p>The columns are the worker fields of the scenario format (docs/scenario-format.md) by name ({@link Worker#FIELDS}), in any order and
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
            "trip_date",
            "trip_reason",
            "trip_union_certified",
            "trip_ticket_cost",
            "stay_hospital",
            "stay_admission_date",
            "stay_discharge_date",
            "stay_out_of_pocket_cost",
            "stay_meal_cost",
            "arrears_date",
            "arrears_amount");

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
            String name =
                    Normalizer.normalize(cells[i], Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new MalformedFileException(source, 1, "header", "column " + (i + 1) + " has no name");
            }
            Integer field = INDEX.get(name);
            if (field == null) {
                throw new MalformedFileException(
                        source,
                        1,
                        "header",
                        "unknown column '" + shorten(cells[i].strip())
                                + "' (column " + (i + 1) + "); the columns are the worker fields: "
                                + String.join(", ", Worker.FIELDS) + "; and the event columns: "
                                + String.join(", ", EVENT_COLUMNS));
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
        return parser().row(row, RowText.of(cells));
    }

    /**
     * A reader of rows for one thread, which remembers the values a register repeats (places, enum names): for a
     * host that reads many rows of this format from elsewhere than a CSV file (the Spark module, one per partition).
     */
    public Parser parser() {
        return new Parser();
    }

    /** A row whose CSV itself is broken (an unclosed quote, text after a closing quote). */
    static Row broken(long row, String problem) {
        return bad(row, ROW_FIELD, problem);
    }

    private static Row bad(long row, String field, String problem) {
        return new Row(row, null, List.of(new RowProblem(row, field, problem)));
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static final int ID = INDEX.get("id");
    private static final int OCCUPATION = INDEX.get("occupation");
    private static final int NEW_EMPLOYMENT_FORM = INDEX.get("new_employment_form");
    private static final int WORK_CITY = INDEX.get("work_city");
    private static final int RESIDENCE_CITY = INDEX.get("residence_city");
    private static final int WORK_PROVINCE = INDEX.get("work_province");
    private static final int HUKOU_PROVINCE = INDEX.get("hukou_province");
    private static final int GENDER = INDEX.get("gender");
    private static final int BIRTH_DATE = INDEX.get("birth_date");
    private static final int UNION_MEMBER = INDEX.get("union_member");
    private static final int UNION_JOIN_DATE = INDEX.get("union_join_date");
    private static final int MEDICAL_INSURANCE = INDEX.get("medical_insurance");
    private static final int HARDSHIP = INDEX.get("hardship");
    private static final int MARTYR_FAMILY = INDEX.get("martyr_family");
    private static final int FRONTLINE_OUTSTANDING = INDEX.get("frontline_outstanding");
    private static final int EMPLOYER = INDEX.get("employer");
    private static final int HEAD_PLATFORM_ENTERPRISE = INDEX.get("head_platform_enterprise");
    private static final int EMPLOYMENT_START_DATE = INDEX.get("employment_start_date");
    private static final int INTEGRITY_DEDUCTIONS = INDEX.get("integrity_deductions");
    private static final int CHILDREN = INDEX.get("children");
    private static final int CERTIFICATES = INDEX.get("certificates");
    private static final int TRIP_REASON = INDEX.get("trip_reason");
    private static final int TRIP_UNION_CERTIFIED = INDEX.get("trip_union_certified");
    private static final int TRIP_TICKET_COST = INDEX.get("trip_ticket_cost");
    private static final int STAY_ADMISSION_DATE = INDEX.get("stay_admission_date");
    private static final int STAY_DISCHARGE_DATE = INDEX.get("stay_discharge_date");
    private static final int STAY_OUT_OF_POCKET_COST = INDEX.get("stay_out_of_pocket_cost");
    private static final int STAY_MEAL_COST = INDEX.get("stay_meal_cost");
    private static final int ARREARS_AMOUNT = INDEX.get("arrears_amount");

    /** Texts remembered per table (and thread): more than a register's distinct places or enum names. */
    private static final int TABLE_ENTRIES = 1024;

    /** A cell's value, or what is wrong with it. */
    private record Parsed(Object value, String problem) {}

    private static <E extends Enum<E>> TextTable<Parsed> enumTable(Class<E> type) {
        return new TextTable<>(
                t -> {
                    try {
                        return new Parsed(parseEnum(t, type), null);
                    } catch (IllegalArgumentException e) {
                        return new Parsed(null, e.getMessage());
                    }
                },
                TABLE_ENTRIES);
    }

    private static TextTable<Parsed> placeTable(int column, boolean city) {
        String field = COLUMNS.get(column);
        return new TextTable<>(
                t -> {
                    try {
                        return new Parsed(
                                city
                                        ? Places.standard().city(field, t)
                                        : Places.standard().province(field, t),
                                null);
                    } catch (InvalidInputException e) {
                        return new Parsed(null, e.problem());
                    }
                },
                TABLE_ENTRIES);
    }

    private static TextTable<Parsed> moneyTable(int column) {
        String field = COLUMNS.get(column);
        return new TextTable<>(
                t -> {
                    try {
                        return new Parsed(Money.parse(field, t), null);
                    } catch (InvalidInputException e) {
                        return new Parsed(null, e.problem());
                    }
                },
                TABLE_ENTRIES);
    }

    /**
     * Reads rows of this format on one thread: cells are parsed straight from the record's characters, and
     * the values a register repeats (places, enum names, yes/no, amounts, employers) are looked up by their
     * text rather than parsed again. Not thread-safe.
     */
    public final class Parser {
        private final int[] from = new int[COLUMNS.size()];
        private final int[] to = new int[COLUMNS.size()];
        private final TextTable<Parsed> bools = new TextTable<>(
                t -> {
                    Boolean b = parseBool(t);
                    return new Parsed(
                            b,
                            b != null
                                    ? null
                                    : "not a yes/no value '" + shorten(t)
                                            + "'; write true or false (or leave the cell empty when unknown)");
                },
                TABLE_ENTRIES);
        private final TextTable<Parsed> occupations = enumTable(Occupation.class);
        private final TextTable<Parsed> genders = enumTable(Gender.class);
        private final TextTable<Parsed> insurances = enumTable(MedicalInsurance.class);
        private final TextTable<Parsed> reasons = enumTable(TripReason.class);
        private final TextTable<Parsed> stages = enumTable(SchoolStage.class);
        private final TextTable<Parsed> kinds = enumTable(CertificateKind.class);
        private final TextTable<Parsed> workCities = placeTable(WORK_CITY, true);
        private final TextTable<Parsed> residenceCities = placeTable(RESIDENCE_CITY, true);
        private final TextTable<Parsed> workProvinces = placeTable(WORK_PROVINCE, false);
        private final TextTable<Parsed> hukouProvinces = placeTable(HUKOU_PROVINCE, false);
        private final TextTable<Parsed> ticketCosts = moneyTable(TRIP_TICKET_COST);
        private final TextTable<Parsed> stayCosts = moneyTable(STAY_OUT_OF_POCKET_COST);
        private final TextTable<Parsed> mealCosts = moneyTable(STAY_MEAL_COST);
        private final TextTable<Parsed> arrearsAmounts = moneyTable(ARREARS_AMOUNT);
        private final TextTable<String> names = new TextTable<>(t -> t, TABLE_ENTRIES);
        private char[] text;
        private long row;
        private List<RowProblem> problems;

        /** The cells of {@link #row(long, String[])}, reused. */
        private final RowText given = new RowText();

        private Parser() {}

        /**
         * Reads a data row exactly as {@link RegisterFormat#row(long, String[])} does, looking repeated values up in
         * this reader's tables; a {@code null} cell is an empty one.
         *
         * @param row   the row number (header = 1)
         * @param cells the row's cells as read, in the header's order
         */
        public Row row(long row, String[] cells) {
            long length = 0;
            for (String c : cells) {
                length += c == null ? 0 : c.length();
            }
            if (length + Math.max(0, cells.length - 1) > CsvBlocks.MAX_RECORD) {
                // as a CSV row this long is (its cells and the commas between them): a bad row, its text not copied
                return bad(row, ROW_FIELD, "the row is longer than " + CsvBlocks.MAX_RECORD + " characters");
            }
            given.clear();
            char[] into = given.room((int) length);
            int end = 0;
            for (String c : cells) {
                if (c != null) {
                    c.getChars(0, c.length(), into, end);
                    end += c.length();
                }
                given.endCell(end);
            }
            return row(row, given);
        }

        /** Reads a data row; see {@link RegisterFormat#row(long, String[])}. */
        Row row(long row, RowText cells) {
            int n = cells.count();
            if (n != fieldOf.length) {
                return bad(
                        row,
                        ROW_FIELD,
                        "the row has " + n + " cell" + (n == 1 ? "" : "s") + " but the header has " + fieldOf.length
                                + " columns (quote a cell that holds a comma)");
            }
            char[] t = cells.chars();
            this.text = t;
            this.row = row;
            this.problems = null;
            Arrays.fill(from, -1);
            for (int i = 0; i < n; i++) {
                int s = cells.from(i);
                int e = cells.to(i);
                while (s < e && RowText.blank(t[s])) {
                    s++;
                }
                while (e > s && RowText.blank(t[e - 1])) {
                    e--;
                }
                if (s < e) {
                    from[fieldOf[i]] = s;
                    to[fieldOf[i]] = e;
                }
            }
            Worker.Builder b = Worker.builder();
            b.id(from[ID] < 0 ? null : new String(t, from[ID], to[ID] - from[ID]));
            b.occupation((Occupation) lookUp(OCCUPATION, occupations));
            b.newEmploymentForm((Boolean) lookUp(NEW_EMPLOYMENT_FORM, bools));
            b.workCity((Place) lookUp(WORK_CITY, workCities));
            b.residenceCity((Place) lookUp(RESIDENCE_CITY, residenceCities));
            b.workProvince((Place) lookUp(WORK_PROVINCE, workProvinces));
            b.hukouProvince((Place) lookUp(HUKOU_PROVINCE, hukouProvinces));
            b.gender((Gender) lookUp(GENDER, genders));
            b.birthDate(date(BIRTH_DATE));
            b.unionMember((Boolean) lookUp(UNION_MEMBER, bools));
            b.unionJoinDate(date(UNION_JOIN_DATE));
            b.medicalInsurance((MedicalInsurance) lookUp(MEDICAL_INSURANCE, insurances));
            b.hardship((Boolean) lookUp(HARDSHIP, bools));
            b.martyrFamily((Boolean) lookUp(MARTYR_FAMILY, bools));
            b.frontlineOutstanding((Boolean) lookUp(FRONTLINE_OUTSTANDING, bools));
            b.employer(name(EMPLOYER));
            b.headPlatformEnterprise((Boolean) lookUp(HEAD_PLATFORM_ENTERPRISE, bools));
            b.employmentStartDate(date(EMPLOYMENT_START_DATE));
            b.integrityDeductions((Boolean) lookUp(INTEGRITY_DEDUCTIONS, bools));
            b.children(children());
            b.certificates(certificates());
            List<Event> events = new ArrayList<>(0);
            if (any(TRIP, 4)) {
                LocalDate date = date(TRIP);
                TripReason reason = (TripReason) lookUp(TRIP_REASON, reasons);
                Boolean certified = (Boolean) lookUp(TRIP_UNION_CERTIFIED, bools);
                BigDecimal cost = (BigDecimal) lookUp(TRIP_TICKET_COST, ticketCosts);
                try {
                    events.add(new HomecomingTrip(date, reason, certified, cost));
                } catch (InvalidInputException e) {
                    eventProblem(e, "trip_");
                }
            }
            if (any(STAY, 5)) {
                String hospital = name(STAY);
                LocalDate admission = date(STAY_ADMISSION_DATE);
                LocalDate discharge = date(STAY_DISCHARGE_DATE);
                BigDecimal cost = (BigDecimal) lookUp(STAY_OUT_OF_POCKET_COST, stayCosts);
                BigDecimal meals = (BigDecimal) lookUp(STAY_MEAL_COST, mealCosts);
                try {
                    events.add(new Hospitalisation(hospital, admission, discharge, cost, meals));
                } catch (InvalidInputException e) {
                    eventProblem(e, "stay_");
                }
            }
            if (any(ARREARS, 2)) {
                LocalDate date = date(ARREARS);
                BigDecimal amount = (BigDecimal) lookUp(ARREARS_AMOUNT, arrearsAmounts);
                try {
                    events.add(new WageArrears(date, amount));
                } catch (InvalidInputException e) {
                    eventProblem(e, "arrears_");
                }
            }
            if (problems != null) {
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

        private void problem(String field, String problem) {
            if (problems == null) {
                problems = new ArrayList<>(2);
            }
            problems.add(new RowProblem(row, field, problem));
        }

        private void eventProblem(InvalidInputException e, String prefix) {
            problem(e.field().startsWith(prefix) ? e.field() : prefix + e.field(), e.problem());
        }

        private boolean any(int first, int count) {
            for (int i = first; i < first + count; i++) {
                if (from[i] >= 0) {
                    return true;
                }
            }
            return false;
        }

        /** A cell's value from a table, or {@code null} when it is empty or bad (bad: a problem is added). */
        private Object lookUp(int column, TextTable<Parsed> table) {
            if (from[column] < 0) {
                return null;
            }
            Parsed p = table.get(text, from[column], to[column]);
            if (p.problem() != null) {
                problem(COLUMNS.get(column), p.problem());
            }
            return p.value();
        }

        /** A name cell (employer, hospital): one String per distinct name. */
        private String name(int column) {
            return from[column] < 0 ? null : names.get(text, from[column], to[column]);
        }

        private LocalDate date(int column) {
            if (from[column] < 0) {
                return null;
            }
            try {
                return dateOf(text, from[column], to[column]);
            } catch (IllegalArgumentException e) {
                problem(COLUMNS.get(column), e.getMessage());
                return null;
            }
        }

        private Object itemOf(TextTable<Parsed> table, int s, int e) {
            Parsed p = table.get(text, s, e);
            if (p.problem() != null) {
                throw new IllegalArgumentException(p.problem());
            }
            return p.value();
        }

        /** {@code 2015-06-01:PRIMARY;2019-03-02}; see the class comment. */
        private List<Child> children() {
            if (from[CHILDREN] < 0) {
                return null;
            }
            List<Child> list = new ArrayList<>(2);
            return items(
                            CHILDREN,
                            "child ",
                            "birth_date[:SCHOOL_STAGE]",
                            "2015-06-01:PRIMARY;2019-03-02",
                            (date, stage) -> list.add(new Child(
                                    date.empty() ? null : dateOf(text, date.from(), date.to()),
                                    stage.empty() ? null : (SchoolStage) itemOf(stages, stage.from(), stage.to()))))
                    ? list
                    : null;
        }

        /** {@code DEGREE:2023-05-01;SKILL:2024-01-01}; see the class comment. */
        private List<Certificate> certificates() {
            if (from[CERTIFICATES] < 0) {
                return null;
            }
            List<Certificate> list = new ArrayList<>(2);
            return items(
                            CERTIFICATES,
                            "certificate ",
                            "KIND[:date]",
                            "DEGREE:2023-05-01;SKILL:2024-01-01",
                            (kind, date) -> list.add(new Certificate(
                                    kind.empty() ? null : (CertificateKind) itemOf(kinds, kind.from(), kind.to()),
                                    date.empty() ? null : dateOf(text, date.from(), date.to()))))
                    ? list
                    : null;
        }

        /**
         * Walks the {@code ;}-separated items of a list cell, each split at its first {@code :} into two
         * stripped parts; {@code false} (a problem added) when an item is empty or bad. {@code -} or
         * {@code none} is known to have none: no item.
         */
        private boolean items(int column, String item, String shape, String example, ItemReader read) {
            int s = from[column];
            int e = to[column];
            if (e - s <= 4 && none(new String(text, s, e - s))) {
                return true;
            }
            String field = COLUMNS.get(column);
            for (int i = 0, at = s; ; i++) {
                int semi = indexOf(';', at, e);
                int end = semi < 0 ? e : semi;
                Range whole = Range.stripped(text, at, end);
                if (whole.empty()) {
                    if (semi < 0 && i > 0) {
                        return true; // a trailing ';'
                    }
                    problem(
                            field,
                            item + (i + 1) + " is empty; write " + shape + " items separated by ;" + " (e.g. " + example
                                    + "), or - for none");
                    return false;
                }
                int colon = indexOf(':', whole.from(), whole.to());
                Range first = colon < 0 ? whole : Range.stripped(text, whole.from(), colon);
                Range second = colon < 0 ? Range.NONE : Range.stripped(text, colon + 1, whole.to());
                try {
                    read.accept(first, second);
                } catch (IllegalArgumentException x) {
                    problem(field, item + (i + 1) + ": " + x.getMessage());
                    return false;
                }
                if (semi < 0) {
                    return true;
                }
                at = semi + 1;
            }
        }

        private int indexOf(char c, int s, int e) {
            for (int i = s; i < e; i++) {
                if (text[i] == c) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The two parts of a list item. */
    @FunctionalInterface
    private interface ItemReader {
        void accept(Range first, Range second);
    }

    /** A stripped range of a record's characters. */
    private record Range(int from, int to) {
        static final Range NONE = new Range(0, 0);

        static Range stripped(char[] t, int s, int e) {
            while (s < e && RowText.blank(t[s])) {
                s++;
            }
            while (e > s && RowText.blank(t[e - 1])) {
                e--;
            }
            return new Range(s, e);
        }

        boolean empty() {
            return from >= to;
        }
    }

    /**
     * A date cell: {@code YYYY-MM-DD} read straight from the characters; anything else as {@link #parseDate}
     * reads it (full-width digits, blanks), with the same errors.
     */
    static LocalDate dateOf(char[] t, int s, int e) {
        if (e - s == 10 && t[s + 4] == '-' && t[s + 7] == '-') {
            int y = digits(t, s, 4);
            int m = digits(t, s + 5, 2);
            int d = digits(t, s + 8, 2);
            if (y >= 0 && m >= 0 && d >= 0) {
                LocalDate date;
                try {
                    date = LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException x) {
                    return parseDate(new String(t, s, e - s)); // not a date: the same error, worded once
                }
                if (y < 1900 || y > 2200) {
                    throw new IllegalArgumentException("date out of range (years 1900 to 2200)");
                }
                return date;
            }
        }
        return parseDate(new String(t, s, e - s));
    }

    /** {@code count} ASCII digits as a number, or -1. */
    private static int digits(char[] t, int s, int count) {
        int v = 0;
        for (int i = s; i < s + count; i++) {
            char c = t[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
            throw new IllegalArgumentException(
                    "not a date '" + shorten(t) + "'; write it as YYYY-MM-DD, e.g. 2026-03-10");
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
                + String.join(
                        ", ",
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }
}
