package org.nuanxin;

import java.util.Collection;
import java.util.List;

/** The region id asked for is not among the region modules on the classpath. */
public class UnknownRegionException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final List<String> known;

    public UnknownRegionException(String region, Collection<String> known) {
        super(
                "region",
                "unknown region '" + region + "'; known regions: " + String.join(", ", known)
                        + (known.isEmpty()
                                ? "(none: add a rules module such as nuanxin-rules-xian to the classpath)"
                                : ""));
        this.known = List.copyOf(known);
    }

    /** The region ids that are available. */
    public List<String> knownRegions() {
        return known;
    }
}
