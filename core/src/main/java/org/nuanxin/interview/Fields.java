package org.nuanxin.interview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nuanxin.InvalidInputException;
import org.nuanxin.input.InputLimits;
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
 * The interview's vocabulary: every field it can ask, in the scenario format's names, with its kind,
 * its prompt in Chinese and English, how an answer is read, how it is put into a situation, and which
 * answers to try when ranking ({@link Probes}). Nothing here names a region: the answers tried come
 * from the regions' parameters.
 */
final class Fields {

    private Fields() {}

    /** The event types, as the scenario format names them, in the order they are asked. */
    static final List<String> EVENTS = List.of("HOMECOMING_TRIP", "HOSPITALISATION", "WAGE_ARREARS");

    /** How many children or certificates a count question accepts. */
    static final int MAX_COUNT = 20;

    record Spec(AnswerKind kind, List<Choice> options, String zh, String en) {}

    private static final Map<String, Spec> WORKER = new LinkedHashMap<>();
    private static final Map<String, Spec> ITEM = new LinkedHashMap<>();

    private static void worker(String field, AnswerKind kind, List<Choice> options, String zh, String en) {
        WORKER.put(field, new Spec(kind, options, zh, en));
    }

    private static void item(String field, AnswerKind kind, List<Choice> options, String zh, String en) {
        ITEM.put(field, new Spec(kind, options, zh, en));
    }

    private static Choice o(String value, String zh, String en) {
        return new Choice(value, zh, en);
    }

    static final List<Choice> OCCUPATIONS = List.of(
            o("COURIER", "快递员", "courier"),
            o("FOOD_DELIVERY_RIDER", "外卖骑手", "food-delivery rider"),
            o("RIDE_HAILING_DRIVER", "网约车司机", "ride-hailing driver"),
            o("TRUCK_DRIVER", "货车司机", "truck driver"),
            o("TAXI_DRIVER", "出租车司机", "taxi driver"),
            o("DOMESTIC_WORKER", "家政服务员", "domestic worker"),
            o("SECURITY_GUARD", "保安员", "security guard"),
            o("ONLINE_STREAMER", "网络主播", "online streamer"),
            o("SANITATION_WORKER", "环卫工人", "sanitation worker"),
            o("TRAFFIC_POLICE", "交通警察", "traffic police"),
            o("CITY_MANAGEMENT", "城管", "city management"),
            o("OTHER", "其他", "other"));

