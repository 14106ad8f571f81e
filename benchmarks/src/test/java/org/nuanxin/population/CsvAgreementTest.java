package org.nuanxin.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * CsvBenchmark compares like with like only if the three ways read the same cells: on a generated register
 * (2,000 rows), the population's blocks, its record reader and Commons CSV give the same records, cell for cell.
 */
class CsvAgreementTest {

    @Test
    void theThreeReadingsGiveTheSameCells() throws IOException {
        String text = CsvBenchmark.register(2_000);

        List<List<String>> blocks = new ArrayList<>();
        CsvBlocks b = new CsvBlocks(new StringReader(text), CsvBenchmark.BLOCK_CHARS);
        CsvTokenizer tokenizer = new CsvTokenizer();
        CsvBlocks.Block block;
        while ((block = b.next(CsvBenchmark.BLOCK_RECORDS)) != null) {
            tokenizer.reset(block.text(), block.length(), block.firstLine());
            while (tokenizer.next()) {
                blocks.add(Arrays.asList(tokenizer.cells().strings()));
            }
        }

        List<List<String>> records = new ArrayList<>();
        CsvReader in = new CsvReader(new StringReader(text));
        CsvReader.Record r;
        while ((r = in.next()) != null) {
            records.add(Arrays.asList(r.cells()));
        }

        List<List<String>> commons = new ArrayList<>();
        try (CSVParser p = CsvBenchmark.FORMAT.parse(new StringReader(text))) {
            for (CSVRecord c : p) {
                commons.add(Arrays.asList(c.values()));
            }
        }

        assertEquals(2_001, records.size(), "the header and 2,000 rows");
        assertEquals(records, blocks);
        assertEquals(records, commons);
    }
}
