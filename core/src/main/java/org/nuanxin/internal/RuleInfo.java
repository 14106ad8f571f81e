package org.nuanxin.internal;

import java.util.List;

/**
 * What the engine knows of one rule from its metadata, resolved once when the rules are built.
 *
 * @param name     the rule's name
 * @param file     the DRL file it is in
 * @param benefits the benefit codes it decides ({@code @benefit}, {@code "*"} already expanded)
 * @param source   source key ({@code @source}, e.g. XA-2025)
 * @param clause   the quoted clause ({@code @clause})
 * @param zh       the criterion or amount in Chinese, parameters filled in
 * @param en       the same in English
 * @param unmetZh  the sentence when the criterion is not met, or empty for the generic one
 * @param unmetEn  the same in English
 */
public record RuleInfo(String name, String file, List<String> benefits, String source, String clause,
                       String zh, String en, String unmetZh, String unmetEn) {
}
