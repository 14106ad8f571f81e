package org.nuanxin.spring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nuanxin.Nuanxin;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code nuanxin.*} properties the auto-configured {@link Nuanxin} engine is built from.
 *
 * <pre>
 * nuanxin.regions=xian,qingdao
 * nuanxin.rule-folders=/srv/policy/xian
 * nuanxin.cached-decisions=10000
 * nuanxin.max-firings=10000
 * </pre>
 */
@ConfigurationProperties("nuanxin")
public class NuanxinProperties {

    /**
     * The region ids to load from the classpath (region jars such as {@code nuanxin-rules-xian}); empty, the
     * default, loads every region found. Naming a region that is not there fails the application's start.
     * See {@link Nuanxin.Builder#regions}.
     */
    private List<String> regions = new ArrayList<>();

    /**
     * Rule folders (a {@code region.yaml} and the files it lists) to load instead of, or besides, the bundled
     * rules of their regions. See {@link Nuanxin.Builder#ruleFolder}.
     */
    private List<Path> ruleFolders = new ArrayList<>();

    /**
     * How many decisions to keep per region and date for reuse; 0 turns the cache off. See {@link
     * Nuanxin.Builder#cachedDecisions}.
     */
    private int cachedDecisions = Nuanxin.DEFAULT_CACHED_DECISIONS;

    /**
     * Bound on rule firings per assessment: a rule that triggers itself is stopped there. See {@link
     * Nuanxin.Builder#maxFiringsPerAssessment}.
     */
    private int maxFirings = Nuanxin.DEFAULT_MAX_FIRINGS;

    /** The region ids to load from the classpath; empty for all. */
    public List<String> getRegions() {
        return regions;
    }

    /** Sets the region ids to load from the classpath; empty for all. */
    public void setRegions(List<String> regions) {
        this.regions = regions;
    }

    /** The rule folders to load. */
    public List<Path> getRuleFolders() {
        return ruleFolders;
    }

    /** Sets the rule folders to load. */
    public void setRuleFolders(List<Path> ruleFolders) {
        this.ruleFolders = ruleFolders;
    }

    /** Decisions kept per region and date for reuse. */
    public int getCachedDecisions() {
        return cachedDecisions;
    }

    /** Sets the decisions kept per region and date for reuse (0: no cache). */
    public void setCachedDecisions(int cachedDecisions) {
        this.cachedDecisions = cachedDecisions;
    }

    /** Bound on rule firings per assessment. */
    public int getMaxFirings() {
        return maxFirings;
    }

    /** Sets the bound on rule firings per assessment. */
    public void setMaxFirings(int maxFirings) {
        this.maxFirings = maxFirings;
    }
}
