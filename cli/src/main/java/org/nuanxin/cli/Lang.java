package org.nuanxin.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The language of what the command line writes for a person to read: tables, reports, summaries, progress and
 * its own error messages. JSON output is the same in both (it carries both). Given with {@code --lang zh|en};
 * by default Chinese when the system's language is Chinese, else English.
 */
enum Lang {
    /** Chinese. */
    ZH,
    /** English. */
    EN;

    /** {@code zh} or {@code en}, as in a text of one or the other. */
    String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }

    /** {@link Locale#CHINESE} or {@link Locale#ENGLISH}, for what takes a locale (a population report's text). */
    Locale locale() {
        return this == ZH ? Locale.CHINESE : Locale.ENGLISH;
    }

    /** Chinese when {@code locale}'s language is Chinese, else English. */
    static Lang of(Locale locale) {
        return locale.getLanguage().equals("zh") ? ZH : EN;
    }

    /** {@code --lang zh} or {@code --lang en} anywhere in {@code args} ({@code --lang=en} too), else {@code null}. */
    static Lang named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--lang=")
                    ? args[i].substring("--lang=".length())
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null && (value.equals("zh") || value.equals("en"))) {
                return value.equals("zh") ? ZH : EN;
            }
        }
        return null;
    }

    /** {@code --lang}: {@code zh} or {@code en}. */
    static final class Converter implements ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            return switch (value.strip()) {
                case "zh" -> ZH;
                case "en" -> EN;
                default -> throw new TypeConversionException("expected zh or en");
            };
        }
    }
}
