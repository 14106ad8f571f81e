package org.nuanxin;

/**
 * A worker, scenario or rule-data file that cannot be used, located by file and line: YAML that
 * does not parse, a field the format does not have, a value of the wrong type, an unknown benefit
 * code in a scenario's {@code expect}. The message reads {@code file:line: field: problem}; {@link #field()}
 * is the path of the value in the file ({@code cases[2].worker.work_city}), empty for the file as a whole.
 */
public class MalformedFileException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param file    the file as the user named it
     * @param line    1-based line, or 0 when unknown
     * @param field   the field path in the file, e.g. {@code cases[2].worker.work_city}; may be empty
     * @param problem what is wrong and what is accepted
     */
    public MalformedFileException(String file, int line, String field, String problem) {
        super(
                field,
                problem,
                (line > 0 ? file + ":" + line : file) + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    private final String problem;

    @Override
    public String problem() {
        return problem;
    }

    /** The file. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }
}
