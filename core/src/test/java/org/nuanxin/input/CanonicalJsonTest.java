package org.nuanxin.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.MalformedFileException;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.scenario.WorkerFile;

class CanonicalJsonTest {

    @Test
    void keysSortedNoWhitespaceScalarsAsWritten() {
        YamlNode n = YamlNode.parse(
                "t",
                "{\"worker\": {\"union_member\": true, \"work_city\": \"xian\"}, \"as_of\": \"2026-03-10\","
                        + " \"events\": [{\"ticket_cost\": 356.50, \"type\": \"HOMECOMING_TRIP\", \"note\": null}],"
                        + " \"name\": \"a \\\"quoted\\\" \\\\ name\\n\"}");
        assertEquals(
                "{\"as_of\":\"2026-03-10\",\"events\":[{\"note\":null,\"ticket_cost\":356.50,\"type\":\"HOMECOMING_TRIP\"}],"
                        + "\"name\":\"a \\\"quoted\\\" \\\\ name\\n\",\"worker\":{\"union_member\":true,\"work_city\":\"xian\"}}",
                n.canonicalJson());
    }

    @Test
    void layoutKeyOrderAndQuotingMakeOneText() {
        String yaml = "worker:\n  work_city: xian\n  union_member: true\nas_of: 2026-03-10\n";
        String json = "{\"as_of\":\"2026-03-10\",\"worker\":{\"union_member\":true,\"work_city\":\"xian\"}}";
        assertEquals(
                YamlNode.parse("a", yaml).canonicalJson(),
                YamlNode.parse("b", json).canonicalJson());
    }

    @Test
    void canonicalTextReadsBackToTheSameSituation() {
        String json = "{\"region\":\"xian\",\"as_of\":\"2026-03-10\",\"worker\":{\"occupation\":\"COURIER\","
                + "\"work_city\":\"xian\",\"union_member\":true},\"events\":[{\"type\":\"HOMECOMING_TRIP\","
                + "\"reason\":\"URGENT_MATTER\",\"union_certified\":true,\"ticket_cost\":356.50}]}";
        WorkerFile first = WorkerFile.parse("a", json);
        WorkerFile again = WorkerFile.parse("b", YamlNode.parse("a", json).canonicalJson());
        assertEquals(first.situation(), again.situation());
        assertEquals(
                new BigDecimal("356.50"),
                ((HomecomingTrip) again.situation().events().get(0)).ticketCost());
    }

    @Test
    void hostKeysAreLeftToTheHostAndOtherUnknownFieldsNamed() {
        YamlNode n = YamlNode.parse("request", "{\"member_id\":\"M1\",\"worker\":{\"work_city\":\"xian\"}}");
        assertEquals(
                "610100",
                WorkerFile.of(n, List.of("member_id"))
                        .situation()
                        .worker()
                        .workCity()
                        .code());
        MalformedFileException e = assertThrows(
                MalformedFileException.class,
                () -> WorkerFile.of(
                        YamlNode.parse("request", "{\"memberid\":\"M1\",\"worker\":{}}"), List.of("member_id")));
        assertEquals("memberid", e.field());
        MalformedFileException noWorker = assertThrows(
                MalformedFileException.class,
                () -> WorkerFile.of(YamlNode.parse("request", "{\"member_id\":\"M1\"}"), List.of("member_id")));
        assertEquals("worker", noWorker.field());
    }
}
