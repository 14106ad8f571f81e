package org.nuanxin.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nuanxin.Parameter;
import org.nuanxin.model.Place;

/**
 * Makes every sentence of an explanation ({@link org.nuanxin.Reason#textZh()},
 * {@link org.nuanxin.Reason#textEn()}), in Chinese and English: the only place in the engine that
 * assembles explanation text. The rules supply a criterion ({@code @zh}/{@code @en}) and, optionally,
 * what to say when it is not met ({@code @unmet_zh}/{@code @unmet_en}); this class wraps them.
 *
 * <p>Conventions, written for a worker reading on a phone:
 * <ul>
 *   <li><b>Outcomes.</b> A criterion met reads {@code 符合：<criterion>} / {@code Met: <criterion>}; one not
 *       met reads the rule's own unmet text, or without one {@code 不符合：<criterion>} /
 *       {@code Not met: <criterion>}; one that cannot be decided reads
 *       {@code 需补充：出生日期、工作城市；用于判断：<criterion>} /
 *       {@code Needs: date of birth, city where you work; to check: <criterion>}; an amount reads
 *       {@code <criterion>：25元} / {@code <criterion>: CNY 25}.</li>
 *   <li><b>Missing fields</b> are named in words from one table ({@link #fieldZh}, {@link #fieldEn}), never by
 *       their file names ({@code birth_date}). Fields of a list item may carry the item's position,
 *       counted from 0 as in the worker's list: {@code children[0].birth_date} reads {@code 第1个子女的出生日期}
 *       / {@code date of birth of child 1}, {@code events[2].admission_date} reads {@code 第3项事件的入院日期}
 *       / {@code admission date of event 3}; without a position ({@code children.birth_date}, as the
 *       rules report them today) {@code 子女的出生日期} / {@code a child's date of birth}. A name not in the
 *       table is shown as it is (a rule may make its own field; the table covers every field of the
 *       model, which a test checks).</li>
 *   <li><b>Amounts</b> are exact ({@link BigDecimal}, never a float), in yuan without grouping: whole yuan
 *       without decimals ({@code 25元}, {@code CNY 25}), otherwise to the fen ({@code 356.50元},
 *       {@code CNY 356.50}); a range {@code 2000–6000元} / {@code CNY 2000–6000}. Chinese puts 元 after the
 *       figure without a space; English puts the currency code before it, as on a receipt.</li>
 *   <li><b>Dates</b> read {@code 2025年9月1日} / {@code 1 September 2025}, month-days {@code 6月1日} /
 *       {@code 1 June}, with no dependence on the JVM's locale.</li>
 *   <li><b>Placeholders</b> in rule texts: {@code ${param.key}} is the parameter's value, filled once when
 *       the rules are built — a date or month-day as above, money as a figure without its unit
 *       ({@code 200}, {@code 356.50}: the rule's text says 元 or CNY), a place by its Chinese name (a
 *       county-level place after its city: {@code 宁波市慈溪市}), a
 *       list joined with {@code 、} in Chinese and {@code , } in English. {@code ${as_of}} is the
 *       assessment date and {@code ${year}} its year ({@code 2026}; wording such as {@code 今年（2026年）}
 *       is the rule text's), filled per assessment date. {@code ${work_city}} and {@code ${residence_city}}
 *       are the worker's own places, filled per assessment: a place by its Chinese name, a county-level
 *       place after the city it lies in ({@code 西安市雁塔区}, {@code 北京市朝阳区}), one not given
 *       {@code 未提供} / {@code not given}. Any other {@code ${…}} is left as written.</li>
 * </ul>
 *
 * <p>Sentences that depend on the assessment date are made when a reason is first read and
 * remembered by {@link RuleInfo}; nothing here runs for an assessment whose reasons are never read.
 */
public final class Sentences {

