package org.nuanxin.region.xinjiang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.RuleProblem;
import org.nuanxin.authoring.RuleLinter;

/** The shipped rule folder passes the policy authors' linter without an error or a warning. */
class XinjiangLintTest {

    @Test
    void ruleFolderLintsClean() {
        List<RuleProblem> problems = RuleLinter.lint(Path.of("src/main/resources/org/nuanxin/region/xinjiang"))
                .problems();
        assertEquals(List.of(), problems);
    }
}
