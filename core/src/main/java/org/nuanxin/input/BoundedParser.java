package org.nuanxin.input;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import org.nuanxin.MalformedFileException;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The parser's events, checked as the composer takes them: a list or mapping nested deeper than
 * {@link InputLimits#maxDepth()}, a value or key longer than {@link InputLimits#maxScalarChars()} and a tag outside
 * the YAML core schema end the parse with a {@link MalformedFileException} at the event's line, naming the field
 * the way {@link YamlNode#path()} does and never quoting the value.
 *
 * <p>snakeyaml-engine 2.10 has no nesting limit of its own, and its composer recurses once per level: checking
 * each collection as the composer takes its start event, before it descends, keeps that recursion within the
 * limit. The parser itself keeps its states on a heap stack, so deep input reaches this check without
 * overflowing the thread's stack. One pass, no recursion here.
 */
final class BoundedParser implements Parser {

    private static final String CORE = "tag:yaml.org,2002:";
    private static final Set<String> SCALAR_TAGS =
            Set.of("!", CORE + "str", CORE + "int", CORE + "float", CORE + "bool", CORE + "null");
    /** Path segments (keys) longer than this are shortened in messages. */
    private static final int SEGMENT = 40;

    /** An open list or mapping: its path, and where in it the next node goes. */
    private static final class Level {
        final String path;
        final boolean mapping;
        int index;
        boolean key = true;
        String lastKey = "?";

        Level(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }
    }

    private final Parser parser;
    private final String file;
    private final InputLimits limits;
    private final Deque<Level> open = new ArrayDeque<>();

    BoundedParser(Parser parser, String file, InputLimits limits) {
        this.parser = parser;
        this.file = file;
        this.limits = limits;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event e = parser.next();
        switch (e.getEventId()) {
            case Scalar -> {
                ScalarEvent s = (ScalarEvent) e;
                String path = place(s.getValue());
                if (s.getValue().length() > limits.maxScalarChars()) {
                    throw error(
                            e,
                            path,
                            "the value is longer than " + limits.maxScalarChars()
                                    + " characters, the limit (system property " + InputLimits.MAX_SCALAR_CHARS + ")");
                }
                checkTag(e, path, s.getTag(), SCALAR_TAGS);
            }
            case Alias -> place("*");
            case SequenceStart, MappingStart -> {
                boolean mapping = e instanceof MappingStartEvent;
                String path = place("?");
                if (open.size() >= limits.maxDepth()) {
                    throw error(
                            e,
                            path,
                            "lists and mappings nested deeper than " + limits.maxDepth()
                                    + " levels, the limit (system property " + InputLimits.MAX_DEPTH + ")");
                }
                checkTag(e, path, ((CollectionStartEvent) e).getTag(), Set.of("!", CORE + (mapping ? "map" : "seq")));
                open.push(new Level(path, mapping));
            }
            case SequenceEnd, MappingEnd -> open.pop();
            default -> {
                // stream and document boundaries, comments
            }
        }
        return e;
    }

    /** The path of the node an event starts, and the position moved past it; {@code key} is its text if a key. */
    private String place(String key) {
        Level at = open.peek();
        if (at == null) {
            return "";
        }
        if (!at.mapping) {
            return at.path + "[" + at.index++ + "]";
        }
        if (at.key) {
            at.key = false;
            at.lastKey = key.length() > SEGMENT ? key.substring(0, SEGMENT) + "…" : key;
            return at.path; // a key is reported at its mapping
        }
        at.key = true;
        return at.path.isEmpty() ? at.lastKey : at.path + "." + at.lastKey;
    }

    private void checkTag(Event e, String path, Optional<String> tag, Set<String> allowed) {
        if (tag.isPresent() && !allowed.contains(tag.get())) {
            throw error(
                    e,
                    path,
                    "a YAML tag outside the core schema; only !!str, !!int, !!float, !!bool, !!null,"
                            + " !!seq and !!map are accepted, and none is needed");
        }
    }

    private MalformedFileException error(Event e, String path, String problem) {
        int line = e.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
        return new MalformedFileException(file, line, shorten(path), problem);
    }

    /** A path cut to its first segments when long (the nesting limit allows long ones). */
    private static String shorten(String path) {
        return path.length() <= 120 ? path : path.substring(0, 120) + "…";
    }
}