    /** {@code ${name}} or {@code ${name.key}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)(?:\\.([A-Za-z0-9_.]+))?}");

    static final String AS_OF = "${as_of}";
    static final String YEAR = "${year}";
    static final String WORK_CITY = "${work_city}";
    static final String RESIDENCE_CITY = "${residence_city}";
    private static final String PARAM = "${param.";

    private static final String[] MONTHS_EN = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };

    /** A field's names: in full, and (for a field of a list item) short, after the item's position. */
    private record Name(String zh, String en, String shortZh, String shortEn) {}

    /** A list of the worker file whose items have fields: how one item is counted and called. */
    private record Items(String counterZh, String nounEn) {}

    private static final Map<String, Items> LISTS = Map.of(
            "children", new Items("个子女", "child"),
            "events", new Items("项事件", "event"),
            "certificates", new Items("张证书", "certificate"));

    /** Every field the rules can report as missing, with its Chinese and English name. */
    private static final Map<String, Name> FIELDS = new LinkedHashMap<>();

    static {
        field("occupation", "职业", "occupation");
        field("new_employment_form", "是否属于新就业形态劳动者", "whether you are a new-employment-form (platform) worker");
        field("work_city", "工作所在城市", "city where you work");
        field("residence_city", "居住所在城市", "city where you live");
        field("work_province", "工作所在省份", "province where you work");
        field("hukou_province", "户籍所在省份", "province of your hukou");
        field("gender", "性别", "gender");
        field("birth_date", "出生日期", "date of birth");
        field("union_member", "是否工会会员", "whether you are a union member");
        field("union_join_date", "加入工会的日期", "date you joined the union");
        field("medical_insurance", "医疗保险类型", "type of medical insurance");
        field("hardship", "是否困难职工", "whether you are registered as a worker in hardship");
        field("martyr_family", "是否烈士家属", "whether you are a martyr's family member");
        field("frontline_outstanding", "是否获评一线优秀劳动者", "whether you were named an outstanding frontline worker");
        field("employer", "用工企业（平台或公司）", "employer (platform or company)");
        field("head_platform_enterprise", "是否在头部平台企业工作", "whether you work for a leading platform company");
        field("employment_start_date", "入职日期", "date you started the job");
        field("integrity_deductions", "是否有诚信扣分记录", "whether you have integrity deductions on record");
        field("children", "子女情况", "your children");
        field("children.birth_date", "子女的出生日期", "a child's date of birth", "出生日期", "date of birth");
        field("children.school_stage", "子女的就读阶段", "a child's school stage", "就读阶段", "school stage");
        field("certificates", "学历或技能证书", "your degree or skill certificates");
        field("certificates.kind", "证书的类别", "the kind of a certificate", "类别", "kind");
        field("certificates.date", "证书的取得日期", "the date a certificate was obtained", "取得日期", "date obtained");
        field("events.date", "事件的日期", "date of the event", "日期", "date");
        field("events.reason", "返乡事由", "reason for the trip home", "返乡事由", "reason for the trip");
        field(
                "events.union_certified",
                "是否经基层工会证明",
                "whether the grassroots union certified the trip",
                "工会证明",
                "union certification");
        field("events.ticket_cost", "车票费用", "ticket cost", "车票费用", "ticket cost");
        field("events.hospital", "就诊医院", "hospital", "就诊医院", "hospital");
        field("events.admission_date", "入院日期", "admission date", "入院日期", "admission date");
        field("events.discharge_date", "出院日期", "discharge date", "出院日期", "discharge date");
        field(
                "events.out_of_pocket_cost",
                "个人自付的医疗费用",
                "out-of-pocket medical cost",
                "个人自付的医疗费用",
                "out-of-pocket medical cost");
        field("events.meal_cost", "住院伙食费", "meal cost during the stay", "住院伙食费", "meal cost");
        field("events.amount", "被拖欠的工资金额", "amount of unpaid wages", "被拖欠的工资金额", "amount of unpaid wages");
    }

    private static void field(String key, String zh, String en) {
        field(key, zh, en, zh, en);
    }

    private static void field(String key, String zh, String en, String shortZh, String shortEn) {
        FIELDS.put(key, new Name(zh, en, shortZh, shortEn));
    }

