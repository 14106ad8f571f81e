package org.nuanxin.population;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The text of a byte range of a UTF-8 file, read with positional reads, so that any number of threads can each
 * read a range of the same open file. Bytes that are not UTF-8 fail the read
 * ({@link java.nio.charset.MalformedInputException}); a range starts and ends on a line break or an end of the
 * file, never inside a character, so decoding ranges apart is decoding the file. Not thread-safe.
 */
final class FileRange extends Reader {

    /** Bytes read at a time. */
    static final int BUFFER = 64 * 1024;

    private final FileChannel file;
    private final long end;
    private final AtomicLong bytesRead;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long position;
    private boolean eof;
    private boolean flushed;

    /**
     * @param file      the open file; not closed here
     * @param from      the first byte
     * @param to        the byte after the last
     * @param bytesRead where the bytes read are added up (shared by the ranges of a run)
     */
    FileRange(FileChannel file, long from, long to, AtomicLong bytesRead) {
        this.file = file;
        this.position = from;
        this.end = to;
        this.bytesRead = bytesRead;
        bytes.flip(); // empty
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (true) {
            if (!eof && !bytes.hasRemaining()) {
                fill();
            }
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                r.throwException();
            }
            if (eof && !flushed && r.isUnderflow()) {
                r = decoder.flush(out);
                if (r.isError()) {
                    r.throwException();
                }
                flushed = r.isUnderflow();
            }
            int n = out.position() - off;
            if (n > 0) {
                return n;
            }
            if (flushed) {
                return -1;
            }
            if (r.isUnderflow() && !eof) {
                fill(); // a character cut by the buffer's end: more bytes
            }
        }
    }

    /** Reads more bytes after those not decoded yet. */
    private void fill() throws IOException {
        bytes.compact();
        int room = (int) Math.min(bytes.remaining(), end - position);
        int got = 0;
        if (room > 0) {
            int limit = bytes.limit();
            bytes.limit(bytes.position() + room);
            got = file.read(bytes, position);
            bytes.limit(limit);
        }
        bytes.flip();
        if (got <= 0) {
            eof = true; // the range's end, or the file's if it was cut short meanwhile
            return;
        }
        position += got;
        bytesRead.addAndGet(got);
    }

    @Override
    public void close() {
        // the file belongs to the caller
    }
}
