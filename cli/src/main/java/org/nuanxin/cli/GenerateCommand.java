package org.nuanxin.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.nuanxin.population.RegisterGenerator;
import org.nuanxin.population.RegisterProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code generate}: a synthetic member register for trying {@code population}. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = {
            "Writes a synthetic member register (CSV) for a region, to try population with.",
            "The register (UTF-8) is a realistic mix of gig workers, "
                    + "mostly in the region's cities, 10-30 %% of cells unknown, children, certificates and events now and "
                    + "then. The same --seed gives the same file. The data is made up.",
            "Prints one line saying what was written and the --as-of date to assess it on (unless OUT is -, which "
                    + "writes the CSV to stdout)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:no register profile for the region, bad option, or OUT cannot be written"})
final class GenerateCommand implements Callable<Integer>, Cli.Localized {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    LangOption langOption;

    @Option(
            names = "--region",
            paramLabel = "R",
            required = true,
            completionCandidates = GenerateCommand.ProfiledRegions.class,
            descriptionKey = "generate.region",
            description = "A region on the classpath that ships a register profile: ${COMPLETION-CANDIDATES}.")
    String region;

    @Option(
            names = "--rows",
            paramLabel = "N",
            required = true,
            descriptionKey = "generate.rows",
            description = "Data rows to write.")
    long rows;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            descriptionKey = "generate.seed",
            description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--bad-rows",
            paramLabel = "FRACTION",
            defaultValue = "0",
            descriptionKey = "generate.bad-rows",
            description = "Share of deliberately bad rows, 0 to 1 (default ${DEFAULT-VALUE}).")
    double badRows;

    @Option(
            names = "--no-events",
            descriptionKey = "generate.no-events",
            description = "Leave out the event columns (trip_, stay_, arrears_).")
    boolean noEvents;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            converter = Cli.DateConverter.class,
            descriptionKey = "generate.as-of",
            description = "The date the register is drawn up on; every date in it lies before (default: a day the "
                    + "region's programme is in effect).")
    LocalDate asOf;

    @Parameters(
            paramLabel = "OUT",
            descriptionKey = "generate.out",
            description = "The CSV file to write, or - for stdout.")
    Path out;

    @Override
    public Lang lang() {
        return langOption.get(cli);
    }

    @Override
    public Integer call() {
        if (rows < 0) {
            throw new CliInputException("--rows", "不能为负数", "must not be negative");
        }
        if (!(badRows >= 0 && badRows <= 1)) {
            throw new CliInputException(
                    "--bad-rows", "应为 0 到 1 之间的比例，如 0.01", "must be a fraction between 0 and 1, e.g. 0.01");
        }
        List<String> profiled = RegisterGenerator.regions();
        if (!profiled.contains(region)) {
            String with = String.join(", ", profiled);
            throw new CliInputException(
                    "--region",
                    "地区 '" + region + "' 没有名册生成配置；" + (profiled.isEmpty() ? "类路径上没有地区带有这种配置" : "有配置的地区：" + with),
                    "no register generator profile for region '" + region + "'; "
                            + (profiled.isEmpty()
                                    ? "no region on the classpath ships one"
                                    : "regions with one: " + with));
        }
        RegisterProfile profile = RegisterGenerator.profile(region);
        LocalDate reference = asOf != null ? asOf : profile.referenceDate();
        RegisterGenerator.Options options = RegisterGenerator.Options.defaults()
                .withReferenceDate(reference)
                .withBadRowFraction(badRows)
                .withEvents(!noEvents);
        boolean toStdout = out.toString().equals("-");
        try {
            if (toStdout) {
                PrintWriter w = spec.commandLine().getOut();
                RegisterGenerator.write(w, rows, profile, seed, options);
                return Cli.OK;
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new CliInputException(
                        out.toString(), "无法写入：没有文件夹 " + parent, "cannot be written: no such folder " + parent);
            }
            if (Files.isDirectory(out)) {
                throw new CliInputException(
                        out.toString(),
                        "是文件夹；请给出文件名，如 members.csv",
                        "is a folder; give a file name such as members.csv");
            }
            try (Writer w = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16)) {
                RegisterGenerator.write(w, rows, profile, seed, options);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrintWriter o = spec.commandLine().getOut();
        String next = "population --region " + region + " --as-of " + reference + " " + out;
        o.println(lang().pick(
                        "已为 " + region + " 写入 " + rows + " 行到 " + out + "（种子 " + seed + "，编制日 " + reference + "；评估命令："
                                + next + "）",
                        "wrote " + rows + " rows for " + region + " to " + out + " (seed " + seed + ", drawn up on "
                                + reference + "; assess with: " + next + ")"));
        o.flush();
        return Cli.OK;
    }

    /** The regions on the classpath that ship a register profile, for the help. */
    static final class ProfiledRegions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return RegisterGenerator.regions().iterator();
        }
    }
}
