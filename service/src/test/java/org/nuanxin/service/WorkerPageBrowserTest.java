package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The worker's page in a real browser: a Xi'an courier and a Qingdao rider walked through the interview to
 * their results, an answer changed with the back control, the language switched, the page weighed, keyboard
 * use and axe-core's check at each step; screenshots in {@code target/browser}.
 */
class WorkerPageBrowserTest extends ServiceTest {

    /** A Xi'an courier from Henan who went home for an urgent matter, certified, with a 356.50 ticket. */
    private static final Map<String, String> XIAN_COURIER = script(
            "new_employment_form", "yes",
            "work_city", "雁塔区",
            "union_member", "yes",
            "occupation", "COURIER",
            "hukou_province", "河南",
            "events.HOMECOMING_TRIP", "yes",
            "events[0].reason", "URGENT_MATTER",
            "events[0].union_certified", "yes",
            "events[0].ticket_cost", "356.50");

    /** A Qingdao food-delivery rider, a woman of 37, union member with employees' medical insurance. */
    private static final Map<String, String> QINGDAO_RIDER = script(
            "new_employment_form", "yes",
            "work_city", "青岛",
            "union_member", "yes",
            "occupation", "FOOD_DELIVERY_RIDER",
            "gender", "FEMALE",
            "birth_date", "1985-04-01",
            "medical_insurance", "URBAN_EMPLOYEE");

