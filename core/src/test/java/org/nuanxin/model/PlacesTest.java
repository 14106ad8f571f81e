package org.nuanxin.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nuanxin.InvalidInputException;

class PlacesTest {

    private final Places places = Places.standard();

    @Test
    void tableHoldsEveryProvincePrefectureAndCounty() {
        Map<Place.Level, Long> counts =
                places.all().stream().collect(Collectors.groupingBy(Place::level, Collectors.counting()));
        assertEquals(34, counts.get(Place.Level.PROVINCE));
        assertEquals(333, counts.get(Place.Level.PREFECTURE), "every prefecture-level division");
        // 2,844 county-level divisions at the end of 2023 by the Ministry of Civil Affairs' count; the
        // statistics office's list adds a few (the 三沙 island groups, 大柴旦)
        assertEquals(2851, counts.get(Place.Level.COUNTY), "every county-level division");
        assertEquals(3218, places.all().size());
    }

    @Test
    void everyCountyLevelDivisionLiesInItsCityAndProvince() {
        for (Place p : places.all()) {
            if (p.level() != Place.Level.COUNTY) {
                continue;
            }
            Place parent = p.parent().orElseThrow();
            assertTrue(p.isWithin(parent) && p.isWithin(p.province()), p.toString());
            assertEquals(p.code().substring(0, 2), parent.code().substring(0, 2), p + " in " + parent);
            if (parent.level() == Place.Level.PREFECTURE) {
                assertEquals(p.code().substring(0, 4), parent.code().substring(0, 4), p + " in " + parent);
            } else {
                // a municipality's district, or a unit its province administers directly
                assertEquals(Place.Level.PROVINCE, parent.level());
            }
            assertEquals(p, places.city("work_city", p.code()), "by code");
            assertEquals(p, places.city("work_city", p.id()), "by id");
            assertEquals(p.fullNameZh(), parent.nameZh() + p.nameZh());
        }
    }

    @ParameterizedTest
    @CsvSource({
        // the districts of issue 15: where the Xi'an programme, the Ordos pilot and the Urumqi stations are
        "610113, 610113, 610100",
        "雁塔区, 610113, 610100",
        "雁塔, 610113, 610100",
        "yanta, 610113, 610100",
        "' YANTA ', 610113, 610100",
        "６１０１１３, 610113, 610100",
        "150603, 150603, 150600",
        "康巴什区, 150603, 150600",
        "康巴什, 150603, 150600",
        "kangbashi, 150603, 150600",
        "650103, 650103, 650100",
        "沙依巴克区, 650103, 650100",
        "沙依巴克, 650103, 650100",
        "shayibake, 650103, 650100",
        "saybagh, 650103, 650100",
        // just outside: Xianyang's 秦都区, Baotou's 九原区, Changji's 昌吉市
        "秦都区, 610402, 610400",
        "qindu, 610402, 610400",
        "九原区, 150207, 150200",
        "changji-changji, 652301, 652300",
        "昌吉市, 652301, 652300",
        // suffixes: 自治县, 林区, 新区, 特区, 旗, 自治旗
        "长阳土家族自治县, 420528, 420500",
        "长阳, 420528, 420500",
        "changyang, 420528, 420500",
        "浦东, 310115, 310000",
        "pudong, 310115, 310000",
        "六枝, 520203, 520200",
        "达拉特旗, 150621, 150600",
        "达拉特, 150621, 150600",
        "鄂温克族自治旗, 150724, 150700",
        "鄂温克, 150724, 150700",
        // pinyin the library reads differently from its default
        "laoting, 130225, 130200",
        "shexian-huangshan, 341021, 341000",
        "hongtong, 141024, 141000",
        "chengdu, 510100, 510000",
        "pidu, 510117, 510100",
        "kashi, 653100, 650000",
        "lvyuan, 220106, 220100",
        "luyuan, 220106, 220100"
    })
    void countyLevelDivisionsResolveToThemselvesWithinTheirCity(String name, String code, String parent) {
        Place p = places.city("work_city", name);
        assertEquals(code, p.code());
        assertEquals(parent, p.parent().orElseThrow().code());
    }