    static {
        List<Choice> none = List.of();
        worker("occupation", AnswerKind.ONE_OF, OCCUPATIONS, "您从事什么工作？", "What is your job?");
        worker(
                "new_employment_form",
                AnswerKind.YES_NO,
                none,
                "您是否通过平台接单或以灵活方式就业（新就业形态）？",
                "Do you work through a platform or in a flexible form (new employment form)?");
        worker("work_city", AnswerKind.PLACE, none, "您在哪个城市（区县）工作？", "Which city (or district) do you work in?");
        worker("residence_city", AnswerKind.PLACE, none, "您住在哪个城市（区县）？", "Which city (or district) do you live in?");
        worker(
                "hukou_province",
                AnswerKind.PLACE,
                none,
                "您的户籍在哪个省？",
                "Which province is your hukou (household registration) in?");
        worker(
                "gender",
                AnswerKind.ONE_OF,
                List.of(o("FEMALE", "女", "female"), o("MALE", "男", "male")),
                "您的性别？",
                "Your sex?");
        worker("birth_date", AnswerKind.DATE, none, "您的出生日期？", "Your date of birth?");
        worker("union_member", AnswerKind.YES_NO, none, "您是工会会员吗？", "Are you a trade union member?");
        worker("union_join_date", AnswerKind.DATE, none, "您是哪天加入工会的？", "On what date did you join the union?");
        worker(
                "medical_insurance",
                AnswerKind.ONE_OF,
                List.of(
                        o("URBAN_EMPLOYEE", "城镇职工基本医疗保险", "urban employees' basic medical insurance"),
                        o("URBAN_RURAL_RESIDENT", "城乡居民基本医疗保险", "urban and rural residents' basic medical insurance"),
                        o("NONE", "没有参加医保", "none")),
                "您参加的是哪种基本医疗保险？",
                "Which basic medical insurance are you enrolled in?");
        worker(
                "hardship",
                AnswerKind.YES_NO,
                none,
                "您家生活困难（或已纳入困难职工档案）吗？",
                "Is your family living in hardship (or on the hardship register)?");
        worker(
                "martyr_family",
                AnswerKind.YES_NO,
                none,
                "您是烈士（含因公牺牲职工）家属吗？",
                "Are you the family of a martyr (or of a worker who died on duty)?");
        worker(
                "frontline_outstanding",
                AnswerKind.YES_NO,
                none,
                "您是否被评为非公企业一线优秀职工？",
                "Have you been recognised as an outstanding frontline worker of a non-public enterprise?");
        worker("employer", AnswerKind.ONE_OF, none, "您为哪家企业工作？", "Which company do you work for?");
        worker(
                "head_platform_enterprise",
                AnswerKind.YES_NO,
                none,
                "您所在的企业是头部平台企业（或其分支机构）吗？",
                "Is your employer a head platform enterprise (or one of its branches)?");
        worker(
                "employment_start_date",
                AnswerKind.DATE,
                none,
                "您是哪天开始在现单位工作的？",
                "On what date did you start your current job?");
        worker(
                "integrity_deductions",
                AnswerKind.YES_NO,
                none,
                "在相关期间您有诚信类扣分吗？",
                "Did you have any integrity deductions in the relevant period?");
        worker("children", AnswerKind.COUNT, none, "您有几个子女？", "How many children do you have?");
        worker(
                "certificates",
                AnswerKind.COUNT,
                none,
                "您取得过几个学历或技能证书？",
                "How many degree or skill certificates have you obtained?");
        worker(
                "events.HOMECOMING_TRIP",
                AnswerKind.EVENT,
                none,
                "最近是否返乡（或准备返乡）？",
                "Have you made (or are you about to make) a trip home?");
        worker("events.HOSPITALISATION", AnswerKind.EVENT, none, "最近是否住过院？", "Have you recently been in hospital?");
        worker("events.WAGE_ARREARS", AnswerKind.EVENT, none, "是否有被拖欠的工资？", "Are you owed unpaid wages?");

        item("children.birth_date", AnswerKind.DATE, none, "第%d个子女的出生日期？", "Date of birth of child %d?");
        item(
                "children.school_stage",
                AnswerKind.ONE_OF,
                List.of(
                        o("PRESCHOOL", "学前", "preschool"), o("PRIMARY", "小学", "primary school"),
                        o("JUNIOR_SECONDARY", "初中", "junior secondary"),
                                o("SENIOR_SECONDARY", "高中", "senior secondary"),
                        o("UNIVERSITY", "大学", "university"), o("NONE", "未上学", "not in school")),
                "第%d个子女在哪个学段？",
                "What school stage is child %d in?");
        item(
                "certificates.kind",
                AnswerKind.ONE_OF,
                List.of(o("DEGREE", "学历证书", "degree"), o("SKILL", "技能证书", "skill")),
                "第%d个证书是学历证书还是技能证书？",
                "Is certificate %d a degree or a skill certificate?");
        item(
                "certificates.date",
                AnswerKind.DATE,
                none,
                "第%d个证书是哪天取得的？",
                "On what date did you obtain certificate %d?");
        item("events.date", AnswerKind.DATE, none, "这件事（第%d项）是哪天？", "On what date was it (item %d)?");
        item(
                "events.reason",
                AnswerKind.ONE_OF,
                List.of(
                        o("MAJOR_MATTER", "家中大事", "a major family matter"),
                                o("URGENT_MATTER", "急事", "an urgent matter"),
                        o("HOLIDAY", "节假日探亲", "a holiday visit"), o("OTHER", "其他", "other")),
                "这次返乡是因为什么？",
                "Why is the trip home?");
        item(
                "events.union_certified",
                AnswerKind.YES_NO,
                none,
                "这次返乡有基层工会的证明吗？",
                "Is the trip certified by your grassroots union?");
        item(
                "events.ticket_cost",
                AnswerKind.MONEY,
                none,
                "往返车票花了多少钱（元）？",
                "What did the round-trip tickets cost (CNY)?");
        item("events.hospital", AnswerKind.ONE_OF, none, "在哪家医院住院？", "Which hospital were you in?");
        item("events.admission_date", AnswerKind.DATE, none, "哪天入院？", "On what date were you admitted?");
        item("events.discharge_date", AnswerKind.DATE, none, "哪天出院？", "On what date were you discharged?");
        item(
                "events.out_of_pocket_cost",
                AnswerKind.MONEY,
                none,
                "医保报销后自己付了多少钱（元）？",
                "What did you pay yourself after insurance (CNY)?");
        item("events.meal_cost", AnswerKind.MONEY, none, "住院期间餐费多少钱（元）？", "What did meals during the stay cost (CNY)?");
        item("events.amount", AnswerKind.MONEY, none, "被拖欠的工资有多少（元）？", "How much in wages are you owed (CNY)?");
    }

