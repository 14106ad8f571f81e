package org.nuanxin.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --lang zh|en} option the commands that write text share (a picocli mixin). It also chooses the language
 * of {@code --help} ({@link Cli#commandLine}).
 */
final class LangOption {

    @Option(
            names = "--lang",
            paramLabel = "zh|en",
            converter = Lang.Converter.class,
            descriptionKey = "lang",
            description = "Language of what is written for people (tables, reports, summaries, progress, this "
                    + "command line's own messages and help): zh or en. Default: zh when the system's language is Chinese, "
                    + "else en. JSON is the same in both.")
    Lang lang;

    /** The language given, else the one {@code cli} takes from the system's locale. */
    Lang get(Cli cli) {
        return lang != null ? lang : cli.defaultLang();
    }
}