    /** {@code children[0].birth_date}: the list, the position counted from 0, the item's field. */
    private static final Pattern INDEXED = Pattern.compile("([a-z_]+)\\[(\\d{1,9})](?:\\.([a-z_]+))?");

    private Sentences() {}

    // ---- the sentences of a reason -------------------------------------------------------------

    /** A criterion that holds. */
    static String met(String criterion, boolean zh) {
        return zh ? "符合：" + criterion : "Met: " + criterion;
    }

    /** A criterion known not to hold: the rule's own text ({@code unmet}), or the criterion marked not met. */
    static String notMet(String criterion, String unmet, boolean zh) {
        if (!unmet.isEmpty()) {
            return unmet;
        }
        return zh ? "不符合：" + criterion : "Not met: " + criterion;
    }

    /** A criterion that needs the named fields (in the order given). */
    static String needs(Collection<String> fields, String criterion, boolean zh) {
        String names =
                fields.stream().map(f -> zh ? fieldZh(f) : fieldEn(f)).collect(Collectors.joining(zh ? "、" : ", "));
        return zh ? "需补充：" + names + "；用于判断：" + criterion : "Needs: " + names + "; to check: " + criterion;
    }

    /** The amount a rule set: {@code amount}, or the range {@code amount}–{@code upTo} when {@code upTo} is given. */
    static String amount(String criterion, BigDecimal amount, BigDecimal upTo, boolean zh) {
        String figure = upTo == null ? money(amount) : money(amount) + "–" + money(upTo);
        return zh ? criterion + "：" + figure + "元" : criterion + ": CNY " + figure;
    }

    /** The only reason of a benefit no rule of the region judged. */
    static String undecided(boolean zh) {
        return zh ? "本地区规则未对该项权益作出判断。" : "No rule of this region decided this benefit.";
    }

    // ---- placeholders ----------------------------------------------------------------------------

