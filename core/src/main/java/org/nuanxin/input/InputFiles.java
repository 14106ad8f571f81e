package org.nuanxin.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import org.nuanxin.MalformedFileException;

/**
 * Reads the files the library parses — worker files, scenario files, the files of a rule folder — and
 * refuses, before parsing, what no such file can be: a path that is not a regular file (a folder, a FIFO,
 * a device such as {@code /dev/zero}, a socket), a file larger than {@link InputLimits#maxFileBytes()}
 * (checked on its size before reading and again while reading, so a file that grows while it is read is
 * still cut off at the limit plus one byte), and text that is not UTF-8. In a rule folder a symbolic link
 * and any file whose real path is outside the folder are refused too, and never read.
 *
 * <p>Every refusal is a {@link MalformedFileException} naming the file, with line 0 and no field, and
 * never quoting the file's content.
 */
public final class InputFiles {

    private static final int CHUNK = 64 * 1024;

    private InputFiles() {}

    /**
     * The text of a worker or scenario file as the user named it (a symbolic link is followed), within the
     * {@linkplain InputLimits#current() current limits}.
     *
     * @throws MalformedFileException naming the file when it is missing, not a regular file, too large,
     *                                unreadable or not UTF-8
     */
    public static String read(Path path) {
        return read(path, InputLimits.current());
    }

    /** As {@link #read(Path)}, within {@code limits}. */
    public static String read(Path path, InputLimits limits) {
        BasicFileAttributes a = requireRegularFile(path);
        return readChecked(path, a.size(), limits.maxFileBytes());
    }

    /**
     * Checks, without reading it, that {@code path} is an existing regular file (a symbolic link is followed):
     * not a folder, FIFO, device or socket. For files streamed rather than read whole, such as a member register.
     *
     * @return the file's attributes
     * @throws MalformedFileException naming the file when it is not
     */
    public static BasicFileAttributes requireRegularFile(Path path) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw refuse(path, "no such file");
        } catch (IOException | SecurityException e) {
            throw refuse(path, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (a.isDirectory()) {
            throw refuse(path, "is a folder, not a file");
        }
        if (!a.isRegularFile()) {
            throw refuse(path, "is not a regular file (a device, pipe or socket); give a file");
        }
        if (!Files.isReadable(path)) {
            throw refuse(path, "cannot be read (permission denied)");
        }
        return a;
    }

    /**
     * The text of the file {@code name} of the rule folder {@code folder}, or {@code null} when the folder has
     * no such entry. The entry must be a regular file itself, not a symbolic link, and its real path must lie
     * inside the folder's real path.
     *
     * @throws MalformedFileException naming the file when it is a link, outside the folder, not a regular file,
     *                                too large, unreadable or not UTF-8
     */
    public static String readInFolder(Path folder, String name) {
        return readInFolder(folder, name, InputLimits.current());
    }

    /** As {@link #readInFolder(Path, String)}, within {@code limits}. */
    public static String readInFolder(Path folder, String name, InputLimits limits) {
        Path path = folder.resolve(name);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | SecurityException e) {
            throw refuse(path, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (a.isSymbolicLink()) {
            throw refuse(path, "is a symbolic link; a rule folder holds its files itself, links are not followed");
        }
        if (a.isDirectory()) {
            throw refuse(path, "is a folder, not a file");
        }
        if (!a.isRegularFile()) {
            throw refuse(path, "is not a regular file (a device, pipe or socket)");
        }
        try {
            if (!path.toRealPath().startsWith(folder.toRealPath())) {
                throw refuse(path, "is outside the rule folder (through a linked folder); links are not followed");
            }
        } catch (IOException | SecurityException e) {
            throw refuse(path, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return readChecked(path, a.size(), limits.maxFileBytes());
    }

    /** Reads at most {@code max + 1} bytes of a file checked to be regular, and decodes them strictly. */
    private static String readChecked(Path path, long size, long max) {
        if (size > max) {
            throw tooLarge(path, max);
        }
        byte[] buf = new byte[(int) Math.min(max + 1, Math.max(size + 1, 1024))];
        int n = 0;
        try (InputStream in = Files.newInputStream(path)) {
            while (true) {
                if (n == buf.length) {
                    if (n > max) {
                        throw tooLarge(path, max); // it grew while being read
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(max + 1, Math.max(2L * buf.length, CHUNK)));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (AccessDeniedException e) {
            throw refuse(path, "cannot be read (permission denied)");
        } catch (IOException | SecurityException e) {
            throw refuse(path, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (n > max) {
            throw tooLarge(path, max);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refuse(path, "is not UTF-8 text; save it as UTF-8");
        }
    }

    private static MalformedFileException tooLarge(Path path, long max) {
        return refuse(
                path,
                "is larger than " + max + " bytes, the limit for an input file (system property "
                        + InputLimits.MAX_FILE_BYTES + ")");
    }

    private static MalformedFileException refuse(Path path, String problem) {
        return new MalformedFileException(path.toString(), 0, "", problem);
    }
}
