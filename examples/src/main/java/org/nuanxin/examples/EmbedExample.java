package org.nuanxin.examples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.Status;
import org.nuanxin.model.Child;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.Worker;

/**
 * How a host application embeds the library: build the engine <em>once</em> at start-up, then call
 * {@link Nuanxin#assess} from as many threads as it likes.
 *
 * <p>Run it with {@code java -cp cli/target/nuanxin.jar:examples/target/classes org.nuanxin.examples.EmbedExample}
 * (after {@code mvn -q -DskipTests package}: the command line's jar carries the engine and every region).
 */
public final class EmbedExample {

    private EmbedExample() {}

    public static void main(String[] args) throws Exception {
        // 1. Build the engine once. This finds every region module on the classpath (ServiceLoader) and
        //    compiles its rules: it takes a few seconds, so a host does it at start-up, not per request.
        //    The engine is immutable and thread-safe: keep it in a field, a singleton, a Spring bean...
        Nuanxin nuanxin = Nuanxin.builder().regions("xian").build();

        // 2. The assessment date is always explicit. A host that wants "today" asks for it in China
        //    Standard Time, the zone every programme date is in; here a fixed date keeps the output stable.
        LocalDate asOf = LocalDate.of(2026, 3, 10);

        // 3. Workers come from the host's own data. Any field left out is *unknown*, never false: the
        //    engine answers NEEDS_INFO naming the fields it would need.
        Map<String, Situation> workers = new LinkedHashMap<>();
        workers.put(
                "courier, urgent trip home",
                new Situation(
                        Worker.builder()
                                .occupation(Occupation.COURIER)
                                .newEmploymentForm(true)
                                .workCity("xian")
                                .hukouProvince("henan") // place names: pinyin or division codes
                                .unionMember(true)
                                .children(List.of(new Child(LocalDate.of(2015, 6, 1), SchoolStage.PRIMARY)))
                                .build(),
                        // Events come from the host's ledger too; the cost is CNY, exact to the fen.
                        List.of(new HomecomingTrip(
                                LocalDate.of(2026, 3, 8), TripReason.URGENT_MATTER, true, new BigDecimal("356.50"))),
                        List.of()));
        workers.put(
                "rider, hospital stay",
                new Situation(
                        Worker.builder()
                                .occupation(Occupation.FOOD_DELIVERY_RIDER)
                                .newEmploymentForm(true)
                                .workCity("xian")
                                .hukouProvince("shaanxi")
                                .unionMember(true)
                                .medicalInsurance(MedicalInsurance.URBAN_RURAL_RESIDENT)
                                .children(List.of()) // known to have no children
                                .build(),
                        List.of(new Hospitalisation(
                                "xian_union_hospital",
                                LocalDate.of(2026, 2, 1), // hospital.union_hospital
                                LocalDate.of(2026, 2, 9),
                                new BigDecimal("4200.00"),
                                new BigDecimal("600.00"))),
                        List.of()));
        workers.put(
                "ride-hailing driver, little known",
                Situation.of(Worker.builder()
                        .occupation(Occupation.RIDE_HAILING_DRIVER)
                        .workCity("xian")
                        .build()));
        workers.put(
                "driver working in Qingdao",
                Situation.of(Worker.builder()
                        .occupation(Occupation.TRUCK_DRIVER)
                        .newEmploymentForm(true)
                        .workCity("qingdao")
                        .residenceCity("qingdao")
                        .build()));
        List<String> names = new ArrayList<>(workers.keySet());

        // 4. Share the engine between threads. Each assess() call is independent: no locking is needed
        //    around it, and the same input always gives the same decisions.
        int assessments = 100;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<Assessment>> futures = new ArrayList<>();
        List<String> askedFor = new ArrayList<>();
        try {
            for (int i = 0; i < assessments; i++) {
                String name = names.get(i % names.size());
                Situation situation = workers.get(name);
                askedFor.add(name);
                futures.add(pool.submit(() -> nuanxin.assess("xian", situation, asOf)));
            }
            // 5. Collect the results. A bad input surfaces here as an InvalidInputException (unchecked)
            //    wrapped in the ExecutionException; a host turns it into its own error answer.
            Map<String, Assessment> first = new LinkedHashMap<>();
            int inconsistent = 0;
            for (int i = 0; i < futures.size(); i++) {
                Assessment a = futures.get(i).get(1, TimeUnit.MINUTES);
                Assessment seen = first.putIfAbsent(askedFor.get(i), a);
                if (seen != null && !seen.decisions().equals(a.decisions())) {
                    inconsistent++; // would mean the engine is not thread-safe
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            // 6. Use the decisions: each has a status, cash amount or in-kind value, missing fields and
            //    reasons with citations (Assessment.toJson() gives all of it as JSON).
            System.out.printf(
                    "%d assessments of %d workers on 4 threads in %d ms; %d inconsistent%n",
                    assessments, names.size(), millis, inconsistent);
            for (Map.Entry<String, Assessment> e : first.entrySet()) {
                Assessment a = e.getValue();
                Map<Status, Integer> counts = new EnumMap<>(Status.class);
                BigDecimal cash = new BigDecimal("0.00");
                for (Decision d : a.decisions()) {
                    counts.merge(d.status(), 1, Integer::sum);
                    if (d.amount() != null) {
                        cash = cash.add(d.amount());
                    }
                }
                System.out.printf("  %-34s %s, cash payable %s CNY%n", e.getKey(), counts, cash.toPlainString());
                a.decision("XIAN_HOMECOMING_TICKET_SUBSIDY")
                        .filter(d -> d.status() == Status.ELIGIBLE)
                        .ifPresent(d -> System.out.println("    " + d));
            }
        } finally {
            pool.shutdown();
        }
    }
}
