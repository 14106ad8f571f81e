package org.nuanxin.population;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What standard error is, for the commands that show progress there only when a person watches it (the
 * {@code population} command's own progress, Spark's console progress bar in the Spark module's command).
 */
public final class Terminal {

    private Terminal() {}

    /**
     * Whether standard error is a terminal, where progress can be shown. Java 17 cannot ask this of standard error
     * ({@link System#console()} is set only when standard input and output are both terminals, so it is
     * {@code null} as soon as the output goes to a file); on Linux the file descriptor's link in {@code /proc}
     * says what standard error is: a terminal is {@code /dev/pts/N}, {@code /dev/ttyN} or {@code /dev/console},
     * a redirection a file or {@code pipe:[N]}. Without {@code /proc} (macOS, Windows) it falls back to
     * {@code System.console() != null}.
     */
    public static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                return isTerminalDevice(Files.readSymbolicLink(fd).toString());
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // fall back below
        }
        return System.console() != null;
    }

    /** Whether a file descriptor's link target ({@code /dev/pts/3}, {@code pipe:[81]}) is a terminal device. */
    public static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.matches("/dev/tty\\w*") || target.equals("/dev/console");
    }
}
