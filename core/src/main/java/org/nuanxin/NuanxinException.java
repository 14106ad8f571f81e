package org.nuanxin;

/**
 * Root of every exception the library throws on purpose. It is unchecked: a host catches it where it
 * turns library failures into its own answers (an HTTP 400, a form error, exit code 2).
 *
 * <p>Messages never carry personal data: they name fields and rule files, never a worker's values
 * beyond what is needed to find a typo in an enum or a place name.
 */
public abstract class NuanxinException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected NuanxinException(String message) {
        super(message);
    }

    protected NuanxinException(String message, Throwable cause) {
        super(message, cause);
    }
}