    @Test
    void yantaIsWithinXianAndShaanxiAndNamesBoth() {
        Place yanta = places.city("work_city", "雁塔区");
        assertEquals(Place.Level.COUNTY, yanta.level());
        assertEquals("雁塔区", yanta.nameZh());
        assertEquals("西安市雁塔区", yanta.fullNameZh());
        assertEquals("yanta", yanta.id());
        assertTrue(yanta.isWithin(places.city("x", "xian")));
        assertTrue(yanta.isWithin(places.province("x", "shaanxi")));
        assertFalse(yanta.isWithin(places.city("x", "xianyang")));
        assertFalse(yanta.isWithin(places.province("x", "shanxi")));
        assertEquals("610000", yanta.province().code());
        assertEquals("西安市", places.city("x", "xian").fullNameZh());
    }

    @ParameterizedTest
    @CsvSource({
        "济源市, 419001, 410000",
        "jiyuan, 419001, 410000",
        "仙桃, 429004, 420000",
        "神农架林区, 429021, 420000",
        "神农架, 429021, 420000",
        "五指山市, 469001, 460000",
        "石河子市, 659001, 650000",
        "shihezi, 659001, 650000"
    })
    void directlyAdministeredUnitsBelongToTheirProvince(String name, String code, String province) {
        Place p = places.city("work_city", name);
        assertEquals(code, p.code());
        assertEquals(province, p.parent().orElseThrow().code(), "its province is its parent");
        assertEquals(Place.Level.PROVINCE, p.parent().orElseThrow().level());
        assertEquals(places.byCode(province).orElseThrow().nameZh() + p.nameZh(), p.fullNameZh());
    }

    @Test
    void municipalDistrictsBelongToTheirMunicipality() {
        Place chaoyang = places.city("work_city", "chaoyang-beijing");
        assertEquals("110105", chaoyang.code());
        assertTrue(chaoyang.isWithin(places.city("x", "beijing")));
        assertTrue(chaoyang.isWithin(places.province("x", "beijing")));
        assertEquals("北京市朝阳区", chaoyang.fullNameZh());
        assertEquals(
                "500000", places.city("x", "石柱土家族自治县").parent().orElseThrow().code());
    }

