package org.nuanxin.population;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nuanxin.model.Worker;

/**
 * What a generated register holds, read back through the register format: rows read, bad rows, fields of the
 * problems, share of empty worker cells, work cities, and how many rows have children, certificates, events.
 * In core's test-jar, for the tests of other modules that generate registers for the real regions.
 */
public record RegisterStats(
        long rows,
        long bad,
        Set<String> problemFields,
        double emptyShare,
        Map<String, Integer> cities,
        long withChildren,
        long withCertificates,
        long withEvents) {

    /** Reads a generated register. */
    public static RegisterStats read(String csv) throws IOException {
        CsvReader in = new CsvReader(new StringReader(csv));
        RegisterFormat f = RegisterFormat.header("gen", in.next().cells());
        long rows = 0;
        long bad = 0;
        long cells = 0;
        long empty = 0;
        long children = 0;
        long certificates = 0;
        long events = 0;
        Set<String> fields = new TreeSet<>();
        Map<String, Integer> cities = new HashMap<>();
        CsvReader.Record r;
        while ((r = in.next()) != null) {
            rows++;
            RegisterFormat.Row row =
                    r.problem() != null ? RegisterFormat.broken(r.line(), r.problem()) : f.row(r.line(), r.cells());
            if (!row.ok()) {
                bad++;
                row.problems().forEach(p -> fields.add(p.field()));
                continue;
            }
            for (int i = 1; i < Worker.FIELDS.size() && i < r.cells().length; i++) {
                if (i == 5 || i == 10) {
                    continue; // work_province (mostly derived) and union_join_date (only for members)
                }
                cells++;
                if (r.cells()[i].isEmpty()) {
                    empty++;
                }
            }
            Worker w = row.situation().worker();
            cities.merge(w.workCity() == null ? "?" : w.workCity().id(), 1, Integer::sum);
            children += w.children() != null && !w.children().isEmpty() ? 1 : 0;
            certificates += w.certificates() != null && !w.certificates().isEmpty() ? 1 : 0;
            events += row.situation().events().isEmpty() ? 0 : 1;
        }
        return new RegisterStats(rows, bad, fields, (double) empty / cells, cities, children, certificates, events);
    }
}
