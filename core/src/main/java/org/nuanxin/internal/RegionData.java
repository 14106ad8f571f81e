package org.nuanxin.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nuanxin.Assumption;
import org.nuanxin.Benefit;
import org.nuanxin.BenefitKind;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Parameter;
import org.nuanxin.input.InputLimits;
import org.nuanxin.input.YamlNode;
import org.nuanxin.model.Money;
import org.nuanxin.model.Places;
import org.nuanxin.spi.RuleFiles;

/**
 * The data half of a region's rule set, read from its YAML files: names, benefit catalogue and
 * parameters. Every problem is a {@link MalformedFileException} with file and line.
 *
 * @param id         region id
 * @param nameZh     programme in Chinese
 * @param nameEn     programme in English
 * @param source     source key of the programme ({@code source:} in region.yaml)
 * @param sources    every source key the folder may cite: {@code source} first, then region.yaml's
 *                   {@code sources:} list (a later notice, another document of the same union)
 * @param benefits   the catalogue, in file order
 * @param parameters parameters by key, in file order
 * @param lines      line of each benefit code in benefits.yaml, of each parameter key in
 *                   parameters.yaml and of each assumption id in assumptions.yaml, keyed {@code benefit:CODE},
 *                   {@code parameter:key} and {@code assumption:ID}
 * @param assumptions the assumptions register by id, in file order; empty without assumptions.yaml
 */
