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
 * China's administrative divisions as the library knows them: every province-, prefecture- and
 * county-level division of GB/T 2260, from the bundled table (its source, licence and edition are in
 * {@code SOURCE.md} beside it). Names are looked up by pinyin id, conventional alias ({@code urumqi}),
 * six-digit code or Chinese name, with or without the suffix ({@code 西安}, {@code 西安市}; {@code 雁塔},
 * {@code 雁塔区}); a name two divisions share ({@code taizhou}, {@code 朝阳区}) is an error listing the
 * ids that tell them apart.
 *
 * <p>Cities and provinces are separate name spaces: {@code jilin} is Jilin city as a work city and
 * Jilin province as a hukou province. The four municipalities count as cities too. A county-level
 * division (a district, county, county-level city or banner) is a city as well: a work city of
 * {@code 610113} or {@code 雁塔区} is Yanta district, which lies within Xi'an and Shaanxi
 * ({@link Place#isWithin}), so whatever holds for Xi'an holds for it.
 *
 * <p>Where a name is both a province's or prefecture's and a county-level division's, the province
 * or prefecture wins: {@code 西安} is Xi'an, not 西安区 of Liaoyuan or Mudanjiang (named in full,
 * {@code 西安区}, those two are an error listing both), and {@code chaoyang} is Chaoyang city in
 * Liaoning. A county-level division is then reached by its id ({@code chaoyang-beijing}), its code
 * or its full name.
 */
public final class Places {

    private static final String TABLE = "/org/nuanxin/places/gbt2260.tsv";
    private static final List<String> SUFFIXES =
            List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "地区", "盟");
    private static final Places STANDARD = load();

    private final Map<String, Place> byCode;
    /** Names of the municipalities and the prefecture-level divisions: looked up first. */
    private final Map<String, List<Place>> cityNames;
    /** Ids and codes of the county-level divisions: each names one. */
    private final Map<String, Place> countyIds;
    /** Every other name of the county-level divisions, shared ones listing each division. */
    private final Map<String, List<Place>> countyNames;

    private final Map<String, List<Place>> provinceNames;

    private Places(
            Map<String, Place> byCode,
            Map<String, List<Place>> cityNames,
            Map<String, Place> countyIds,
            Map<String, List<Place>> countyNames,
            Map<String, List<Place>> provinceNames) {
        this.byCode = byCode;
        this.cityNames = cityNames;
        this.countyIds = countyIds;
        this.countyNames = countyNames;
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
     * Resolves a city for a worker field: a municipality, a prefecture-level division, or a
     * county-level division (district, county, county-level city, banner), which keeps its own code
     * and lies within its city and province. Constant time: a few hash look-ups.
     *
     * @param field the field name to put in an error, e.g. {@code work_city}
     * @throws InvalidInputException naming the field when the name is unknown or ambiguous
     */
    public Place city(String field, String name) {
        return resolve(field, name, true);
    }

    /**
     * Resolves a province-level division for a worker field.
     *
     * @throws InvalidInputException naming the field when the name is unknown
     */
    public Place province(String field, String name) {
        return resolve(field, name, false);
    }

    private Place resolve(String field, String name, boolean city) {
        String what = city ? "city" : "province";
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
        List<Place> found = city ? cityNames.get(key) : provinceNames.get(key);
        if (found == null && city) {
            Place county = countyIds.get(key);
            if (county != null) {
                return county;
            }
            found = countyNames.get(key);
        }
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
                choices.add(p.id() + " (" + p.fullNameZh() + ", " + p.code() + ")");
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

    /**
     * Reads a table: lines starting with {@code #} (the notice at its head), then a header line, then
     * one division a line, each after the division it belongs to.
     */
    static Places parse(BufferedReader reader) throws IOException {
        Map<String, Place> byCode = new LinkedHashMap<>(4096);
        Map<String, List<Place>> cities = new HashMap<>(1024);
        Map<String, Place> countyIds = new HashMap<>(8192);
        Map<String, List<Place>> countyNames = new HashMap<>(16384);
        Map<String, List<Place>> provinces = new HashMap<>(256);
        String line;
        int n = 0;
        boolean header = false;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.startsWith("code\t")) {
                    throw new IllegalStateException("place table has no header line");
                }
                header = true;
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
            if (byCode.put(p.code(), p) != null) {
                throw new IllegalStateException("place table line " + n + ": code " + p.code() + " given twice");
            }
            if (level == Place.Level.COUNTY) {
                for (String unique : List.of(c[0], c[3])) {
                    if (countyIds.put(normalise(unique), p) != null) {
                        throw new IllegalStateException("place table line " + n + ": id " + unique + " given twice");
                    }
                }
            }
            Map<String, List<Place>> names = switch (level) {
                case PROVINCE -> provinces;
                case PREFECTURE -> cities;
                case COUNTY -> countyNames;
            };
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
        if (!header) {
            throw new IllegalStateException("place table has no header line");
        }
        return new Places(Collections.unmodifiableMap(byCode), cities, countyIds, countyNames, provinces);
    }

    /**
     * 西安市 → 西安; 广西壮族自治区 → 广西; 慈溪市 → 慈溪. Autonomous prefectures keep their full name. A
     * county-level division's other short forms (雁塔 for 雁塔区, 长阳 for 长阳土家族自治县) are in the
     * table's aliases.
     */
    private static String shortName(String zh) {
        for (String s : SUFFIXES) {
            if (zh.endsWith(s) && zh.length() > s.length() + 1) {
                return zh.substring(0, zh.length() - s.length());
            }
        }
        return zh;
    }
}
