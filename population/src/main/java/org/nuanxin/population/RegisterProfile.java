package org.nuanxin.population;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.input.InputFiles;
import org.nuanxin.input.YamlNode;
import org.nuanxin.model.Places;

/**
 * What {@link RegisterGenerator} needs to know of a region to make up a register for it, read from the
 * region's {@code register-profile.yaml} ({@link org.nuanxin.spi.RegionProvider#registerProfile()}). The data
 * is made up to look plausible; it is not policy, and the rules never read it.
 *
 * <pre>
 * reference_date: 2026-03-10          # the day a register is drawn up on by default
 * work_cities: {xian: 86, xianyang: 6} # work and residence cities in the region, with weights
 * hukou_provinces: {shaanxi: 55, henan: 12}
 * employer_name: 西安速达同城配送有限公司   # the local employer's name
 * hospital: xian_union_hospital        # the hospital of half the hospital stays
 * occupations: gig                     # the occupation mix: gig, or outdoor (more sanitation workers, traffic police…)
 * sf_express_weight: 22                # optional: SF Express's weight among couriers' employers (default 22)
 * focus_cities: [xian, baoji]          # optional: the cities test generators favour (default: the work cities)
 * </pre>
 *
 * <p>Weights are relative, positive numbers. The order of the entries matters: the same seed gives the same
 * register only for the same profile in the same order.
 *
 * @param region          the region id, the prefix of the generated worker ids
 * @param referenceDate   the date a register is drawn up on unless the options give one: a day the region's
 *                        programme is in effect
 * @param workCities      city (pinyin name or code, as {@link Places#city} reads it) → weight, in order
 * @param hukouProvinces  province → weight, in order
 * @param employerName    the local employer, the employer of workers no platform employs
 * @param hospital        the hospital named in half the generated hospital stays (the other half name
 *                        {@code district_hospital})
 * @param occupations     the occupation mix
 * @param sfExpressWeight SF Express's weight among the couriers' employers, the others' weights being
 *                        16 (JD Logistics), 16 (ZTO), 12 (YTO), 10 (Yunda), 6 (Cainiao) and 8 (the local employer)
 * @param focusCities     the region's cities that generators of test workers offer most often (its main city,
 *                        the cities its rules name, neighbours), in order; the register generator does not use them
 */
