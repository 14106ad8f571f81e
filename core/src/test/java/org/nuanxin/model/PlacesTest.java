package org.nuanxin.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nuanxin.InvalidInputException;

class PlacesTest {

    private final Places places = Places.standard();

    @Test
    void tableHoldsEveryProvinceAndPrefecture() {
        Map<Place.Level, Long> counts =
                places.all().stream().collect(Collectors.groupingBy(Place::level, Collectors.counting()));
        assertEquals(34, counts.get(Place.Level.PROVINCE));
        assertTrue(counts.get(Place.Level.PREFECTURE) >= 333, "every prefecture-level division");
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
