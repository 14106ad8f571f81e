package org.nuanxin.cli;

import org.nuanxin.InvalidInputException;

/**
 * Bad input that the command line itself finds, with its problem stated in Chinese and English. Its message (for
 * anything that is not the command line's error handler) is the English one; the handler writes the one of the
 * command's {@code --lang}.
 */
final class CliInputException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final String problemZh;

    /**
     * @param field     the option or field, as the command line names it ({@code --region})
     * @param problemZh what is wrong, in Chinese
     * @param problemEn what is wrong, in English
     */
    CliInputException(String field, String problemZh, String problemEn) {
        super(field, problemEn);
        this.problemZh = problemZh;
    }

    /** {@code field: problem} in {@code lang}. */
    String message(Lang lang) {
        return field() + ": " + lang.pick(problemZh, problem());
    }
}
