package org.nuanxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff's page in a real browser: the login, a case assessed with the ledger's claims, grants until the
 * quota is hit (the last places then the waiting list), a member's claims and the places table.
 */
class StaffPageBrowserTest extends ServiceTest {

    private static final String CASE = """
            region: xian
            as_of: 2026-03-10
            worker:
              occupation: COURIER
              new_employment_form: true
              work_city: xian
              union_member: true
            """;

    @Test
    void staffGrantHealthChecksUntilTheQuotaIsHit() {
        // 2 of Xi'an's 10,000 health checks left in 2026
        jdbc.update("DELETE FROM quota WHERE region = 'xian' AND benefit = 'XIAN_FREE_HEALTH_CHECK' AND year = 2026");
        jdbc.update("INSERT INTO quota (region, benefit, year, places, used) VALUES"
                + " ('xian', 'XIAN_FREE_HEALTH_CHECK', 2026, 10000, 9998)");
        String prefix = newMember();
        try (Browser b = new Browser("http://127.0.0.1:" + port, Browser.Viewport.DESKTOP)) {
            b.open("/staff");
            assertThat(b.driver.getCurrentUrl()).contains("/login");
            b.screenshot("staff-login");
            b.assertAccessible("the login page");
            b.find("#username").sendKeys("staff");
            b.find("#password").sendKeys("wrong");
            b.click("#sign-in");
            assertThat(b.has(".error")).isTrue();
            b.find("#username").sendKeys("staff");
            b.find("#password").sendKeys("staff-pw");
            b.click("#sign-in");
            assertThat(b.driver.getCurrentUrl()).endsWith("/staff");

            String[] expected = {"GRANTED", "GRANTED", "WAITLISTED"};
            for (int i = 0; i < expected.length; i++) {
                String member = prefix + "-" + i;
                WebElement id = b.find("#member");
                id.clear();
                id.sendKeys(member);
                WebElement text = b.find("#case");
                text.clear();
                text.sendKeys(CASE);
                b.click("#assess");
                WebElement row = b.find("#decisions tr[data-code=XIAN_FREE_HEALTH_CHECK]");
                assertThat(row.getAttribute("data-status")).isEqualTo("ELIGIBLE");
                assertThat(row.findElement(org.openqa.selenium.By.className("amount"))
                                .getText())
                        .isEqualTo("价值190.00元");
                if (i == 0) {
                    b.screenshot("staff-assessed");
                    b.assertAccessible("the staff page with decisions");
                }
                b.click("#decisions tr[data-code=XIAN_FREE_HEALTH_CHECK] button.grant");
                assertThat(b.text("#grant-status")).isEqualTo(expected[i]);
                assertThat(b.text("#outcome")).contains("SHA-256");
            }
            assertThat(b.text("#grant-position")).endsWith("1");
            b.screenshot("staff-waitlisted");

            // the first member again: once a year, so no longer eligible and nothing to grant
            WebElement first = b.find("#member");
            first.clear();
            first.sendKeys(prefix + "-0");
            b.click("#assess");
            assertThat(b.find("#decisions tr[data-code=XIAN_FREE_HEALTH_CHECK]").getAttribute("data-status"))
                    .isEqualTo("NOT_ELIGIBLE");
            assertThat(b.all("#decisions tr[data-code=XIAN_FREE_HEALTH_CHECK] button.grant"))
                    .isEmpty();

            // the member's claims and the places table
            WebElement lookup = b.find("#lookup-member");
            lookup.clear();
            lookup.sendKeys(prefix + "-0");
            b.click("#lookup");
            assertThat(b.text("#claims tr[data-code=XIAN_FREE_HEALTH_CHECK]")).contains("GRANTED");
            new Select(b.find("#quota-region")).selectByValue("xian");
            WebElement year = b.find("#quota-year");
            year.clear();
            year.sendKeys("2026");
            b.click("#show-quotas");
            assertThat(b.text("#quotas tr[data-code=XIAN_FREE_HEALTH_CHECK] .used"))
                    .isEqualTo("10000");
            assertThat(b.text("#quotas tr[data-code=XIAN_FREE_HEALTH_CHECK] .left"))
                    .isEqualTo("0");
            assertThat(b.text("#quotas tr[data-code=XIAN_FREE_HEALTH_CHECK] .waitlisted"))
                    .isEqualTo("1");
            b.screenshot("staff-quotas");
            b.assertAccessible("the staff page with places");

            // a page gone stale: another desk grants the same member first; this grant is refused with why
            String late = prefix + "-late";
            WebElement id = b.find("#member");
            id.clear();
            id.sendKeys(late);
            b.click("#assess");
            Answer elsewhere = post("/api/v1/grants", grantBody(late, "XIAN_FREE_HEALTH_CHECK", "2026-03-10"), STAFF);
            assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
            b.click("#decisions tr[data-code=XIAN_FREE_HEALTH_CHECK] button.grant");
            assertThat(b.text("#problem")).contains("XIAN_FREE_HEALTH_CHECK");
            b.screenshot("staff-refused");

            b.click("#switch-lang");
            assertThat(b.text("h1")).isEqualTo("Union staff · grants and places");
        }
    }
}