public record RegionData(
        String id,
        String nameZh,
        String nameEn,
        String source,
        List<String> sources,
        List<Benefit> benefits,
        Map<String, Parameter> parameters,
        Map<String, Integer> lines,
        Map<String, Assumption> assumptions) {

    private static final Set<String> REGION_KEYS = Set.of("id", "name_zh", "name_en", "source", "sources", "rules");
    private static final Set<String> BENEFIT_KEYS = Set.of(
            "code",
            "name_zh",
            "name_en",
            "kind",
            "source",
            "clause",
            "payment",
            "provider",
            "provider_name",
            "quota",
            "budget",
            "serves",
            "limit",
            "limit_from",
            "about_zh",
            "about_en");
    private static final Set<String> PARAMETER_KEYS = Set.of("type", "values", "source", "note", "used_by");
    private static final Set<String> DATED_KEYS = Set.of("value", "source");
    private static final Set<String> ASSUMPTION_KEYS = Set.of("zh", "en", "source");
    /** An assumption id: {@code A-XA-1}, {@code A-COMMON-2}. */
    public static final String ASSUMPTION_ID = "A-[A-Z]+-[0-9]+";

    /** Reads the data files of {@code files}: region.yaml, benefits.yaml, parameters.yaml and assumptions.yaml. */
    public static RegionData read(RuleFiles files) {
        YamlNode region = YamlNode.parse(RuleFiles.REGION, files.files().get(RuleFiles.REGION))
                .allowOnly(REGION_KEYS);
        String id = region.require("id").text();
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw region.require("id").error("a region id is lowercase ASCII, e.g. xian");
        }
        String source = region.require("source").text();
        List<String> sources = new ArrayList<>(List.of(source));
        if (region.get("sources") != null) {
            for (YamlNode k : region.get("sources").items()) {
                String key = k.text();
                if (key == null || !key.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    throw k.error("a source key is one word of letters, digits, '-', '.' or '_', e.g. XA-2025");
                }
                if (sources.contains(key)) {
                    throw k.error("source key " + key + " is declared twice");
                }
                sources.add(key);
            }
        }
        Map<String, Integer> lines = new java.util.HashMap<>();
        List<Benefit> benefits = benefits(
                id,
                sources,
                region.require("name_zh").text(),
                YamlNode.parse(RuleFiles.BENEFITS, files.files().get(RuleFiles.BENEFITS)),
                lines);
        Map<String, Parameter> parameters =
                parameters(YamlNode.parse(RuleFiles.PARAMETERS, files.files().get(RuleFiles.PARAMETERS)), lines);
        YamlNode benefitsRoot = YamlNode.parse(RuleFiles.BENEFITS, files.files().get(RuleFiles.BENEFITS));
        for (YamlNode b : benefitsRoot.require("benefits").items()) {
            String from = b.text("limit_from");
            if (from != null
                    && (parameters.get(from) == null
                            || !parameters.get(from).type().equals("date"))) {
                throw b.get("limit_from")
                        .error("names parameter '" + from + "', which parameters.yaml does not define as a date");
            }
            if ("once_in_programme".equals(b.text("limit"))) {
                for (String key : List.of("programme.start", "programme.end")) {
                    if (parameters.get(key) == null
                            || !parameters.get(key).type().equals("date")) {
                        throw b.get("limit")
                                .error(
                                        "once_in_programme counts claims within the programme period, which needs the date"
                                                + " parameter " + key + " in parameters.yaml");
                    }
                }
            }
            for (String key : List.of("quota", "budget")) {
                String ref = b.text(key);
                if (ref != null) {
                    Parameter p = parameters.get(ref);
                    String want = key.equals("quota") ? "integer" : "money";
                    if (p == null || !p.type().equals(want)) {
                        throw b.get(key)
                                .error(key + " names parameter '" + ref + "', which parameters.yaml does not"
                                        + " define as " + want);
                    }
                }
            }
        }
        String register = files.files().get(RuleFiles.ASSUMPTIONS);
        Map<String, Assumption> assumptions =
                register == null ? Map.of() : assumptions(YamlNode.parse(RuleFiles.ASSUMPTIONS, register), lines);
        return new RegionData(
                id,
                region.require("name_zh").text(),
                region.require("name_en").text(),
                source,
                List.copyOf(sources),
                benefits,
                parameters,
                Map.copyOf(lines),
                assumptions);
    }

    private static Map<String, Assumption> assumptions(YamlNode root, Map<String, Integer> lines) {
        Map<String, Assumption> map = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : root.entries().entrySet()) {
            String id = e.getKey();
            if (!id.matches(ASSUMPTION_ID)) {
                throw new MalformedFileException(
                        root.file(),
                        root.keyLine(id),
                        id,
                        "an assumption id is A-, a region or COMMON, and a number, e.g. A-XA-1 or A-COMMON-2");
            }
            YamlNode a = e.getValue().allowOnly(ASSUMPTION_KEYS);
            lines.put("assumption:" + id, root.keyLine(id));
            map.put(
                    id,
                    new Assumption(
                            id,
                            a.require("zh").text(),
                            a.require("en").text(),
                            a.require("source").text()));
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static List<Benefit> benefits(
            String region, List<String> sources, String unionName, YamlNode root, Map<String, Integer> lines) {
        String regionSource = sources.get(0);
        List<Benefit> list = new ArrayList<>();
        Set<String> codes = new java.util.HashSet<>();
        for (YamlNode b : root.require("benefits").items()) {
            b.allowOnly(BENEFIT_KEYS);
            String code = b.require("code").text();
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                throw b.require("code").error("a benefit code is UPPER_SNAKE_CASE");
            }
            if (!codes.add(code)) {
                throw b.require("code").error("duplicate benefit code " + code);
            }
            lines.put("benefit:" + code, b.require("code").line());
            BenefitKind kind = enumValue(b.require("kind"), BenefitKind.class);
            Benefit.Payment payment = b.get("payment") == null
                    ? Benefit.Payment.ONCE
                    : enumValue(b.get("payment"), Benefit.Payment.class);
            String source = b.text("source") == null ? regionSource : b.text("source");
            if (!sources.contains(source)) {
                throw b.get("source").error(unknownSource(source, sources));
            }
            Benefit.Provider provider = b.get("provider") == null
                    ? Benefit.Provider.UNION
                    : enumValue(b.get("provider"), Benefit.Provider.class);
            String providerName = b.text("provider_name") != null ? b.text("provider_name") : unionName;
            if (provider == Benefit.Provider.EMPLOYER && b.text("provider_name") == null) {
                throw b.error("an employer's programme names its employer with provider_name:");
            }
            boolean everyone = false;
            if (b.get("serves") != null) {
                if (!"everyone".equals(b.text("serves"))) {
                    throw b.get("serves")
                            .error("serves: takes one value, everyone (the benefit has no criterion of its"
                                    + " own); put any other criterion in a rule");
                }
                everyone = true;
            }
            Benefit.Limit limit = Benefit.Limit.NONE;
            if (b.get("limit") != null) {
                String word = b.text("limit");
                limit = java.util.Arrays.stream(Benefit.Limit.values())
                        .filter(l -> l != Benefit.Limit.NONE && l.yaml().equals(word))
                        .findFirst()
                        .orElseThrow(() -> b.get("limit")
                                .error("limit: is one of "
                                        + java.util.Arrays.stream(Benefit.Limit.values())
                                                .filter(l -> l != Benefit.Limit.NONE)
                                                .map(Benefit.Limit::yaml)
                                                .toList()
                                        + ", not '" + word + "'"));
            }
            String from = b.text("limit_from");
            if ((limit == Benefit.Limit.ONCE_SINCE) != (from != null)) {
                throw b.error(
                        limit == Benefit.Limit.ONCE_SINCE
                                ? "limit: once_since needs limit_from: <a date parameter>"
                                : "limit_from: goes with limit: once_since only");
            }
            if ((b.get("about_zh") == null) != (b.get("about_en") == null)) {
                throw b.error("about_zh: and about_en: go together: say what the benefit gives in both languages");
            }
            list.add(new Benefit(
                    code,
                    region,
                    b.require("name_zh").text(),
                    b.require("name_en").text(),
                    kind,
                    source,
                    b.require("clause").text(),
                    payment,
                    provider,
                    providerName,
                    b.text("quota"),
                    b.text("budget"),
                    everyone,
                    limit,
                    from,
                    b.text("about_zh"),
                    b.text("about_en")));
        }
        return list;
    }

    private static Map<String, Parameter> parameters(YamlNode root, Map<String, Integer> lines) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : root.entries().entrySet()) {
            YamlNode p = e.getValue();
            if (p.isMap() && p.get("value") != null) {
                throw oldForm(e.getKey(), p.get("value"), p.keyLine("value"));
            }
            p.allowOnly(PARAMETER_KEYS);
            lines.put("parameter:" + e.getKey(), root.keyLine(e.getKey()));
            String type = p.require("type").text();
            if (!TYPES.contains(type)) {
                throw p.require("type")
                        .error("unknown parameter type '" + type
                                + "'; use date, month_day, money, integer, text, texts, city, province or money_table");
            }
            String source = p.text("source");
            if (source != null && source.isBlank()) {
                source = null;
            }
            YamlNode values = p.require("values");
            if (!values.isMap() || values.entries().isEmpty()) {
                throw values.error("values: holds the parameter's values by the date each takes effect, e.g."
                        + " values: {2025-09-01: 200.00}; at least one");
            }
            java.util.TreeMap<LocalDate, Parameter.Dated> dated = new java.util.TreeMap<>();
            for (Map.Entry<String, YamlNode> v : values.entries().entrySet()) {
                int line = values.keyLine(v.getKey());
                LocalDate date = valueDate(values, v.getKey(), line);
                if (!dated.isEmpty() && !date.isAfter(dated.lastKey())) {
                    throw new MalformedFileException(
                            values.file(),
                            line,
                            v.getValue().path(),
                            (date.equals(dated.lastKey())
                                            ? "the date " + date + " is given twice; "
                                            : "the date " + date + " comes after " + dated.lastKey() + "; ")
                                    + "write each date once, from the earliest to the latest");
                }
                YamlNode n = v.getValue();
                YamlNode value = n;
                String valueSource = source;
                if (n.isMap() && n.get("value") != null) {
                    n.allowOnly(DATED_KEYS);
                    value = n.require("value");
                    if (n.text("source") != null && !n.text("source").isBlank()) {
                        valueSource = n.text("source");
                    }
                }
                if (valueSource == null) {
                    throw new MalformedFileException(
                            values.file(),
                            line,
                            n.path(),
                            "every value names its source (a"
                                    + " source key and clause, or an assumption id): write {value: …, source: …} or give the"
                                    + " parameter a source:");
                }
                dated.put(date, new Parameter.Dated(value(type, value), valueSource));
            }
            map.put(e.getKey(), new Parameter(e.getKey(), type, dated, p.text("note"), p.text("used_by")));
        }
        return map;
    }

    private static final Set<String> TYPES =
            Set.of("date", "month_day", "money", "integer", "text", "texts", "city", "province", "money_table");

    private static Object value(String type, YamlNode v) {
        return switch (type) {
            case "date" -> date(v);
            case "month_day" -> monthDay(v);
            case "money" -> money(v);
            case "integer" -> integer(v);
            case "text" -> v.text();
            case "texts" -> v.items().stream().map(YamlNode::text).toList();
            case "city" -> place(v, true);
            case "province" -> place(v, false);
            case "money_table" -> {
                Map<String, BigDecimal> table = new LinkedHashMap<>();
                v.entries().forEach((k, n) -> table.put(k, money(n)));
                if (table.isEmpty()) {
                    throw v.error("a money_table needs at least one row");
                }
                yield java.util.Collections.unmodifiableMap(table);
            }
            default -> throw new IllegalStateException(type);
        };
    }

    /** The date a value takes effect, from its key under {@code values:}. */
    private static LocalDate valueDate(YamlNode values, String key, int line) {
        LocalDate date;
        try {
            date = LocalDate.parse(key.strip());
        } catch (DateTimeParseException e) {
            throw new MalformedFileException(
                    values.file(),
                    line,
                    values.path(),
                    "'" + shorten(key) + "' is not a date;"
                            + " each value under values: is keyed by the date it takes effect, YYYY-MM-DD, e.g. 2025-09-01");
        }
        if (!InputLimits.inRange(date)) {
            throw new MalformedFileException(
                    values.file(),
                    line,
                    values.path(),
                    "the date " + key.strip() + " is a " + InputLimits.DATE_OUT_OF_RANGE);
        }
        return date;
    }

    /** The error for a parameter still written with one {@code value:}: what to write instead. */
    private static MalformedFileException oldForm(String key, YamlNode value, int line) {
        String shown =
                value.isScalar() && value.text().length() <= 40 && !value.text().contains("\n") ? value.text() : "…";
        return new MalformedFileException(
                value.file(),
                line,
                value.path(),
                "parameter '" + key
                        + "' gives one value: — a parameter now holds its values by the date each takes effect; write"
                        + " values: {YYYY-MM-DD: " + shown
                        + "} instead, with the date the source set it (the programme's"
                        + " start, or the source document's date), e.g. values: {2025-09-01: " + shown + "}");
    }

    /** An ISO date from a scalar, with an error naming the node. */
    public static LocalDate date(YamlNode n) {
        String t = n.text().strip();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw n.error("not a date; write it as YYYY-MM-DD, e.g. 2026-03-10");
        }
    }

    /** A yearly date written MM-DD ({@code 06-01}). */
    public static MonthDay monthDay(YamlNode n) {
        String t = n.text().strip();
        try {
            return MonthDay.parse(t.startsWith("--") ? t : "--" + t);
        } catch (DateTimeParseException e) {
            throw n.error("not a day of the year; write it as MM-DD, e.g. 06-01");
        }
    }

    /** An amount from a scalar (its source text, never a double). */
    public static BigDecimal money(YamlNode n) {
        try {
            return Money.parse("", n.text());
        } catch (InvalidInputException e) {
            throw n.error(e.problem());
        }
    }

    private static Integer integer(YamlNode n) {
        try {
            return Integer.valueOf(n.text().strip());
        } catch (NumberFormatException e) {
            throw n.error("not a whole number");
        }
    }

    private static Object place(YamlNode n, boolean city) {
        try {
            return city
                    ? Places.standard().city("value", n.text())
                    : Places.standard().province("value", n.text());
        } catch (InvalidInputException e) {
            throw n.error(e.problem());
        }
    }

    /** An enum constant from a scalar; case and surrounding spaces are forgiven, typos are not. */
    public static <E extends Enum<E>> E enumValue(YamlNode n, Class<E> type) {
        String t = java.text.Normalizer.normalize(n.text(), java.text.Normalizer.Form.NFKC)
                .strip()
                .toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(t)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw n.error("unknown value '" + shorten(n.text()) + "'; expected one of: " + String.join(", ", names));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** What to tell an author who cites {@code key}, which the folder does not declare. */
    public static String unknownSource(String key, List<String> sources) {
        return "cites source " + key + ", which region.yaml does not declare (its source: " + sources.get(0)
                + (sources.size() > 1 ? ", sources: " + String.join(", ", sources.subList(1, sources.size())) : "")
                + "); correct the key, or add it to region.yaml's sources: list with the document it names";
    }
}
