package org.nuanxin.spark;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.nuanxin.MalformedFileException;
import scala.Tuple2;

/**
 * The text of one split of a register file, as population reads a register: the header row first, then the split's
 * lines, each with a line break. The lines come from Hadoop's text input format (its byte offset, its bytes), which
 * cuts a file into splits at line breaks; a line at offset 0 is a file's own header row, which is not repeated. Counts
 * the lines it hands on, so that the driver can number rows as a single reading of the file does. Strict UTF-8.
 */
final class LinesReader extends Reader {

    private final Iterator<Tuple2<LongWritable, Text>> lines;
    private final String header;
    private final String source;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private CharBuffer current;
    private boolean first = true;
    private boolean fileStart;
    private long lines0;
    private long dataLines;

    /**
     * @param lines  the split's lines
     * @param header the register's header row, as the first file has it
     * @param source the register's name, for an error
     */
    LinesReader(Iterator<Tuple2<LongWritable, Text>> lines, String header, String source) {
        this.lines = lines;
        this.header = header;
        this.source = source;
        this.current = CharBuffer.wrap(header + "\n");
    }

    @Override
    public int read(char[] buf, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (!current.hasRemaining()) {
            if (!lines.hasNext()) {
                return -1;
            }
            next(lines.next());
        }
        int n = Math.min(len, current.remaining());
        current.get(buf, off, n);
        return n;
    }

    private void next(Tuple2<LongWritable, Text> line) {
        lines0++;
        boolean atStart = line._1().get() == 0;
        if (first) {
            first = false;
            fileStart = atStart;
        }
        Text text = line._2();
        CharBuffer chars;
        try {
            chars = utf8.decode(ByteBuffer.wrap(text.getBytes(), 0, text.getLength()));
        } catch (CharacterCodingException e) {
            throw new MalformedFileException(
                    source,
                    0,
                    "",
                    "is not UTF-8 text (a split read from byte " + line._1().get()
                            + "); save the register as CSV UTF-8");
        }
        if (atStart) { // a file's header row: the register's, which came first
            String own = chars.toString();
            if (!own.equals(header)) {
                throw new MalformedFileException(
                        source, 1, "header", "the files of the register have different header rows; give them one");
            }
            current = CharBuffer.allocate(0);
            return;
        }
        if (text.getLength() > 0) {
            dataLines++;
        }
        CharBuffer withBreak = CharBuffer.allocate(chars.remaining() + 1);
        withBreak.put(chars).put('\n').flip();
        current = withBreak;
    }

    /** Lines read from the split, a file's header row among them. */
    long lines() {
        return lines0;
    }

    /** Lines read that are neither a file's header row nor empty: one row each, unless a cell spans lines. */
    long dataLines() {
        return dataLines;
    }

    /** Whether the split begins with a file's first line. */
    boolean fileStart() {
        return fileStart;
    }

    @Override
    public void close() {
        // the lines are Spark's to close
    }
}
