package org.nuanxin;

/**
 * The rules failed while deciding: a consequence threw, or rules kept firing past the limit (a rule
 * that triggers itself). Names the region and rule; never the worker's data.
 */
public class RuleExecutionException extends NuanxinException {
    private static final long serialVersionUID = 1L;

    public RuleExecutionException(String message) {
        super(message);
    }

    public RuleExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
