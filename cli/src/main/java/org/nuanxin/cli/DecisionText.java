package org.nuanxin.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Reason;
import org.nuanxin.Status;

/**
 * A decision's cells in the tables a person reads: the benefit's name, the status, the amount or value and the
 * deciding reason, in one language. The interview's result and {@code assess}'s table show decisions alike.
 */
final class DecisionText {

    private DecisionText() {}

    /** The benefit's name in {@code lang}, on one line. */
    static String name(Benefit b, Lang lang) {
        return Cli.oneLine(lang.pick(b.nameZh(), b.nameEn()));
    }

    /** 可以申请 / eligible, 还需了解 / needs info, 不符合 / not eligible. */
    static String status(Status s, Lang lang) {
        return switch (s) {
            case ELIGIBLE -> lang.pick("可以申请", "eligible");
            case NEEDS_INFO -> lang.pick("还需了解", "needs info");
            case NOT_ELIGIBLE -> lang.pick("不符合", "not eligible");
        };
    }

    /** The cash amount, the range of cash ({@code 100.00–300.00}) or the in-kind value, in CNY; else empty. */
    static String money(Decision d) {
        if (d.amount() != null) {
            return yuan(d.amount());
        }
        if (d.amountMin() != null) {
            return yuan(d.amountMin()) + "–" + yuan(d.amountMax());
        }
        return d.value() != null ? yuan(d.value()) : "";
    }

    private static String yuan(BigDecimal b) {
        return b.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * The text of the reason that decided, on one line: the amount's for an eligible decision, the first
     * criterion not met for one not eligible, the first unknown one for one that needs information; else the
     * first reason's.
     */
    static String reason(Decision d, Lang lang) {
        Reason.Outcome wanted = switch (d.status()) {
            case ELIGIBLE -> Reason.Outcome.AMOUNT;
            case NOT_ELIGIBLE -> Reason.Outcome.NOT_MET;
            case NEEDS_INFO -> Reason.Outcome.UNKNOWN;
        };
        for (Reason r : d.reasons()) {
            if (r.outcome() == wanted) {
                return Cli.oneLine(lang.pick(r.textZh(), r.textEn()));
            }
        }
        return d.reasons().isEmpty()
                ? ""
                : Cli.oneLine(lang.pick(
                        d.reasons().get(0).textZh(), d.reasons().get(0).textEn()));
    }
}
