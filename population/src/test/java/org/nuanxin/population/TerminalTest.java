package org.nuanxin.population;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What standard error is: a terminal device, or a file, pipe or socket it is redirected to. */
class TerminalTest {

    @Test
    void whatIsATerminal() {
        assertTrue(Terminal.isTerminalDevice("/dev/pts/3"));
        assertTrue(Terminal.isTerminalDevice("/dev/tty1"));
        assertTrue(Terminal.isTerminalDevice("/dev/tty"));
        assertTrue(Terminal.isTerminalDevice("/dev/console"));
        assertFalse(Terminal.isTerminalDevice("pipe:[81234]"));
        assertFalse(Terminal.isTerminalDevice("socket:[1]"));
        assertFalse(Terminal.isTerminalDevice("target/population.log"));
        assertFalse(Terminal.isTerminalDevice("/dev/null"));
        Terminal.stderrIsTerminal(); // answers, whatever the test's stderr is
    }
}
