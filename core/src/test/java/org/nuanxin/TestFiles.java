package org.nuanxin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Special files for tests of input that is not a regular file; shared with the reliability module. */
public final class TestFiles {

    private TestFiles() {}

    /** Makes a FIFO with {@code mkfifo}; false where there is none. */
    public static boolean mkfifo(Path p) {
        try {
            Process proc = new ProcessBuilder("mkfifo", p.toString())
                    .redirectErrorStream(true)
                    .start();
            proc.getInputStream().readAllBytes();
            return proc.waitFor() == 0 && Files.exists(p);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Makes a symbolic link; false where the file system has none. */
    public static boolean link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
