package org.nuanxin.population;

import java.math.BigDecimal;
import java.util.Arrays;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.model.Money;

/**
 * The population tests' oracle for totals: per benefit, the count of each status and the sums of
 * amount, range minimum, range maximum and in-kind value over assessments made one by one.
 */
final class SummedDecisions {

    /** Per benefit, counts by {@code Status} ordinal. */
    final long[][] counts;
    /** Per benefit: amount, amount minimum, amount maximum, in-kind value. */
    final BigDecimal[][] money;

    SummedDecisions(int benefits) {
        counts = new long[benefits][3];
        money = new BigDecimal[benefits][4];
        for (BigDecimal[] m : money) {
            Arrays.fill(m, Money.ZERO);
        }
    }

    /** Adds every decision of {@code a}. */
    void add(Assessment a) {
        for (int i = 0; i < counts.length; i++) {
            Decision d = a.decisions().get(i);
            counts[i][d.status().ordinal()]++;
            BigDecimal[] v = {d.amount(), d.amountMin(), d.amountMax(), d.value()};
            for (int k = 0; k < 4; k++) {
                if (v[k] != null) {
                    money[i][k] = money[i][k].add(v[k]);
                }
            }
        }
    }
}
