/**
 * Population (batch) mode: a whole member register assessed on all cores and added up per benefit, beside
 * each benefit's quota and budget, for planners.
 *
 * <ul>
 *   <li>{@link org.nuanxin.population.Population#run Population.run(engine, region, asOf, reader, options)}
 *       streams a CSV register through the engine with bounded memory and returns a
 *       {@link org.nuanxin.population.PopulationReport}: per benefit
 *       ({@link org.nuanxin.population.BenefitTotals}) the counts by status, the cash total (settled amounts,
 *       and the low and high ends of range decisions kept apart), the in-kind total, and the quota and budget
 *       parameters the catalogue names ({@link org.nuanxin.Benefit#quotaKey()}, {@link org.nuanxin.Benefit#budgetKey()})
 *       with QUOTA EXCEEDED / BUDGET EXCEEDED flags; and the bad rows as (row, field, problem).</li>
 *   <li>{@link org.nuanxin.population.RegisterFormat} is the register's format: the worker fields of
 *       the scenario format (docs/scenario-format.md) as columns, plus optional one-event-per-row columns.</li>
 *   <li>{@link org.nuanxin.population.RegisterGenerator} writes synthetic registers for the regions on the classpath
 *       that ship a {@link org.nuanxin.population.RegisterProfile} (made-up cities, provinces and employer, beside
 *       the region's rules), or for a profile given directly.</li>
 * </ul>
 *
 * <p>Each row is a worker on the assessment date with the events its row gives and no claims: the report
 * counts who qualifies, not who has already been served. A quota is compared with the ELIGIBLE count and a
 * budget with cash (the low end of any range) plus in-kind value; a quota or budget "per year" is compared
 * with one register on one date as it stands.
 */
package org.nuanxin.population;
