package org.nuanxin.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * Personal-data canaries: values that fixtures carry as a worker's id, employer and hospital, and
 * that must never show up in logs, exception messages or the {@code toString()} of the library's
 * types. Each is unique enough that finding it anywhere means it leaked.
 */
final class Canaries {

    /** A valid-format 18-digit resident ID number (GB 11643, MOD 11-2 check character computed). */
    static final String ID = withCheck("61011319870623357");
    /** An employer name nobody else uses. */
    static final String EMPLOYER = "金丝雀速运KQ7Z有限公司";
    /** A hospital name nobody else uses. */
    static final String HOSPITAL = "金丝雀纪念医院KQ7Z";

    /**
     * What a scan looks for: the id without its check character (a leak of the id with a changed
     * last character is still a leak), the marker both names share (catches truncated names), and
     * the full names.
     */
    static final List<String> NEEDLES = List.of(ID.substring(0, 17), "KQ7Z", EMPLOYER, HOSPITAL);

    private Canaries() {}

    /** The canaries found in {@code text}. */
    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (String n : NEEDLES) {
            if (text.contains(n)) {
                found.add(n);
            }
        }
        return found;
    }

    /** The 18-character id: 17 digits and their ISO 7064 MOD 11-2 check character. */
    static String withCheck(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** Whether an 18-character id's check character is right. */
    static boolean valid(String id) {
        return id.length() == 18
                && id.substring(0, 17).chars().allMatch(Character::isDigit)
                && withCheck(id.substring(0, 17)).equals(id);
    }
}