    @ParameterizedTest
    @CsvSource({
        "朝阳区, chaoyang-beijing (北京市朝阳区, 110105), chaoyang-changchun (长春市朝阳区, 220104)",
        "鼓楼区, 南京市鼓楼区, 福州市鼓楼区",
        "西安区, xian-liaoyuan (辽源市西安区, 220403), xian-mudanjiang (牡丹江市西安区, 231005)",
        "通州, 北京市通州区, 南通市通州区",
        "城区, 阳泉市城区, 晋城市城区"
    })
    void aNameSeveralDistrictsShareIsAnErrorListingThem(String name, String a, String b) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> places.city("work_city", name));
        assertEquals("work_city", e.field());
        assertTrue(e.getMessage().contains("names more than one city"), e.getMessage());
        assertTrue(e.getMessage().contains(a) && e.getMessage().contains(b), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        // a prefecture's or province's name wins over a district's of the same name
        "西安, 610100",
        "xian, 610100",
        "chaoyang, 211300",
        "朝阳, 211300",
        "hainan, 632500",
        "dali, 532900",
        "changji, 652300",
        "yiwu, 330782",
        "jilin, 220200"
    })
    void citiesWinOverDistrictsOfTheSameName(String name, String code) {
        assertEquals(code, places.city("work_city", name).code());
    }

    @Test
    void aProvinceNameIsNotACounty() {
        // 河南蒙古族自治县 (Qinghai) is not "henan" or "河南" as a work city: those stay errors
        assertThrows(InvalidInputException.class, () -> places.city("work_city", "henan"));
        assertThrows(InvalidInputException.class, () -> places.city("work_city", "河南"));
        assertEquals("632324", places.city("work_city", "河南蒙古族自治县").code());
        InvalidInputException county =
                assertThrows(InvalidInputException.class, () -> places.province("hukou_province", "610113"));
        assertTrue(county.getMessage().contains("county yanta, not a province"), county.getMessage());
    }

    /**
     * Every name the table answered to before it held every county — code, Chinese name with and
     * without suffix, pinyin, id, alias — means what it meant, as a city and as a province: the same
     * division, or the same error.
     */
    @Test
    void everyNameOfTheTableBeforeMeansWhatItMeant() throws IOException {
        Places before;
        try (InputStream in = PlacesTest.class.getResourceAsStream("/org/nuanxin/places/before-counties.tsv")) {
            before = Places.parse(
                    new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8)));
        }
        assertEquals(371, before.all().size()); // "372 rows" with the header line
        List<String> names = new ArrayList<>();
        try (InputStream in = PlacesTest.class.getResourceAsStream("/org/nuanxin/places/before-counties.tsv");
                BufferedReader r =
                        new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split("\t", -1);
                names.addAll(List.of(c[0], c[1], c[2], c[3]));
                for (String suffix : List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "地区", "盟")) {
                    if (c[1].endsWith(suffix)) {
                        names.add(c[1].substring(0, c[1].length() - suffix.length()));
                    }
                }
                if (!c[6].isEmpty()) {
                    names.addAll(List.of(c[6].split(",")));
                }
            }
        }
        assertTrue(names.size() > 1400, "names read: " + names.size());
        int checked = 0;
        for (String name : names) {
            for (String field : List.of("work_city", "hukou_province")) {
                BiFunction<Places, String, Place> look =
                        field.equals("work_city") ? (p, n) -> p.city(field, n) : (p, n) -> p.province(field, n);
                assertEquals(outcome(before, look, name), outcome(places, look, name), field + " " + name);
                checked++;
            }
        }
        assertTrue(checked > 2800);
    }

    /** The code the name resolves to, the candidates of an ambiguous name, or "unknown". */
    private static String outcome(Places table, BiFunction<Places, String, Place> look, String name) {
        try {
            return look.apply(table, name).code();
        } catch (InvalidInputException e) {
            return e.getMessage().contains("more than one") ? e.getMessage() : "unknown";
        }
    }

    @ParameterizedTest
    @CsvSource({
        "xian, 610100",
        "610100, 610100",
        "西安, 610100",
        "西安市, 610100",
        "cixi, 330282",
        "ordos, 150600",
        "urumqi, 650100",
        "hami, 650500",
        "beijing, 110000",
        "' XIAN ', 610100",
        "６１０１００, 610100",
        "taizhou-zhejiang, 331000",
        "taizhou-jiangsu, 321200"
    })
    void citiesResolveByPinyinCodeAliasOrChinese(String name, String code) {
        assertEquals(code, places.city("work_city", name).code());
    }

    @Test
    void shaanxiIsNotShanxi() {
        assertEquals("610000", places.province("hukou_province", "shaanxi").code());
        assertEquals("140000", places.province("hukou_province", "shanxi").code());
        assertEquals("610000", places.province("hukou_province", "陕西").code());
    }

    @Test
    void cixiLiesWithinNingboAndZhejiang() {
        Place cixi = places.city("work_city", "cixi");
        assertTrue(cixi.isWithin(places.city("x", "ningbo")));
        assertTrue(cixi.isWithin(places.province("x", "zhejiang")));
        assertFalse(cixi.isWithin(places.city("x", "hangzhou")));
        assertEquals("330000", cixi.province().code());
    }

    @ParameterizedTest
    @CsvSource({
        "taizhou, taizhou-zhejiang, taizhou-jiangsu",
        "suzhou, suzhou-jiangsu, suzhou-anhui",
        "fuzhou, fuzhou-fujian, fuzhou-jiangxi",
        "yichun, yichun-jiangxi, yichun-heilongjiang"
    })
    void sharedPinyinIsAnErrorListingTheChoices(String name, String a, String b) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> places.city("work_city", name));
        assertEquals("work_city", e.field());
        assertTrue(e.getMessage().contains(a) && e.getMessage().contains(b), e.getMessage());
    }

    @Test
    void unknownNamesAreErrorsNamingTheField() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> places.city("residence_city", "xain"));
        assertEquals("residence_city", e.field());
        assertTrue(e.getMessage().contains("xain"));
        assertThrows(InvalidInputException.class, () -> places.city("work_city", ""));
        assertThrows(InvalidInputException.class, () -> places.city("work_city", "999999"));
        InvalidInputException province =
                assertThrows(InvalidInputException.class, () -> places.province("hukou_province", "610100"));
        assertTrue(province.getMessage().contains("not a province"), province.getMessage());
    }

    @Test
    void cityAndProvinceNamesAreSeparate() {
        assertEquals(Place.Level.PREFECTURE, places.city("work_city", "jilin").level());
        assertEquals(
                Place.Level.PROVINCE, places.province("hukou_province", "jilin").level());
    }
}
