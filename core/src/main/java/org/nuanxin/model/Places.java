package org.nuanxin.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nuanxin.InvalidInputException;

/**
 * China's administrative divisions as the library knows them: every province-level division, every
 * prefecture-level division and the county-level cities the programmes name, from the bundled
 * GB/T 2260 table. Names are looked up by pinyin id, conventional alias ({@code urumqi}), six-digit
 * code or Chinese name; a pinyin two cities share ({@code taizhou}) is an error listing the ids
 * that tell them apart.
 *
 * <p>Cities and provinces are separate name spaces: {@code jilin} is Jilin city as a work city and
 * Jilin province as a hukou province. The four municipalities count as cities too.
 */
public final class Places {

    private static final String TABLE = "/org/nuanxin/places/gbt2260.tsv";
    private static final List<String> SUFFIXES =
            List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "地区", "盟");
    private static final Places STANDARD = load();

    private final Map<String, Place> byCode;
    private final Map<String, List<Place>> cityNames;
    private final Map<String, List<Place>> provinceNames;

    private Places(
            Map<String, Place> byCode, Map<String, List<Place>> cityNames, Map<String, List<Place>> provinceNames) {
        this.byCode = byCode;
        this.cityNames = cityNames;
        this.provinceNames = provinceNames;
    }

    /** The bundled table. */
    public static Places standard() {
        return STANDARD;
    }

    /** Every division in the table, in code order. */
    public Collection<Place> all() {
        return Collections.unmodifiableCollection(byCode.values());
    }

    /** The division with this code, if the table has it. */
    public Optional<Place> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * Resolves a city (prefecture-level, county-level or municipality) for a worker field.
     *
     * @param field the field name to put in an error, e.g. {@code work_city}
     * @throws InvalidInputException naming the field when the name is unknown or ambiguous
     */
    public Place city(String field, String name) {
        return resolve(field, name, cityNames, "city");
    }

    /**
     * Resolves a province-level division for a worker field.
     *
     * @throws InvalidInputException naming the field when the name is unknown
     */
    public Place province(String field, String name) {
        return resolve(field, name, provinceNames, "province");
    }

    private Place resolve(String field, String name, Map<String, List<Place>> names, String what) {
        if (name == null) {
            throw new InvalidInputException(field, "a " + what + " name or 6-digit code is required");
        }
        String key = normalise(name);
        if (key.isEmpty()) {
            throw new InvalidInputException(
                    field,
                    "empty " + what + " name; give a pinyin name such as " + (what.equals("city") ? "xian" : "shaanxi")
                            + " or a 6-digit division code");
        }
        List<Place> found = names.get(key);
        if (found == null) {
            if (key.matches("\\d{6}")) {
                Place p = byCode.get(key);
                String hint = p == null
                        ? "no division has code " + key
                        : "code " + key + " is " + p.level().name().toLowerCase(Locale.ROOT) + " " + p.id() + ", not a "
                                + what;
                throw new InvalidInputException(field, hint);
            }
            throw new InvalidInputException(
                    field,
                    "unknown " + what + " '" + printable(name)
                            + "'; use lowercase pinyin (e.g. "
                            + (what.equals("city") ? "xian, hangzhou, cixi" : "shaanxi, henan")
                            + "), a 6-digit GB/T 2260 code or the Chinese name");
        }
        if (found.size() > 1) {
            List<String> choices = new ArrayList<>();
            for (Place p : found) {
                choices.add(p.id() + " (" + p.nameZh() + ", " + p.code() + ")");
            }
            throw new InvalidInputException(
                    field,
                    "'" + printable(name) + "' names more than one " + what + "; use one of: "
                            + String.join(", ", choices));
        }
        return found.get(0);
    }

    /** Full-width characters folded, ends trimmed, lower case: the spellings a form may send. */
    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    private static String printable(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    private static Places load() {
        try (InputStream in = Places.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("place table " + TABLE + " is missing from the nuanxin-core jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read place table " + TABLE, e);
        }
    }

    private static Places parse(BufferedReader reader) throws IOException {
        Map<String, Place> byCode = new LinkedHashMap<>();
        Map<String, List<Place>> cities = new HashMap<>();
        Map<String, List<Place>> provinces = new HashMap<>();
        String header = reader.readLine();
        if (header == null || !header.startsWith("code\t")) {
            throw new IllegalStateException("place table has no header line");
        }
        String line;
        int n = 1;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length != 7) {
                throw new IllegalStateException("place table line " + n + ": expected 7 columns, found " + c.length);
            }
            Place.Level level = Place.Level.valueOf(c[4]);
            Place parent = c[5].isEmpty() ? null : byCode.get(c[5]);
            if (level != Place.Level.PROVINCE && parent == null) {
                throw new IllegalStateException(
                        "place table line " + n + ": parent " + c[5] + " not defined before it");
            }
            Place p = new Place(c[0], c[1], c[3], level, parent);
            byCode.put(p.code(), p);
            Map<String, List<Place>> names = level == Place.Level.PROVINCE ? provinces : cities;
            List<String> keys = new ArrayList<>(List.of(c[0], c[1], c[2], c[3], shortName(c[1])));
            if (!c[6].isEmpty()) {
                keys.addAll(List.of(c[6].split(",")));
            }
            keys.stream()
                    .map(Places::normalise)
                    .filter(k -> !k.isEmpty())
                    .distinct()
                    .forEach(k ->
                            names.computeIfAbsent(k, x -> new ArrayList<>(2)).add(p));
            if (level == Place.Level.PROVINCE && c[1].endsWith("市")) {
                // a municipality (北京市, 上海市, 天津市, 重庆市) is also a city
                keys.stream()
                        .map(Places::normalise)
                        .filter(k -> !k.isEmpty())
                        .distinct()
                        .forEach(k -> cities.computeIfAbsent(k, x -> new ArrayList<>(2))
                                .add(p));
            }
        }
        return new Places(Collections.unmodifiableMap(byCode), cities, provinces);
    }

    /** 西安市 → 西安; 广西壮族自治区 → 广西. Autonomous prefectures keep their full name. */
    private static String shortName(String zh) {
        for (String s : SUFFIXES) {
            if (zh.endsWith(s) && zh.length() > s.length() + 1) {
                return zh.substring(0, zh.length() - s.length());
            }
        }
        return zh;
    }
}
