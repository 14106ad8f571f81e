package org.nuanxin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nuanxin.Parameter;
import org.nuanxin.model.Certificate;
import org.nuanxin.model.Child;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.Places;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.WageArrears;
import org.nuanxin.model.Worker;
import org.nuanxin.rules.Arrears;
import org.nuanxin.rules.Field;
import org.nuanxin.rules.Profile;
import org.nuanxin.rules.Stay;
import org.nuanxin.rules.Trip;
import org.nuanxin.rules.Truth;

class SentencesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);

    /**
     * Every field name the rule vocabulary can report as missing, found by asking every question of the
     * facts the rules see ({@link Profile}, {@link Trip}, {@link Stay}, {@link Arrears}) with nothing known,
     * with the work city known (the work province then names {@code work_city}) and with list items whose
     * fields are unknown. {@code Params.moneyBy}, {@code Context.noClaimInYearOf} and {@code Verdict.payUpTo}
     * report the name of a field they are given, which is one of these.
     */
    private static Set<String> reportableFields() throws Exception {
        Set<String> names = new TreeSet<>();
        List<Object> facts = List.of(
                new Profile(Worker.builder().build(), AS_OF),
                new Profile(Worker.builder().workCity("xian").build(), AS_OF),
                new Profile(
                        Worker.builder()
                                .children(List.of(new Child(null, null)))
                                .certificates(List.of(new Certificate(null, null)))
                                .build(),
                        AS_OF),
                new Trip(new HomecomingTrip(null, null, null, null), 0),
                new Stay(new Hospitalisation(null, null, null, null, null), 0),
                new Arrears(new WageArrears(null, null), 0));
        for (Object fact : facts) {
            for (Method m : fact.getClass().getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Object[] args = Arrays.stream(m.getParameterTypes())
                        .map(SentencesTest::argument)
                        .toArray();
                Object result = m.invoke(fact, args);
                if (result instanceof Field<?> f) {
                    names.add(f.name());
                    names.addAll(f.known().missing());
                } else if (result instanceof Truth t) {
                    names.addAll(t.missing());
                }
            }
        }
        return names;
    }

    private static Object argument(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return 18;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2020, 1, 1);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == org.nuanxin.model.Place.class) {
            return Places.standard().city("work_city", "xian");
        }
        if (Collection.class.isAssignableFrom(type)) {
            return Arrays.stream(SchoolStage.values()).map(Enum::name).toList();
        }
        throw new AssertionError("no test argument for " + type + "; teach SentencesTest.argument");
    }

    @Test
    void everyFieldTheModelCanReportHasAChineseAndAnEnglishName() throws Exception {
        Set<String> fields = reportableFields();
        assertTrue(
                fields.containsAll(Set.of(
                        "birth_date",
                        "children",
                        "children.birth_date",
                        "events.date",
                        "events.admission_date",
                        "certificates.kind",
                        "work_province")),
                fields::toString);
        List<String> unnamed = new ArrayList<>();
        for (String f : fields) {
            if (!Sentences.named(f)) {
                unnamed.add(f);
            }
            assertFalse(
                    Sentences.fieldZh(f).matches(".*[a-z_]{3,}.*"), () -> f + " in Chinese: " + Sentences.fieldZh(f));
        }
        assertEquals(List.of(), unnamed, "fields without a name in Sentences");
        assertEquals(fields, Sentences.namedFields(), "the table names exactly the fields the model can report");
    }

    @Test
    void missingFieldsAreNamedInWords() {
        assertEquals("出生日期", Sentences.fieldZh("birth_date"));
        assertEquals("date of birth", Sentences.fieldEn("birth_date"));
        assertEquals(
                "需补充：出生日期、工作所在城市；用于判断：年满18周岁", Sentences.needs(List.of("birth_date", "work_city"), "年满18周岁", true));
        assertEquals(
                "Needs: date of birth, city where you work; to check: aged 18 or over",
                Sentences.needs(List.of("birth_date", "work_city"), "aged 18 or over", false));
        assertEquals("子女的出生日期", Sentences.fieldZh("children.birth_date"));
        assertEquals("a child's date of birth", Sentences.fieldEn("children.birth_date"));
        assertEquals("no_such_field", Sentences.fieldZh("no_such_field"), "a rule's own field shows as it is");
    }

    @Test
    void aListItemsFieldIsNamedByItsPositionCountedFromOne() {
        assertEquals("第1个子女的出生日期", Sentences.fieldZh("children[0].birth_date"));
        assertEquals("date of birth of child 1", Sentences.fieldEn("children[0].birth_date"));
        assertEquals("第3项事件的入院日期", Sentences.fieldZh("events[2].admission_date"));
        assertEquals("admission date of event 3", Sentences.fieldEn("events[2].admission_date"));
        assertEquals("第2张证书的取得日期", Sentences.fieldZh("certificates[1].date"));
        assertEquals("date obtained of certificate 2", Sentences.fieldEn("certificates[1].date"));
        assertEquals("第1个子女", Sentences.fieldZh("children[0]"));
        assertEquals("events[0].no_such", Sentences.fieldEn("events[0].no_such"));
    }

    @Test
    void amountsAreExactWithoutTrailingZerosForWholeYuan() {
        assertEquals("赠送的互助保障价值：25元", Sentences.amount("赠送的互助保障价值", new BigDecimal("25.00"), null, true));
        assertEquals(
                "value of the cover given: CNY 25",
                Sentences.amount("value of the cover given", new BigDecimal("25.00"), null, false));
        assertEquals("车票补贴：356.50元", Sentences.amount("车票补贴", new BigDecimal("356.50"), null, true));
        assertEquals(
                "ticket subsidy: CNY 356.50", Sentences.amount("ticket subsidy", new BigDecimal("356.5"), null, false));
        assertEquals(
                "助学金：2000–6000元", Sentences.amount("助学金", new BigDecimal("2000.00"), new BigDecimal("6000.00"), true));
        assertEquals(
                "school aid: CNY 2000–6000",
                Sentences.amount("school aid", new BigDecimal("2000.00"), new BigDecimal("6000.00"), false));
        assertEquals("0", Sentences.money(new BigDecimal("0.00")));
        assertEquals("1000", Sentences.money(new BigDecimal("1E+3")));
        assertEquals("0.05", Sentences.money(new BigDecimal("0.050")));
        assertEquals("0.005", Sentences.money(new BigDecimal("0.005")), "finer than a fen: every digit, never rounded");
        assertEquals("99999999999999999.99", Sentences.money(new BigDecimal("99999999999999999.99")));
    }

    @Test
    void outcomesReadMetNotMetOrTheRulesOwnWords() {
        assertEquals("符合：户籍不在陕西省", Sentences.met("户籍不在陕西省", true));
        assertEquals("Met: hukou outside Shaanxi", Sentences.met("hukou outside Shaanxi", false));
        assertEquals("不符合：户籍不在陕西省", Sentences.notMet("户籍不在陕西省", "", true));
        assertEquals("Not met: hukou outside Shaanxi", Sentences.notMet("hukou outside Shaanxi", "", false));
        assertEquals("户籍在陕西省", Sentences.notMet("户籍不在陕西省", "户籍在陕西省", true));
        assertEquals("本地区规则未对该项权益作出判断。", Sentences.undecided(true));
        assertEquals("No rule of this region decided this benefit.", Sentences.undecided(false));
    }

    @Test
    void datesAndParametersReadInTheSentencesLanguage() {
        Map<String, Parameter> params = Map.of(
                "start", single("start", "date", LocalDate.of(2025, 9, 1)),
                "season", single("season", "month_day", MonthDay.of(6, 1)),
                "cap", single("cap", "money", new BigDecimal("200.00")),
                "city", single("city", "city", Places.standard().city("work_city", "xian")),
                "jobs", single("jobs", "texts", List.of("COURIER", "TRUCK_DRIVER")));
        List<String> undefined = new ArrayList<>();
        String zh = Sentences.parameters(
                "自${param.start}起，${param.season}，最高${param.cap}元，${param.city}，"
                        + "${param.jobs}，${param.nope}，评估日${as_of}",
                true,
                params,
                undefined::add,
                new java.util.HashMap<>());
        assertEquals("自2025年9月1日起，6月1日，最高200元，西安市，COURIER、TRUCK_DRIVER，${param.nope}，评估日${as_of}", zh);
        assertEquals(List.of("nope"), undefined);
        String en = Sentences.parameters(
                "from ${param.start}, ${param.season}, up to CNY ${param.cap}, ${param.jobs}",
                false,
                params,
                undefined::add,
                new java.util.HashMap<>());
        assertEquals("from 1 September 2025, 1 June, up to CNY 200, COURIER, TRUCK_DRIVER", en);

        assertTrue(Sentences.dated("今年（${year}年）") && Sentences.dated("on ${as_of}") && !Sentences.dated("x"));
        assertEquals("评估日2026年3月10日，今年（2026年）", Sentences.dated("评估日${as_of}，今年（${year}年）", AS_OF, true, Map.of()));
        assertEquals("on 10 March 2026, in 2026", Sentences.dated("on ${as_of}, in ${year}", AS_OF, false, Map.of()));
        assertEquals("31 December 2025", Sentences.date(LocalDate.of(2025, 12, 31), false));
    }

    @Test
    void aCountyLevelPlaceReadsAfterItsCity() {
        Places places = Places.standard();
        assertEquals("西安市", Sentences.value(places.city("x", "xian"), true));
        assertEquals("陕西省", Sentences.value(places.province("x", "shaanxi"), false));
        assertEquals("宁波市慈溪市", Sentences.value(places.city("x", "cixi"), true));
        assertEquals("乌鲁木齐市沙依巴克区", Sentences.value(places.city("x", "650103"), false));
        assertEquals("河南省济源市", Sentences.value(places.city("x", "济源"), true));

        String zh = "工作城市：${work_city}；居住城市：${residence_city}";
        assertTrue(Sentences.namesWorkerPlaces(zh) && !Sentences.namesWorkerPlaces("${param.city}"));
        assertEquals("工作城市：西安市雁塔区；居住城市：未提供", Sentences.workerPlaces(zh, true, places.city("x", "雁塔区"), null));
        assertEquals(
                "works in: 北京市朝阳区; lives in: 北京市",
                Sentences.workerPlaces(
                        "works in: ${work_city}; lives in: ${residence_city}",
                        false,
                        places.city("x", "chaoyang-beijing"),
                        places.city("x", "beijing")));
        assertEquals("not given", Sentences.place(null, false));
    }

    @Test
    void aParameterWhoseValueChangesIsFilledWithTheValueInForceOnTheAssessmentDate() {
        java.util.TreeMap<LocalDate, Parameter.Dated> values = new java.util.TreeMap<>();
        values.put(LocalDate.of(2025, 9, 1), new Parameter.Dated(new BigDecimal("200.00"), "S"));
        values.put(LocalDate.of(2026, 9, 1), new Parameter.Dated(new BigDecimal("300.00"), "S"));
        Map<String, Parameter> params = Map.of("cap", new Parameter("cap", "money", values, "", ""));
        Map<String, Parameter> dated = new java.util.HashMap<>();
        String zh = Sentences.parameters("最高${param.cap}元", true, params, k -> {}, dated);
        assertEquals("最高${param.cap}元", zh);
        assertEquals(params, dated);
        assertTrue(Sentences.dated(zh));
        assertEquals("最高200元", Sentences.dated(zh, LocalDate.of(2026, 8, 31), true, dated));
        assertEquals("最高300元", Sentences.dated(zh, LocalDate.of(2026, 9, 1), true, dated));
    }

    private static Parameter single(String key, String type, Object value) {
        java.util.TreeMap<LocalDate, Parameter.Dated> values = new java.util.TreeMap<>();
        values.put(LocalDate.of(2000, 1, 1), new Parameter.Dated(value, "S"));
        return new Parameter(key, type, values, "", "");
    }
}
