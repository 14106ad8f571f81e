package org.nuanxin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option the commands share (a picocli mixin). */
final class RuleFolderOption {

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            descriptionKey = "rules",
            description = "Load a region from this rule folder too (it replaces the bundled region of its id).")
    List<Path> folders = new ArrayList<>();
}