    /**
     * Fills {@code ${param.key}} with the parameter's value in the text's language; leaves
     * {@code ${as_of}}, {@code ${year}} and anything else for later.
     *
     * @param undefined told the key of every {@code ${param.key}} that {@code params} lacks, once per occurrence
     *                  (the placeholder stays as written)
     * @param dated     receives the parameters whose value changes by date: their placeholders stay, to be
     *                  filled with the value in force on each assessment's date ({@link #dated(String, LocalDate,
     *                  boolean, Map)})
     */
    static String parameters(
            String text,
            boolean zh,
            Map<String, Parameter> params,
            Consumer<String> undefined,
            Map<String, Parameter> dated) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group();
            if (m.group(1).equals("param") && m.group(2) != null) {
                Parameter p = params.get(m.group(2));
                if (p == null) {
                    undefined.accept(m.group(2));
                } else if (p.changesOverTime()) {
                    dated.put(p.key(), p);
                } else {
                    replacement = value(p.value(), zh);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Whether the text depends on the assessment date: it names the date ({@code ${as_of}}), its year
     * ({@code ${year}}) or a parameter left for later because its value changes by date.
     */
    static boolean dated(String text) {
        return text.contains(AS_OF) || text.contains(YEAR) || text.contains(PARAM);
    }

    /**
     * Fills {@code ${as_of}}, {@code ${year}} and the placeholders of {@code datedParams} (by key) from the
     * assessment date; the text as it is when {@code asOf} is null.
     */
    static String dated(String text, LocalDate asOf, boolean zh, Map<String, Parameter> datedParams) {
        if (asOf == null || text.indexOf("${") < 0) {
            return text;
        }
        String filled = text.replace(AS_OF, date(asOf, zh)).replace(YEAR, String.valueOf(asOf.getYear()));
        for (Map.Entry<String, Parameter> p : datedParams.entrySet()) {
            filled = filled.replace(PARAM + p.getKey() + "}", value(p.getValue().valueOn(asOf), zh));
        }
        return filled;
    }

    // ---- values ----------------------------------------------------------------------------------

    /** A parameter's value as it reads inside a sentence (see the class comment). */
    public static String value(Object value, boolean zh) {
        if (value instanceof BigDecimal b) {
            return money(b);
        }
        if (value instanceof LocalDate d) {
            return date(d, zh);
        }
        if (value instanceof MonthDay md) {
            return zh
                    ? md.getMonthValue() + "月" + md.getDayOfMonth() + "日"
                    : md.getDayOfMonth() + " " + MONTHS_EN[md.getMonthValue() - 1];
        }
        if (value instanceof Place p) {
            return p.fullNameZh();
        }
        String comma = zh ? "、" : ", ";
        if (value instanceof Collection<?> c) {
            return c.stream().map(v -> value(v, zh)).collect(Collectors.joining(comma));
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(e -> e.getKey() + "=" + value(e.getValue(), zh))
                    .collect(Collectors.joining(comma));
        }
        return String.valueOf(value);
    }

    /** {@code 2025年9月1日} / {@code 1 September 2025}. */
    public static String date(LocalDate d, boolean zh) {
        return zh
                ? d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"
                : d.getDayOfMonth() + " " + MONTHS_EN[d.getMonthValue() - 1] + " " + d.getYear();
    }

    /**
     * An exact amount of yuan without its unit: {@code 25} for whole yuan, else to the fen ({@code 356.50}),
     * or every digit given where an amount is finer than a fen (never rounded).
     */
    public static String money(BigDecimal b) {
        BigDecimal plain = b.stripTrailingZeros();
        if (plain.scale() <= 0) {
            return plain.setScale(0).toPlainString();
        }
        return plain.scale() <= 2 ? plain.setScale(2).toPlainString() : plain.toPlainString();
    }

    /** Whether the text names the worker's places ({@code ${work_city}}, {@code ${residence_city}}). */
    static boolean namesWorkerPlaces(String text) {
        return text.contains(WORK_CITY) || text.contains(RESIDENCE_CITY);
    }

    /**
     * Fills {@code ${work_city}} and {@code ${residence_city}} with the worker's places ({@code null}:
     * not given); the text as it is when it names neither.
     */
    static String workerPlaces(String text, boolean zh, Place workCity, Place residenceCity) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        return text.replace(WORK_CITY, place(workCity, zh)).replace(RESIDENCE_CITY, place(residenceCity, zh));
    }

    /** A worker's place: {@code 西安市}, {@code 西安市雁塔区}; {@code 未提供} / {@code not given} when unknown. */
    static String place(Place p, boolean zh) {
        return p == null ? (zh ? "未提供" : "not given") : p.fullNameZh();
    }

    // ---- field names -----------------------------------------------------------------------------

    /** A missing field's name in Chinese: {@code 出生日期}, {@code 第1个子女的出生日期}; the name itself when unknown. */
    public static String fieldZh(String field) {
        String name = fieldName(field, true);
        return name == null ? field : name;
    }

    /** A missing field's name in English: {@code date of birth}, {@code date of birth of child 1}. */
    public static String fieldEn(String field) {
        String name = fieldName(field, false);
        return name == null ? field : name;
    }

    /** Whether the field (with or without an item's position) has a name in both languages. */
    public static boolean named(String field) {
        return fieldName(field, true) != null;
    }

    /** The fields named in the table, as the rules report them (without positions). */
    static Set<String> namedFields() {
        return Set.copyOf(FIELDS.keySet());
    }

    /** The field's name in the language, or {@code null} when the table does not name it. */
    private static String fieldName(String field, boolean zh) {
        Name name = FIELDS.get(field);
        if (name != null) {
            return zh ? name.zh() : name.en();
        }
        Matcher m = INDEXED.matcher(field);
        if (m.matches() && LISTS.containsKey(m.group(1))) {
            Items items = LISTS.get(m.group(1));
            long position = Long.parseLong(m.group(2)) + 1;
            String item = zh ? "第" + position + items.counterZh() : items.nounEn() + " " + position;
            if (m.group(3) == null) {
                return item;
            }
            Name sub = FIELDS.get(m.group(1) + "." + m.group(3));
            if (sub != null) {
                return zh ? item + "的" + sub.shortZh() : sub.shortEn() + " of " + item;
            }
        }
        return null;
    }
}