    @ParameterizedTest
    @EnumSource(Browser.Viewport.class)
    void aXianCourierIsWalkedToHerResultAndChangesAnAnswer(Browser.Viewport viewport) {
        try (Browser b = new Browser("http://127.0.0.1:" + port, viewport)) {
            b.open("/?as_of=2026-03-10");
            assertThat(b.find("html").getAttribute("lang")).isEqualTo("zh-CN");
            b.screenshot("start");
            b.assertAccessible("the start page");
            b.click("#start");

            // the first question by keyboard alone: the answer control has the focus, Enter answers it
            assertThat(b.find("#question").getAttribute("data-field")).isEqualTo("new_employment_form");
            WebElement focused = b.driver.switchTo().activeElement();
            assertThat(focused.getAttribute("id")).isEqualTo("yes");
            b.screenshot("first-question");
            b.assertAccessible("a yes/no question");
            b.press(focused, Keys.ENTER);
            assertThat(b.find("#question").getAttribute("data-field")).isNotEqualTo("new_employment_form");

            // a place answered wrongly first: the page says so and asks again
            answerUntil(b, XIAN_COURIER, "work_city");
            b.find("#value").sendKeys("Atlantis");
            b.click("#next");
            assertThat(b.text("#error")).contains("Atlantis");
            assertThat(b.find("#question").getAttribute("data-field")).isEqualTo("work_city");
            b.screenshot("place-not-understood");
            b.assertAccessible("a question with an error");

            // back: the answer given before this question is asked again, then changed back
            String earlier = lastAnswerField(b);
            b.click("#back");
            assertThat(b.find("#question").getAttribute("data-field")).isEqualTo(earlier);
            answer(b, XIAN_COURIER);

            walkToResult(b, XIAN_COURIER);
            b.screenshot("result");
            b.assertAccessible("the result");
            assertThat(b.text("h1")).isEqualTo("你的结果");
            assertThat(amount(b, "eligible", "XIAN_FREE_HEALTH_CHECK")).isEqualTo("价值190.00元");
            assertThat(amount(b, "eligible", "XIAN_ACCIDENT_MUTUAL_AID")).isEqualTo("价值25.00元");
            assertThat(amount(b, "eligible", "XIAN_HOMECOMING_TICKET_SUBSIDY")).isEqualTo("200.00元");
            // why: the reason and the quoted clause, on demand
            WebElement why = b.find("#eligible [data-code=XIAN_HOMECOMING_TICKET_SUBSIDY] details.why");
            assertThat(why.getAttribute("open")).isNull();
            why.findElement(org.openqa.selenium.By.tagName("summary")).click();
            assertThat(why.findElements(org.openqa.selenium.By.tagName("blockquote")).stream()
                            .map(WebElement::getText))
                    .anyMatch(clause -> clause.contains("返乡"));
            assertThat(b.text("#eligible [data-code=XIAN_HOMECOMING_TICKET_SUBSIDY] .apply"))
                    .startsWith("申请：");
            b.screenshot("result-why");
            assertThat(b.has("#print")).isTrue();

            // the language switch keeps every answer
            b.click("#switch-lang");
            assertThat(b.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(b.text("h1")).isEqualTo("Your result");
            assertThat(amount(b, "eligible", "XIAN_FREE_HEALTH_CHECK")).isEqualTo("worth CNY 190.00");
            assertThat(amount(b, "eligible", "XIAN_HOMECOMING_TICKET_SUBSIDY")).isEqualTo("CNY 200.00");
            b.screenshot("result-english");
            b.assertAccessible("the result in English");

            // back from the result: the last question asked comes again, with the answers before it kept
            int answered = b.all("#back").size();
            b.click("#back");
            assertThat(b.has("#question")).isTrue();
            assertThat(answered).isOne();
        }
    }

    @Test
    void aQingdaoRiderIsWalkedToHerResultOnAPhone() {
        try (Browser b = new Browser("http://127.0.0.1:" + port, Browser.Viewport.PHONE)) {
            b.open("/?as_of=2022-06-01");
            b.click("#start");
            walkToResult(b, QINGDAO_RIDER);
            b.screenshot("qingdao-result");
            b.assertAccessible("a Qingdao result");
            assertThat(status(b, "QINGDAO_MUTUAL_AID_GIFT")).isEqualTo("eligible");
            assertThat(status(b, "QINGDAO_TWO_CANCER_SCREENING")).isEqualTo("eligible");
            assertThat(status(b, "QINGDAO_JOIN_UNION")).isEqualTo("not-eligible");
            // the source states no amount for any Qingdao item, and the page invents none
            assertThat(b.all("#eligible [data-code=QINGDAO_MUTUAL_AID_GIFT] .amount"))
                    .isEmpty();
        }
    }

    @Test
    void theFirstLoadIsSmallAndSelfContained() {
        try (Browser b = new Browser("http://127.0.0.1:" + port, Browser.Viewport.PHONE)) {
            b.open("/");
            long bytes = b.transferredBytes();
            assertThat(bytes).as("bytes of the first load").isPositive().isLessThanOrEqualTo(150_000);
            // every asset from this service: no CDN
            Object foreign = b.driver.executeScript("return performance.getEntriesByType('resource').map(r => r.name)"
                    + ".filter(n => !n.startsWith(location.origin))");
            assertThat((java.util.List<?>) foreign).isEmpty();
        }
    }

    /** The result group ({@code eligible}, {@code needs-info}, …) holding {@code code}. */
    private static String status(Browser b, String code) {
        WebElement article = b.find("article[data-code=" + code + "]");
        return article.findElement(org.openqa.selenium.By.xpath("ancestor::section[1]"))
                .getAttribute("id");
    }

    private static String amount(Browser b, String group, String code) {
        return b.text("#" + group + " article[data-code=" + code + "] .amount");
    }

    /** The field of the last answer carried by the form. */
    private static String lastAnswerField(Browser b) {
        var hidden = b.all("#question input[name=answer]");
        String last = hidden.get(hidden.size() - 1).getAttribute("value");
        int eq = last.indexOf('=');
        return eq < 0 ? last : last.substring(0, eq);
    }

    /** Answers questions from {@code script} (else "don't know") until {@code field} is asked. */
    private static void answerUntil(Browser b, Map<String, String> script, String field) {
        for (int i = 0; i < 40; i++) {
            if (field.equals(b.find("#question").getAttribute("data-field"))) {
                return;
            }
            answer(b, script);
        }
        throw new AssertionError(field + " was never asked");
    }

    /** Answers every question from {@code script} (else "don't know") until the result. */
    private static void walkToResult(Browser b, Map<String, String> script) {
        java.util.List<String> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 60 && b.has("#question"); i++) {
            asked.add(b.find("#question").getAttribute("data-field"));
            answer(b, script);
        }
        assertThat(b.has("#result"))
                .as("the result after the interview; asked " + asked)
                .isTrue();
    }

    /** Answers the question on the page as a person would: a button, a choice or typed text. */
    private static void answer(Browser b, Map<String, String> script) {
        String field = b.find("#question").getAttribute("data-field");
        String kind = b.find("#question").getAttribute("data-kind");
        String value = script.get(field);
        if (value == null) {
            b.click("#skip");
        } else if (kind.equals("YES_NO") || kind.equals("EVENT")) {
            b.click(value.equals("yes") ? "#yes" : "#no");
        } else if (kind.equals("ONE_OF")) {
            new Select(b.find("#value")).selectByValue(value);
            b.click("#next");
        } else {
            b.find("#value").sendKeys(value);
            b.click("#next");
        }
    }

    private static Map<String, String> script(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