    /** A field with a position: {@code children[0].birth_date}. */
    private static final Pattern INDEXED = Pattern.compile("(children|certificates|events)\\[(\\d{1,2})]\\.([a-z_]+)");

    /** The spec of a field, by its full name; {@code null} when the interview does not ask it. */
    static Spec spec(String field) {
        Spec s = WORKER.get(field);
        if (s != null) {
            return s;
        }
        Matcher m = INDEXED.matcher(field);
        return m.matches() ? ITEM.get(m.group(1) + "." + m.group(3)) : null;
    }

    /** The worker fields, in the order a form would list them. */
    static Set<String> workerFields() {
        return WORKER.keySet();
    }

    /** Chinese and English prompts: an item's prompt says which child, certificate or event. */
    static String prompt(String field, boolean zh) {
        Spec s = spec(field);
        String text = zh ? s.zh() : s.en();
        Matcher m = INDEXED.matcher(field);
        return m.matches() ? String.format(Locale.ROOT, text, Integer.parseInt(m.group(2)) + 1) : text;
    }

    // ---- the situation ---------------------------------------------------------------------------

    /** The question to ask for a missing field the rules name, or {@code null}: the position filled in. */
    static String questionFor(String missing, Situation s) {
        if (missing.equals("work_province")) {
            return "work_city"; // derived from the city: never asked
        }
        int dot = missing.indexOf('.');
        if (dot < 0) {
            return WORKER.containsKey(missing) ? missing : null;
        }
        String list = missing.substring(0, dot);
        String part = missing.substring(dot + 1);
        switch (list) {
            case "children" -> {
                List<Child> c = s.worker().children();
                for (int i = 0; c != null && i < c.size(); i++) {
                    if ((part.equals("birth_date")
                                    ? c.get(i).birthDate()
                                    : c.get(i).schoolStage())
                            == null) {
                        return "children[" + i + "]." + part;
                    }
                }
            }
            case "certificates" -> {
                List<Certificate> c = s.worker().certificates();
                for (int i = 0; c != null && i < c.size(); i++) {
                    if ((part.equals("kind") ? c.get(i).kind() : c.get(i).date()) == null) {
                        return "certificates[" + i + "]." + part;
                    }
                }
            }
            case "events" -> {
                for (int i = 0; i < s.events().size(); i++) {
                    if (unknown(s.events().get(i), part)) {
                        return "events[" + i + "]." + part;
                    }
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private static boolean unknown(Event e, String part) {
        if (e instanceof HomecomingTrip t) {
            return switch (part) {
                case "date" -> t.date() == null;
                case "reason" -> t.reason() == null;
                case "union_certified" -> t.unionCertified() == null;
                case "ticket_cost" -> t.ticketCost() == null;
                default -> false;
            };
        }
        if (e instanceof Hospitalisation h) {
            return switch (part) {
                case "hospital" -> h.hospital() == null;
                case "admission_date" -> h.admissionDate() == null;
                case "discharge_date" -> h.dischargeDate() == null;
                case "out_of_pocket_cost" -> h.outOfPocketCost() == null;
                case "meal_cost" -> h.mealCost() == null;
                default -> false;
            };
        }
        WageArrears a = (WageArrears) e;
        return switch (part) {
            case "date" -> a.date() == null;
            case "amount" -> a.amount() == null;
            default -> false;
        };
    }

    /** The situation with {@code field} set to {@code value} (already read: see {@link #read}). */
    static Situation apply(Situation s, String field, Object value) {
        Worker w = s.worker();
        Matcher m = INDEXED.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(2));
            String part = m.group(3);
            switch (m.group(1)) {
                case "children" -> {
                    List<Child> c = new ArrayList<>(w.children());
                    Child old = c.get(i);
                    c.set(
                            i,
                            part.equals("birth_date")
                                    ? new Child((LocalDate) value, old.schoolStage())
                                    : new Child(old.birthDate(), (SchoolStage) value));
                    return new Situation(w.toBuilder().children(c).build(), s.events(), s.claims());
                }
                case "certificates" -> {
                    List<Certificate> c = new ArrayList<>(w.certificates());
                    Certificate old = c.get(i);
                    c.set(
                            i,
                            part.equals("kind")
                                    ? new Certificate((CertificateKind) value, old.date())
                                    : new Certificate(old.kind(), (LocalDate) value));
                    return new Situation(w.toBuilder().certificates(c).build(), s.events(), s.claims());
                }
                default -> {
                    List<Event> events = new ArrayList<>(s.events());
                    events.set(i, withPart(events.get(i), part, value));
                    return new Situation(w, events, s.claims());
                }
            }
        }
        if (field.startsWith("events.")) {
            if (!Boolean.TRUE.equals(value)) {
                return s;
            }
            List<Event> events = new ArrayList<>(s.events());
            events.add(
                    switch (field.substring("events.".length())) {
                        case "HOMECOMING_TRIP" -> new HomecomingTrip(null, null, null, null);
                        case "HOSPITALISATION" -> new Hospitalisation(null, null, null, null, null);
                        default -> new WageArrears(null, null);
                    });
            return new Situation(w, events, s.claims());
        }
        Worker.Builder b = w.toBuilder();
        switch (field) {
            case "occupation" -> b.occupation((Occupation) value);
            case "new_employment_form" -> b.newEmploymentForm((Boolean) value);
            case "work_city" -> b.workCity((Place) value);
            case "residence_city" -> b.residenceCity((Place) value);
            case "hukou_province" -> b.hukouProvince((Place) value);
            case "gender" -> b.gender((Gender) value);
            case "birth_date" -> b.birthDate((LocalDate) value);
            case "union_member" -> b.unionMember((Boolean) value);
            case "union_join_date" -> b.unionJoinDate((LocalDate) value);
            case "medical_insurance" -> b.medicalInsurance((MedicalInsurance) value);
            case "hardship" -> b.hardship((Boolean) value);
            case "martyr_family" -> b.martyrFamily((Boolean) value);
            case "frontline_outstanding" -> b.frontlineOutstanding((Boolean) value);
            case "employer" -> b.employer((String) value);
            case "head_platform_enterprise" -> b.headPlatformEnterprise((Boolean) value);
            case "employment_start_date" -> b.employmentStartDate((LocalDate) value);
            case "integrity_deductions" -> b.integrityDeductions((Boolean) value);
            case "children" -> b.children(blanks((Integer) value, () -> new Child(null, null)));
            case "certificates" -> b.certificates(blanks((Integer) value, () -> new Certificate(null, null)));
            default -> throw new InvalidInputException(field, "is not a field the interview asks");
        }
        return new Situation(b.build(), s.events(), s.claims());
    }

    private static <T> List<T> blanks(int n, java.util.function.Supplier<T> blank) {
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(blank.get());
        }
        return list;
    }

    private static Event withPart(Event e, String part, Object v) {
        if (e instanceof HomecomingTrip t) {
            return new HomecomingTrip(
                    part.equals("date") ? (LocalDate) v : t.date(),
                    part.equals("reason") ? (TripReason) v : t.reason(),
                    part.equals("union_certified") ? (Boolean) v : t.unionCertified(),
                    part.equals("ticket_cost") ? (BigDecimal) v : t.ticketCost());
        }
        if (e instanceof Hospitalisation h) {
            return new Hospitalisation(
                    part.equals("hospital") ? (String) v : h.hospital(),
                    part.equals("admission_date") ? (LocalDate) v : h.admissionDate(),
                    part.equals("discharge_date") ? (LocalDate) v : h.dischargeDate(),
                    part.equals("out_of_pocket_cost") ? (BigDecimal) v : h.outOfPocketCost(),
                    part.equals("meal_cost") ? (BigDecimal) v : h.mealCost());
        }
        WageArrears a = (WageArrears) e;
        return new WageArrears(
                part.equals("date") ? (LocalDate) v : a.date(), part.equals("amount") ? (BigDecimal) v : a.amount());
    }

    // ---- reading answers -------------------------------------------------------------------------

    /**
     * An answer read for {@code field}: a typed value ({@link Boolean}, an enum constant, a {@link Place},
     * a {@link LocalDate}, a {@link BigDecimal}, an {@link Integer} count, a {@link String}) or its text
     * as a person types it ({@code 是}, {@code 2}, {@code 雁塔区}, {@code 2026-03-10}, {@code 356.5}).
     *
     * @throws InvalidInputException naming the field and what to give instead
     */
    static Object read(String field, Object answer) {
        Spec spec = spec(field);
        if (spec == null) {
            throw new InvalidInputException(field, "is not a field the interview asks");
        }
        if (answer == null) {
            throw new InvalidInputException(field, "needs an answer");
        }
        String text = answer instanceof String t ? t.strip() : null;
        String itemPart = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return switch (spec.kind()) {
            case YES_NO, EVENT -> answer instanceof Boolean b ? b : yesNo(field, text);
            case COUNT -> {
                int n;
                if (answer instanceof Integer i) {
                    n = i;
                } else {
                    try {
                        n = Integer.parseInt(text);
                    } catch (NumberFormatException | NullPointerException e) {
                        throw new InvalidInputException(field, "give a whole number from 0 to " + MAX_COUNT);
                    }
                }
                if (n < 0 || n > MAX_COUNT) {
                    throw new InvalidInputException(field, "give a whole number from 0 to " + MAX_COUNT);
                }
                yield n;
            }
            case DATE -> {
                LocalDate d;
                if (answer instanceof LocalDate ld) {
                    d = ld;
                } else {
                    try {
                        d = LocalDate.parse(text);
                    } catch (RuntimeException e) {
                        throw new InvalidInputException(field, "give a date as YYYY-MM-DD, e.g. 1990-05-01");
                    }
                }
                if (!InputLimits.inRange(d)) {
                    throw new InvalidInputException(field, InputLimits.DATE_OUT_OF_RANGE);
                }
                yield d;
            }
            case MONEY -> answer instanceof BigDecimal b ? Money.of(field, b) : Money.parse(field, text);
            case PLACE -> {
                if (answer instanceof Place p) {
                    yield p;
                }
                if (text == null || text.isEmpty()) {
                    throw new InvalidInputException(field, "give a place name or a 6-digit code");
                }
                yield field.equals("hukou_province")
                        ? Places.standard().province(field, text)
                        : Places.standard().city(field, text);
            }
            case ONE_OF -> option(field, itemPart, spec, answer, text);
        };
    }

    private static Boolean yesNo(String field, String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "yes", "y", "是", "有", "对", "1" -> Boolean.TRUE;
            case "false", "no", "n", "否", "没有", "无", "不是", "0" -> Boolean.FALSE;
            default -> throw new InvalidInputException(field, "answer yes or no (是/否)");
        };
    }

