package org.nuanxin.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.MalformedFileException;
import org.nuanxin.TestFiles;

/** What {@link InputFiles} refuses before parsing, and the bounded read. */
class InputFilesTest {

    private static final InputLimits TINY = new InputLimits(100, 8, 100);
    /** A deadline against a read that blocks (a FIFO) or never ends (a device), not a timing. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private static MalformedFileException refused(org.junit.jupiter.api.function.Executable read) {
        return assertTimeoutPreemptively(HANG, () -> assertThrows(MalformedFileException.class, read));
    }

    @Test
    void readsARegularFileOfUtf8() throws IOException {
        Path f = Files.writeString(tmp.resolve("w.yaml"), "id: 暖新\n");
        assertEquals("id: 暖新\n", InputFiles.read(f));
        assertEquals("id: 暖新\n", InputFiles.read(f, new InputLimits(11, 8, 100))); // exactly at the limit
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedNamingTheFileAndTheProperty() throws IOException {
        Path f = Files.writeString(tmp.resolve("big.yaml"), "id: " + "x".repeat(200));
        MalformedFileException e = refused(() -> InputFiles.read(f, TINY));
        assertEquals(f.toString(), e.file());
        assertEquals("", e.field());
        assertTrue(e.problem().contains("larger than 100 bytes"), e::getMessage);
        assertTrue(e.problem().contains(InputLimits.MAX_FILE_BYTES), e::getMessage);
        assertFalse(e.getMessage().contains("xxx"), e::getMessage);
    }

    /**
     * The size check holds on the bytes read, not only on the size the file system reports: a file of
     * {@code /proc} reports size 0 and holds more, as a file that grows while being read does.
     */
    @Test
    void theSizeLimitHoldsOnWhatIsReadNotOnlyOnTheReportedSize() throws IOException {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "a /proc file system");
        MalformedFileException e = refused(() -> InputFiles.read(status, TINY));
        assertTrue(e.problem().contains("larger than 100 bytes"), e::getMessage);
    }

    @Test
    void aFolderADeviceAndAMissingFileAreRefusedWithoutReading() {
        assertTrue(refused(() -> InputFiles.read(tmp)).problem().contains("is a folder"));
        assertTrue(refused(() -> InputFiles.read(tmp.resolve("none.yaml")))
                .problem()
                .contains("no such file"));
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "/dev/zero");
        MalformedFileException e = refused(() -> InputFiles.read(zero));
        assertTrue(e.problem().contains("not a regular file"), e::getMessage);
        assertEquals("/dev/zero", e.file());
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = tmp.resolve("w.yaml");
        assumeTrue(TestFiles.mkfifo(fifo), "mkfifo");
        MalformedFileException e = refused(() -> InputFiles.read(fifo));
        assertTrue(e.problem().contains("not a regular file"), e::getMessage);
        assertTrue(refused(() -> InputFiles.requireRegularFile(fifo)).problem().contains("not a regular file"));
        assertTrue(
                refused(() -> InputFiles.readInFolder(tmp, "w.yaml")).problem().contains("not a regular file"));
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path f = Files.write(tmp.resolve("gbk.yaml"), new byte[] {'i', 'd', ':', ' ', (byte) 0xC4, (byte) 0xFA, '\n'});
        assertTrue(refused(() -> InputFiles.read(f)).problem().contains("not UTF-8"));
    }

    @Test
    void inARuleFolderAMissingFileIsNullAndARegularFileIsRead() throws IOException {
        Files.writeString(tmp.resolve("region.yaml"), "id: x\n");
        assertEquals("id: x\n", InputFiles.readInFolder(tmp, "region.yaml"));
        assertNull(InputFiles.readInFolder(tmp, "benefits.yaml"));
    }

    @Test
    void inARuleFolderASymbolicLinkIsRefusedAndItsTargetNeverEchoed() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret.txt"), "SECRET-KQ7Z-CONTENT\n");
        Path folder = Files.createDirectories(tmp.resolve("rules"));
        assumeTrue(TestFiles.link(folder.resolve("x.drl"), secret), "symbolic links");
        MalformedFileException e = refused(() -> InputFiles.readInFolder(folder, "x.drl"));
        assertTrue(e.problem().contains("symbolic link"), e::getMessage);
        assertFalse(e.getMessage().contains("KQ7Z"), e::getMessage);
        // a link to a file inside the folder is refused as well: the folder holds its files itself
        Files.writeString(folder.resolve("real.drl"), "rule\n");
        TestFiles.link(folder.resolve("alias.drl"), folder.resolve("real.drl"));
        assertTrue(refused(() -> InputFiles.readInFolder(folder, "alias.drl"))
                .problem()
                .contains("symbolic link"));
        // a dangling link too, rather than "missing"
        TestFiles.link(folder.resolve("gone.drl"), tmp.resolve("nowhere"));
        assertTrue(refused(() -> InputFiles.readInFolder(folder, "gone.drl"))
                .problem()
                .contains("symbolic link"));
    }

    @Test
    void inARuleFolderAFileReachedThroughALinkedFolderIsRefusedAsOutside() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("x.drl"), "SECRET-KQ7Z-CONTENT\n");
        Path folder = Files.createDirectories(tmp.resolve("rules"));
        assumeTrue(TestFiles.link(folder.resolve("sub"), outside), "symbolic links");
        MalformedFileException e = refused(() -> InputFiles.readInFolder(folder, "sub/x.drl"));
        assertTrue(e.problem().contains("outside the rule folder"), e::getMessage);
        assertFalse(e.getMessage().contains("KQ7Z"), e::getMessage);
    }

    @Test
    void aRuleFolderThatIsItselfALinkIsRead() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Files.writeString(real.resolve("region.yaml"), "id: x\n");
        assumeTrue(TestFiles.link(tmp.resolve("linked"), real), "symbolic links");
        assertEquals("id: x\n", InputFiles.readInFolder(tmp.resolve("linked"), "region.yaml"));
    }
}
