package org.nuanxin;

import java.util.Objects;

/**
 * A worker, event, claim or scenario value that cannot be used: an unknown place or enum value, a
 * malformed date, a negative cost. The message names the field and says what is accepted.
 */
public class InvalidInputException extends NuanxinException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the field as a worker file names it ({@code work_city}, {@code events[0].ticket_cost})
     * @param problem what is wrong and what would be accepted, without the personal value itself
     */
    public InvalidInputException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + ": " + problem);
        this.field = field;
    }

    /** For subclasses that compose their own message around the field (a file location, say). */
    protected InvalidInputException(String field, String problem, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The field the problem is in, as a worker file names it. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String problem() {
        String m = getMessage();
        return m.startsWith(field + ": ") ? m.substring(field.length() + 2) : m;
    }
}
