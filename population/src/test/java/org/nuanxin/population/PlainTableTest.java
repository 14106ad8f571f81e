package org.nuanxin.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one text table of the command line and the reports: columns by display width, numbers aligned on the right. */
class PlainTableTest {

    @Test
    void cellsAreOnTheLeftAndTheLastColumnIsNotPadded() {
        assertEquals(
                List.of("A   B", "xx  y", "z"),
                PlainTable.format(List.of(new String[] {"A", "B"}, new String[] {"xx", "y"}, new String[] {"z", ""})));
    }

    @Test
    void rightAlignedColumnsLineUpOnTheLastDigitButNotTheHeading() {
        List<String[]> rows = List.of(
                new String[] {"CODE", "N", "NOTE"},
                new String[] {"a", "5", "x"},
                new String[] {"bb", "123", ""},
                new String[] {"c", "12", "y"});
        assertEquals(
                List.of("CODE  N    NOTE", "a       5  x", "bb    123", "c      12  y"), PlainTable.format(rows, 1));
    }

    @Test
    void chineseCountsTwoColumns() {
        List<String[]> rows = List.of(
                new String[] {"权益", "金额", "理由"}, new String[] {"体检", "190.00", "价值"}, new String[] {"x", "5.00", "y"});
        assertEquals(List.of("权益  金额    理由", "体检  190.00  价值", "x       5.00  y"), PlainTable.format(rows, 1));
        assertEquals(4, PlainTable.width("西安"));
        assertEquals(6, PlainTable.width("（）ab"));
    }
}
