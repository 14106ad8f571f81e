package org.nuanxin.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nuanxin.Assessment;

/**
 * JsonBenchmark compares like with like only if Jackson writes what core's writer writes: for the
 * benchmark's 1,000 Xi'an assessments, both Jackson ways give exactly {@link Assessment#toJson()}'s text.
 */
class JsonAgreementTest {

    @Test
    void jacksonWritesCoresJsonByteForByte() {
        Assessment[] all = JsonBenchmark.assessments();
        for (int i = 0; i < all.length; i++) {
            String core = all[i].toJson();
            assertEquals(core, JacksonJson.assessment(all[i]), "assessment " + i + ", walked");
            assertEquals(core, JacksonJson.tree(all[i].toTree()), "assessment " + i + ", from the tree");
        }
    }
}
