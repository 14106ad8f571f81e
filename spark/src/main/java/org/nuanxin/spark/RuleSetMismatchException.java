package org.nuanxin.spark;

/**
 * An executor's engine has another rule set for the region than the job expects (the driver's, unless the job names
 * one): its classpath carries another build of the region jar. The task fails rather than mix the decisions of two
 * rule sets in one result; deploy the same region jar to the driver and every executor (one application jar, not a
 * region jar installed on some nodes).
 */
public class RuleSetMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String region;
    private final String expected;
    private final String found;

    /**
     * @param region   the region id
     * @param expected the rule-set version the job expects
     * @param found    the version the executor's engine has
     * @param where    the executor, for the message
     */
    public RuleSetMismatchException(String region, String expected, String found, String where) {
        super("rule set mismatch: " + where + " has rules " + found + " for region " + region + ", but the job expects "
                + expected + "; deploy one build of nuanxin-rules-" + region + " to the driver and every executor");
        this.region = region;
        this.expected = expected;
        this.found = found;
    }

    /** The same mismatch, thrown again on the driver with the failed job as its cause. */
    RuleSetMismatchException(RuleSetMismatchException on, Throwable job) {
        super(on.getMessage(), job);
        this.region = on.region;
        this.expected = on.expected;
        this.found = on.found;
    }

    public String region() {
        return region;
    }

    /** The version the job expects. */
    public String expected() {
        return expected;
    }

    /** The version the executor's engine has. */
    public String found() {
        return found;
    }
}