public record RegisterProfile(
        String region,
        LocalDate referenceDate,
        Map<String, Double> workCities,
        Map<String, Double> hukouProvinces,
        String employerName,
        String hospital,
        OccupationMix occupations,
        double sfExpressWeight,
        List<String> focusCities) {

    /** SF Express's weight among the couriers' employers unless a profile says otherwise. */
    public static final double DEFAULT_SF_EXPRESS_WEIGHT = 22;

    /** The occupations generated workers have, with their shares. */
    public enum OccupationMix {
        /** Gig work: delivery riders, couriers and drivers above all. */
        GIG,
        /**
         * Outdoor work: the gig mix with more sanitation workers, and traffic police and city-management staff,
         * for a region whose programme is for outdoor workers.
         */
        OUTDOOR
    }

    private static final List<String> FIELDS = List.of(
            "reference_date",
            "work_cities",
            "hukou_provinces",
            "employer_name",
            "hospital",
            "occupations",
            "sf_express_weight",
            "focus_cities");

    /**
     * @throws InvalidInputException naming the field when a value is missing, a weight is not a positive number,
     *                               a city or province is unknown
     */
    public RegisterProfile {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(referenceDate, "referenceDate");
        Objects.requireNonNull(employerName, "employerName");
        Objects.requireNonNull(hospital, "hospital");
        Objects.requireNonNull(occupations, "occupations");
        workCities = weights("work_cities", workCities);
        hukouProvinces = weights("hukou_provinces", hukouProvinces);
        if (!(sfExpressWeight > 0 && Double.isFinite(sfExpressWeight))) {
            throw new InvalidInputException("sf_express_weight", "must be a positive number");
        }
        focusCities = List.copyOf(focusCities);
        for (String city : workCities.keySet()) {
            Places.standard().city("work_cities", city);
        }
        for (String province : hukouProvinces.keySet()) {
            Places.standard().province("hukou_provinces", province);
        }
        for (String city : focusCities) {
            Places.standard().city("focus_cities", city);
        }
    }

    private static Map<String, Double> weights(String field, Map<String, Double> weights) {
        if (weights.isEmpty()) {
            throw new InvalidInputException(field, "needs at least one entry");
        }
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            double w = Objects.requireNonNull(e.getValue(), field);
            if (!(w > 0 && Double.isFinite(w))) {
                throw new InvalidInputException(field, "the weight of " + e.getKey() + " must be a positive number");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /**
     * Reads a register profile file within the {@linkplain org.nuanxin.input.InputLimits input limits}.
     *
     * @throws MalformedFileException naming the file, line and field of what is missing or wrong
     */
    public static RegisterProfile read(String region, Path file) {
        return parse(region, file.toString(), InputFiles.read(file));
    }

    /**
     * Parses the text of a register profile.
     *
     * @param region the id of the region it is for
     * @param file   the file's name, for messages
     * @throws MalformedFileException naming the file, line and field of what is missing or wrong
     */
    public static RegisterProfile parse(String region, String file, String text) {
        YamlNode root = YamlNode.parse(file, text).allowOnly(FIELDS);
        YamlNode date = root.require("reference_date");
        LocalDate reference;
        try {
            reference = LocalDate.parse(date.text().strip());
        } catch (DateTimeParseException e) {
            throw date.error("expected a date such as 2025-06-01");
        }
        YamlNode mix = root.require("occupations");
        OccupationMix occupations = switch (mix.text().strip()) {
            case "gig" -> OccupationMix.GIG;
            case "outdoor" -> OccupationMix.OUTDOOR;
            default -> throw mix.error("expected gig or outdoor");
        };
        YamlNode sf = root.get("sf_express_weight");
        double sfExpress = sf == null ? DEFAULT_SF_EXPRESS_WEIGHT : weight(sf);
        Map<String, Double> workCities = weights(root.require("work_cities"), true);
        Map<String, Double> hukou = weights(root.require("hukou_provinces"), false);
        List<String> focus = new ArrayList<>();
        YamlNode focusNode = root.get("focus_cities");
        if (focusNode == null) {
            focus.addAll(workCities.keySet());
        } else {
            for (YamlNode n : focusNode.items()) {
                focus.add(place(n, n.text().strip(), true));
            }
        }
        return new RegisterProfile(
                region,
                reference,
                workCities,
                hukou,
                text(root.require("employer_name")),
                text(root.require("hospital")),
                occupations,
                sfExpress,
                focus);
    }

    private static Map<String, Double> weights(YamlNode map, boolean cities) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            weights.put(place(e.getValue(), e.getKey(), cities), weight(e.getValue()));
        }
        if (weights.isEmpty()) {
            throw map.error("needs at least one entry");
        }
        return weights;
    }

    /** The name, once checked to be a city (or province) the place table knows. */
    private static String place(YamlNode at, String name, boolean city) {
        try {
            if (city) {
                Places.standard().city(at.path(), name);
            } else {
                Places.standard().province(at.path(), name);
            }
            return name;
        } catch (InvalidInputException e) {
            throw at.error(e.problem());
        }
    }

    private static double weight(YamlNode n) {
        double w;
        try {
            w = new BigDecimal(n.text().strip()).doubleValue();
        } catch (NumberFormatException e) {
            throw n.error("expected a weight, a positive number");
        }
        if (!(w > 0 && Double.isFinite(w))) {
            throw n.error("expected a weight, a positive number");
        }
        return w;
    }

    private static String text(YamlNode n) {
        String s = n.text().strip();
        if (s.isEmpty()) {
            throw n.error("is empty");
        }
        return s;
    }
}
