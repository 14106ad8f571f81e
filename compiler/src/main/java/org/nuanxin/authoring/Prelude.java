package org.nuanxin.authoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nuanxin.compiler.RuleGuard;
import org.nuanxin.internal.Declarations;
import org.nuanxin.internal.RegionData;
import org.nuanxin.spi.RuleFiles;

/**
 * What the engine's compiler adds to the rule files a policy author writes, spelled out as DRL for
 * tools that hand a region's rules to Drools by other means (the plain-Drools benchmark, say): the
 * prelude every rule file shares — the vocabulary's imports and the globals {@code verdict},
 * {@code params} and {@code ctx} — and the rules the catalogue declares ({@code about_zh},
 * {@code serves: everyone}, {@code limit:}).
 */
public final class Prelude {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?[^\\n]*\\n");

    private Prelude() {}

    /** The prelude's imports and globals, one declaration a line. */
    public static String text() {
        StringBuilder out = new StringBuilder();
        RuleGuard.preludeTypes()
                .forEach(t -> out.append("import ").append(t.getName()).append(";\n"));
        RuleGuard.GLOBALS.forEach((name, type) -> out.append("global ")
                .append(type.getName())
                .append(' ')
                .append(name)
                .append(";\n"));
        return out.toString();
    }

    /**
     * A rule file as the compiler sees it: the prelude after its package line, less the imports and
     * globals the file declares itself.
     */
    public static String withPrelude(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        if (!m.find()) {
            return drl;
        }
        String body = drl.substring(m.end()).replaceAll("(?m)^\\s*(import|global)\\s[^\\n]*\\n", "");
        return drl.substring(0, m.end()) + text() + body;
    }

    /** The rules a region's catalogue declares, in the package of its first rule file, with the prelude. */
    public static String declared(RuleFiles files) {
        String pkg = "org.nuanxin.region." + files.regionId();
        if (!files.drlFiles().isEmpty()) {
            Matcher m = PACKAGE.matcher(files.files().get(files.drlFiles().get(0)));
            if (m.find()) {
                pkg = m.group(1);
            }
        }
        return withPrelude(Declarations.drl(pkg, RegionData.read(files).benefits()));
    }
}
