<#-- META-INF/THIRD-PARTY.txt of nuanxin.jar, written at build time by license-maven-plugin's add-third-party
     goal (cli/pom.xml) from the POMs of the artifacts the jar bundles. dependencyMap: each bundled artifact
     (a MavenProject) with its licences, named as cli/pom.xml's licenseMerges name them (SPDX identifiers).
     A licence this file does not know is written "UNKNOWN", and a licence that asks for its text to travel
     with the software, without a text here, is written "MISSING": ThirdPartyLicencesTest fails on both. -->
<#assign urls = {
    "Apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0",
    "MIT": "https://opensource.org/license/mit",
    "BSD-3-Clause": "https://opensource.org/license/bsd-3-clause",
    "EPL-2.0": "https://www.eclipse.org/legal/epl-2.0/",
    "LGPL-3.0-or-later": "https://www.gnu.org/licenses/lgpl-3.0.html"
}>
<#-- licences whose text (and the copyright notice) must go with a binary copy -->
<#assign reproduce = ["MIT", "BSD-3-Clause", "EPL-2.0"]>
<#-- the texts, by artifact (groupId:artifactId) -->
<#assign texts = {
    "org.slf4j:slf4j-api": "META-INF/licenses/MIT-slf4j.txt",
    "org.slf4j:slf4j-simple": "META-INF/licenses/MIT-slf4j.txt",
    "org.antlr:antlr-runtime": "META-INF/licenses/BSD-3-Clause-antlr3.txt",
    "org.antlr:antlr4-runtime": "META-INF/licenses/BSD-3-Clause-antlr4.txt",
    "org.eclipse.jdt:ecj": "META-INF/licenses/EPL-2.0.txt"
}>
Third-party software in nuanxin.jar
===================================

Nuanxin is under the Apache License 2.0 (META-INF/LICENSE). nuanxin.jar also holds the artifacts below,
each under the licence named with it. The Apache License's text is META-INF/LICENSE, and the notices of
the Apache-licensed artifacts are merged in META-INF/NOTICE. The licences that ask for their text and the
copyright notice to go with every copy are in META-INF/licenses/, one file for each artifact's text.
An artifact with two licences is offered under either; Nuanxin uses it under the first.

Written by the build (license-maven-plugin, add-third-party) from each artifact's POM.

<#list dependencyMap as e>
<#assign p = e.getKey()/>
<#-- Nuanxin's own modules: META-INF/LICENSE (excludedGroups does not filter the reactor's modules out) -->
<#if p.groupId == "org.nuanxin"><#continue></#if>
<#assign key = p.groupId + ":" + p.artifactId/>
${key}:${p.version}
    ${p.name!p.artifactId}<#if p.url??> (${p.url})</#if>
<#list e.getValue() as licence>
    licence: ${licence} ${urls[licence]!"UNKNOWN"}<#if reproduce?seq_contains(licence)> text: ${texts[key]!"MISSING"}</#if>
</#list>

</#list>