    private static Object option(String field, String part, Spec spec, Object answer, String text) {
        if (answer instanceof Enum<?> e) {
            return e;
        }
        if (spec.options().isEmpty()) { // an open list: employer, hospital
            if (text == null || text.isEmpty()) {
                throw new InvalidInputException(field, "give a name");
            }
            return text;
        }
        String value = null;
        for (int i = 0; i < spec.options().size(); i++) {
            Choice o = spec.options().get(i);
            if (o.value().equalsIgnoreCase(text)
                    || o.zh().equals(text)
                    || o.en().equalsIgnoreCase(text)
                    || String.valueOf(i + 1).equals(text)) {
                value = o.value();
            }
        }
        if (value == null) {
            List<String> names =
                    spec.options().stream().map(o -> o.value() + " " + o.zh()).toList();
            throw new InvalidInputException(field, "give one of: " + String.join(", ", names));
        }
        return enumValue(part, value);
    }

    private static Object enumValue(String part, String value) {
        BiFunction<Class<? extends Enum<?>>, String, Object> of = (c, v) -> {
            for (Enum<?> e : c.getEnumConstants()) {
                if (e.name().equals(v)) {
                    return e;
                }
            }
            throw new IllegalStateException(v);
        };
        return switch (part) {
            case "occupation" -> of.apply(Occupation.class, value);
            case "gender" -> of.apply(Gender.class, value);
            case "medical_insurance" -> of.apply(MedicalInsurance.class, value);
            case "school_stage" -> of.apply(SchoolStage.class, value);
            case "kind" -> of.apply(CertificateKind.class, value);
            case "reason" -> of.apply(TripReason.class, value);
            default -> value;
        };
    }

    /** The answer as the scenario format writes it: {@code true}, {@code COURIER}, {@code 610113}, {@code 2}. */
    static String text(Object value) {
        if (value instanceof Place p) {
            return p.code();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(value);
    }

    /** The open-list options of a field, e.g. the employers the regions' parameters name. */
    static List<Choice> openOptions(String part, Set<String> texts) {
        List<Choice> options = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(texts);
        for (String t : seen) {
            options.add(new Choice(t, t, t));
        }
        options.add(new Choice("OTHER", "其他", "other"));
        return options;
    }
}
