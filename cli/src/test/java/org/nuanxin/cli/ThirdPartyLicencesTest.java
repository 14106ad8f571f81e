package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * nuanxin.jar's {@code META-INF/THIRD-PARTY.txt} names every third-party artifact the jar bundles, at the version
 * bundled, each with a licence this project knows (a name and its URL), and, for a licence that asks for its text to
 * go with every copy (MIT, BSD, EPL), the file of {@code META-INF/licenses/} that holds the text and names the
 * artifact. The bundled artifacts are the module's runtime artifacts, which the shade takes whole: the build lists
 * them in {@code target/bundled-artifacts.txt} (maven-dependency-plugin), apart from the list, which
 * license-maven-plugin writes from the artifacts' POMs (cli/pom.xml, src/license/third-party.ftl). A new dependency
 * under a licence not yet known here fails this test until the template learns the licence (and its text, where
 * needed).
 */
class ThirdPartyLicencesTest {

    private static final Path BUNDLED = Path.of("target/bundled-artifacts.txt");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path LIST = CLASSES.resolve("META-INF/THIRD-PARTY.txt");

    /** An entry of the list: {@code groupId:artifactId:version} alone on a line. */
    private static final Pattern ENTRY = Pattern.compile("^([\\w.-]+):([\\w.-]+):([\\w.+-]+)$");

    /** A licence of the entry above: {@code licence: NAME URL} and, where the text must go along, {@code text: PATH}. */
    private static final Pattern LICENCE = Pattern.compile("^ {4}licence: (\\S+) (\\S+)(?: text: (\\S+))?$");

    record Licence(String name, String url, String text) {}

    @Test
    void everyBundledArtifactHasItsLicence() throws IOException {
        Map<String, String> bundled = bundled();
        assertTrue(bundled.size() >= 10, "the jar's third-party artifacts: " + bundled);
        Map<String, String> versions = new TreeMap<>();
        Map<String, List<Licence>> licences = new TreeMap<>();
        String current = null;
        for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
            Matcher e = ENTRY.matcher(line);
            Matcher l = LICENCE.matcher(line);
            if (e.matches()) {
                current = e.group(1) + ":" + e.group(2);
                versions.put(current, e.group(3));
                licences.put(current, new ArrayList<>());
            } else if (l.matches() && current != null) {
                licences.get(current).add(new Licence(l.group(1), l.group(2), l.group(3)));
            }
        }

        List<String> problems = new ArrayList<>();
        bundled.forEach((artifact, version) -> {
            if (!versions.containsKey(artifact)) {
                problems.add(artifact + ":" + version + " is bundled and not listed");
            } else if (!versions.get(artifact).equals(version)) {
                problems.add(artifact + " is bundled at " + version + " and listed at " + versions.get(artifact));
            } else if (licences.get(artifact).isEmpty()) {
                problems.add(artifact + " is listed without a licence");
            }
        });
        versions.keySet().stream()
                .filter(a -> !bundled.containsKey(a))
                .forEach(a -> problems.add(a + " is listed and not bundled"));
        licences.forEach((artifact, list) -> {
            for (Licence l : list) {
                if (!l.url().startsWith("https://")) {
                    problems.add(artifact + ": licence " + l.name() + " is not one the template knows (" + l.url()
                            + "): add its URL to src/license/third-party.ftl");
                }
                if (l.text() != null) {
                    checkText(artifact, l, problems);
                }
            }
        });
        assertTrue(
                problems.isEmpty(),
                () -> LIST + " and the jar's artifacts disagree:\n  " + String.join("\n  ", problems));
    }

    private static void checkText(String artifact, Licence l, List<String> problems) {
        Path text = CLASSES.resolve(l.text());
        if (!Files.isRegularFile(text)) {
            problems.add(artifact + ": licence " + l.name() + " asks for its text with every copy, and "
                    + l.text() + " is not there: add it under src/main/resources/META-INF/licenses/"
                    + " and name it in src/license/third-party.ftl");
            return;
        }
        try {
            String head = Files.readString(text, StandardCharsets.UTF_8)
                    .lines()
                    .limit(3)
                    .reduce("", String::concat);
            if (!head.contains(artifact)) {
                problems.add(l.text() + " does not name " + artifact + " in its first lines");
            }
        } catch (IOException e) {
            problems.add(l.text() + ": " + e);
        }
    }

    @Test
    void theLicenceTextsAreWhole() throws IOException {
        Map<String, String> ends = Map.of(
                "MIT-slf4j.txt", "OTHER DEALINGS IN THE SOFTWARE.",
                "BSD-3-Clause-antlr3.txt", "POSSIBILITY OF SUCH DAMAGE.",
                "BSD-3-Clause-antlr4.txt", "POSSIBILITY OF SUCH DAMAGE.",
                "EPL-2.0.txt", "You may add additional accurate notices of copyright ownership.");
        try (var files = Files.list(CLASSES.resolve("META-INF/licenses"))) {
            assertEquals(
                    ends.keySet().stream().sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "the licence texts");
        }
        ends.forEach((file, end) -> {
            try {
                String text =
                        Files.readString(CLASSES.resolve("META-INF/licenses").resolve(file));
                assertTrue(text.strip().endsWith(end), file + " ends with " + end);
                assertTrue(text.contains("Copyright") || text.contains("Eclipse Public License"), file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** {@code groupId:artifactId} → version of each bundled jar that is not this project's own. */
    private static Map<String, String> bundled() throws IOException {
        assertTrue(
                Files.isRegularFile(BUNDLED) && Files.isRegularFile(LIST),
                "the build writes " + BUNDLED + " and " + LIST + " (mvn generate-test-resources)");
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(BUNDLED, StandardCharsets.UTF_8)) {
            String[] coordinates = line.strip().split(" ")[0].split(":");
            // groupId:artifactId:type[:classifier]:version:scope
            if (coordinates.length < 5 || !coordinates[2].equals("jar")) {
                continue;
            }
            String version = coordinates[coordinates.length - 2];
            String scope = coordinates[coordinates.length - 1];
            if (!coordinates[0].equals("org.nuanxin") && (scope.equals("compile") || scope.equals("runtime"))) {
                out.put(coordinates[0] + ":" + coordinates[1], version);
            }
        }
        return out;
    }
}
