package org.nuanxin;

import java.util.List;
import java.util.Map;

/**
 * A region's programme as the engine has built it: its names, source, benefit catalogue and
 * parameters.
 *
 * @param id             stable id ({@code xian})
 * @param nameZh         the union and programme in Chinese
 * @param nameEn         the same in English
 * @param source         source key of the programme ({@code XA-2025})
 * @param ruleSetVersion content hash of its rules and data
 * @param benefits       the benefit catalogue, in order
 * @param parameters     the parameters by key
 * @param precompiled    whether its rules came compiled from a region jar (built by {@code kie-maven-plugin})
 *                       rather than compiled from DRL when the engine was built; both are the same
 *                       executable model and run the same way
 */
public record Region(String id, String nameZh, String nameEn, String source, String ruleSetVersion,
                     List<Benefit> benefits, Map<String, Parameter> parameters, boolean precompiled) {

    public Region {
        benefits = List.copyOf(benefits);
        parameters = Map.copyOf(parameters);
    }

    /** {@code xian: 西安市总工会… (15 benefits)}. */
    @Override
    public String toString() {
        return id + ": " + nameZh + " (" + benefits.size() + " benefits, rules " + ruleSetVersion
                + (precompiled ? ", precompiled" : "") + ")";
    }
}
