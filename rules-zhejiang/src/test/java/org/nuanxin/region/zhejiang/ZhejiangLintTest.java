package org.nuanxin.region.zhejiang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nuanxin.authoring.LintReport;
import org.nuanxin.authoring.RuleLinter;

/**
 * The policy author's linter on this module's rule folder: the guard, the DRL10 parse, the compile, every
 * rule's metadata, every benefit decided and every parameter read or accounted for with used_by. No error
 * and no warning is accepted.
 */
class ZhejiangLintTest {

    @Test
    void ruleFolderLintsClean() {
        LintReport report = RuleLinter.lint(Path.of("src/main/resources/org/nuanxin/region/zhejiang"));
        assertTrue(
                report.problems().isEmpty(),
                () -> report.summary() + "\n"
                        + report.problems().stream().map(String::valueOf).collect(Collectors.joining("\n")));
    }
}
